using DataQuality.Reports.Model;

namespace DataQuality.Reports.Html;

/// <summary>Writes the HTML page to a file (creating its folder), UTF-8 without a byte-order mark.</summary>
public static class ReportWriter
{
    public static async Task WriteAsync(FileInfo file, ReportModel model, CancellationToken cancellationToken = default)
    {
        file.Directory?.Create();
        await File.WriteAllTextAsync(file.FullName, HtmlReport.Render(model), new System.Text.UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
    }
}
