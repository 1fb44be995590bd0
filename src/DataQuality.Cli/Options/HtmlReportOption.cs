using System.CommandLine;
using DataQuality.Core.Diagnostics;
using DataQuality.Reports;
using DataQuality.Reports.Html;
using DataQuality.Reports.Model;

namespace DataQuality.Cli.Options;

/// <summary>
/// <c>--html FILE</c> on validate, profile and compare: the same self-contained page <c>dq report</c>
/// renders, written straight from the command's results. The note goes to standard error so a
/// <c>--format json</c> on standard output stays clean.
/// </summary>
internal static class HtmlReportOption
{
    public static Option<FileInfo?> Create() => new("--html")
    {
        Description = "Also write the results as a self-contained HTML report (see docs/report.md) to this file.",
    };

    public static async Task WriteAsync(CliContext context, FileInfo? file, ReportInputs inputs, CancellationToken cancellationToken)
    {
        if (file is null) return;
        try
        {
            await ReportWriter.WriteAsync(file, ReportBuilder.Build(inputs), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException(ReportErrors.CannotWrite, $"Cannot write the HTML report: {ex.Message}", new SourceLocation(file.FullName), ex);
        }
        await context.Error.WriteLineAsync($"HTML report: {file.FullName}").ConfigureAwait(false);
    }
}
