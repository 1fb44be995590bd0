using System.CommandLine;
using DataQuality.Core;
using DataQuality.Core.Diagnostics;
using DataQuality.Reports;
using DataQuality.Reports.Html;
using DataQuality.Reports.Input;
using DataQuality.Reports.Markdown;
using DataQuality.Reports.Model;

namespace DataQuality.Cli.Commands;

/// <summary>
/// <c>dq report --validation R.json --profile P.json --compare C.json --output report.html</c>: one
/// self-contained HTML page from the JSON that validate, profile and compare write (any subset, several of each).
/// Exit 0 whatever the results say: the page reports a verdict, the commands that produced the results gate.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var validation = new Option<string[]>("--validation") { Description = "Result JSON of 'dq validate --format json' (repeatable).", AllowMultipleArgumentsPerToken = true };
        var profile = new Option<string[]>("--profile") { Description = "Profile JSON of 'dq profile --format json' (repeatable).", AllowMultipleArgumentsPerToken = true };
        var compare = new Option<string[]>("--compare") { Description = "Comparison JSON of 'dq compare --format json' (repeatable).", AllowMultipleArgumentsPerToken = true };
        var output = new Option<FileInfo>("--output", "-o") { Description = "The HTML file to write.", Required = true };
        var markdown = new Option<FileInfo?>("--markdown") { Description = "Also write pull-request Markdown (failures first, under GitHub's comment limit) to this file." };
        var link = new Option<string?>("--link") { Description = "URL of the HTML report the Markdown links to (default: the --output file name)." };
        var title = new Option<string>("--title") { Description = "Page title.", DefaultValueFactory = _ => "Data quality report" };
        var command = new Command("report", "Render validation results, profiles and comparisons (their JSON) as one self-contained HTML page.")
        {
            validation, profile, compare, output, markdown, link, title,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var inputs = new ReportInputs();
            foreach (var path in parse.GetValue(validation) ?? []) ResultFiles.AddValidation(inputs, path);
            foreach (var path in parse.GetValue(profile) ?? []) ResultFiles.AddProfile(inputs, path);
            foreach (var path in parse.GetValue(compare) ?? []) ResultFiles.AddComparison(inputs, path);
            if (inputs.IsEmpty)
                throw new InputException(ReportErrors.NoInputs, "dq report needs at least one --validation, --profile or --compare file.");
            var file = parse.GetValue(output)!;
            var model = ReportBuilder.Build(inputs, parse.GetValue(title)!);
            try
            {
                await ReportWriter.WriteAsync(file, model, cancellationToken).ConfigureAwait(false);
                if (parse.GetValue(markdown) is { } md)
                {
                    md.Directory?.Create();
                    await File.WriteAllTextAsync(md.FullName, MarkdownReport.Render(model, parse.GetValue(link) ?? file.Name), cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new InputException(ReportErrors.CannotWrite, $"Cannot write the report: {ex.Message}", new SourceLocation(file.FullName), ex);
            }
            await context.Out.WriteLineAsync($"Report: {file.FullName}").ConfigureAwait(false);
            return ExitCodes.Passed;
        });
        return command;
    }
}
