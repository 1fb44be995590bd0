namespace DataQuality.Core.Reporting;

public enum ReportFormat
{
    Text,
    Json,
    Markdown,
    Junit,
}
