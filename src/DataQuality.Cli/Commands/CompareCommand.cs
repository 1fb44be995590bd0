using System.CommandLine;
using DataQuality.Cli.Options;
using DataQuality.Cli.Presentation;
using DataQuality.Core;
using DataQuality.Core.Comparison;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Files;
using DataQuality.Core.Reporting;
using DataQuality.Core.Snapshots;
using DataQuality.Core.Storage;

namespace DataQuality.Cli.Commands;

/// <summary><c>dq compare --base A --head B</c>: compares two output trees and prints the report; exit 1 when a threshold is breached.</summary>
internal static class CompareCommand
{
    public static Command Create(CliContext context)
    {
        var baseOption = new Option<string>("--base") { Description = "Base output tree (main), or one data file (then --head is a data file too).", Required = true };
        var headOption = new Option<string>("--head") { Description = "Head output tree (feature), or one data file.", Required = true };
        var comparison = new CompareOptionSet();
        var format = ChoiceOption.Create("--format", ["-f"], "Output format: markdown (default) or json.", ReportFormat.Markdown, ReportFormat.Markdown, ReportFormat.Json);
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of standard output." };
        var html = HtmlReportOption.Create();
        var quiet = CommonOptions.Quiet();

        var command = new Command("compare", "Compare two pipeline output trees (base = main, head = feature) entity by entity.");
        foreach (var o in new Option[] { baseOption, headOption, format, output, html, quiet })
            command.Options.Add(o);
        comparison.AddTo(command);
        var storage = new StorageOptionsBinder();
        storage.AddTo(command);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = comparison.Bind(parse);

            // The report is never written over a file of either tree (DQ2008), checked before the comparison runs.
            var outputFile = parse.GetValue(output);
            var inputs = outputFile is null ? [] : await LocalInputsAsync([parse.GetValue(baseOption)!, parse.GetValue(headOption)!], cancellationToken).ConfigureAwait(false);
            if (outputFile is not null) OutputFile.EnsureWritable(outputFile, inputs);
            using var s3 = new S3TreeLister(storage.Bind(parse)); // s3:// trees, read through the download cache
            var report = await ProgressReporter.For(context, "compare", parse.GetValue(quiet)).RunAsync(
                p => new TreeComparer([s3, LocalTreeLister.Instance]) { Progress = p }.CompareAsync(parse.GetValue(baseOption)!, parse.GetValue(headOption)!, options, cancellationToken),
                cancellationToken).ConfigureAwait(false);
            // A report for people (terminal, CI log, --output file): real paths and values; scrubbing
            // is for snapshot files only (DataSnapshot in tests).
            var render = SnapshotRenderOptions.Report with { MaxSamples = options.SampleSize };
            var text = parse.GetValue(format) == ReportFormat.Json ? ComparisonJson.Render(report, render) : ComparisonMarkdown.Render(report, render);

            if (outputFile is { } file)
            {
                await OutputFile.WriteAllTextAsync(file, text, inputs, SnapshotText.Encoding, cancellationToken).ConfigureAwait(false);
                await context.Out.WriteLineAsync(Summary(report) + $"; report written to {file}").ConfigureAwait(false);
            }
            else
            {
                await context.Out.WriteAsync(text).ConfigureAwait(false);
            }
            var page = new Reports.Model.ReportInputs();
            page.Comparisons.Add(($"{report.BaseRoot} → {report.HeadRoot}", report));
            await HtmlReportOption.WriteAsync(context, parse.GetValue(html), page, cancellationToken).ConfigureAwait(false);
            if (!report.Verdict.Passed)
                foreach (var b in report.Verdict.Breaches)
                    await context.Error.WriteLineAsync($"{b.Entity}: threshold {b.Rule} breached: {b.Observed} (limit {b.Limit})").ConfigureAwait(false);
            return report.Verdict.ExitCode;
        });
        return command;
    }

    private static async Task<List<string>> LocalInputsAsync(string[] roots, CancellationToken cancellationToken)
    {
        var files = new List<string>();
        foreach (var root in roots.Where(r => LocalTreeLister.Instance.CanList(r) && Directory.Exists(r)))
            files.AddRange((await LocalTreeLister.Instance.ListAsync(root, cancellationToken).ConfigureAwait(false)).Select(f => f.Location));
        return files;
    }

    private static string Summary(ComparisonReport report)
    {
        var changed = report.Entities.Count(e => e.HasDifferences);
        return $"dq compare: {report.Entities.Count} entities, {changed} with differences, verdict {(report.Verdict.Passed ? "passed" : "failed")}";
    }
}
