using System.CommandLine;
using DataQuality.Cli.Options;
using DataQuality.Core;
using DataQuality.Core.Comparison;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Snapshots;
using DataQuality.Core.Storage;

namespace DataQuality.Cli.Commands;

/// <summary><c>dq compare --base A --head B</c>: compares two output trees and prints the report; exit 1 when a threshold is breached.</summary>
internal static class CompareCommand
{
    public static Command Create(CliContext context)
    {
        var baseOption = new Option<string>("--base") { Description = "Base output tree (main).", Required = true };
        var headOption = new Option<string>("--head") { Description = "Head output tree (feature).", Required = true };
        var layout = new Option<string>("--layout") { Description = $"Where entities live, e.g. '{{layer}}/v{{schema}}/{{entity}}/ds={{ds}}/*.parquet'. Default: '{TreeLayout.DefaultPattern}'.", DefaultValueFactory = _ => TreeLayout.DefaultPattern };
        var key = new Option<string[]>("--key") { Description = "Key columns of an entity: entity=col1,col2 (repeatable); overrides --keys-from." };
        var keysFrom = new Option<string?>("--keys-from") { Description = "Data contracts (ODCS/DCS file or folder): each model's primary key keys the entity of the same name." };
        var maxPsi = new Option<double?>("--max-drift-psi") { Description = "Fail when a column's population stability index (base -> head) exceeds this, e.g. 0.2." };
        var absTol = new Option<string[]>("--abs-tol") { Description = "Absolute tolerance: column=0.01, entity.column=0.01 or default=0.01 (repeatable)." };
        var relTol = new Option<string[]>("--rel-tol") { Description = "Relative tolerance: column=1e-6 (repeatable)." };
        var exclude = new Option<string[]>("--exclude") { Description = "Column left out of the value comparison, optionally entity.column (repeatable)." };
        var format = new Option<string>("--format") { Description = "markdown or json.", DefaultValueFactory = _ => "markdown" };
        format.AcceptOnlyFromAmong("markdown", "json");
        var output = new Option<string?>("--output") { Description = "Write the report to this file instead of standard output." };
        var html = HtmlReportOption.Create();
        var maxChanged = new Option<long?>("--max-changed-rows") { Description = "Fail when an entity has more changed + added + removed rows." };
        var maxDelta = new Option<double?>("--max-row-count-delta-pct") { Description = "Fail when an entity's row count changes by more than this percentage." };
        var failOnSchema = new Option<bool>("--fail-on-schema-change") { Description = "Fail when entities or columns appear, disappear or change type or nullability." };
        var samples = new Option<int>("--samples") { Description = "Sample rows per status.", DefaultValueFactory = _ => 5 };
        var noProfile = new Option<bool>("--no-profile") { Description = "Skip the per-column profile and drift comparison." };
        var noDrift = new Option<bool>("--no-drift") { Description = "Keep the profile, skip the PSI/KS drift (its profiler pass)." };

        var command = new Command("compare", "Compare two pipeline output trees (base = main, head = feature) entity by entity.");
        foreach (var o in new Option[] { baseOption, headOption, layout, key, keysFrom, absTol, relTol, exclude, format, output, html, maxChanged, maxDelta, failOnSchema, samples, noProfile, noDrift, maxPsi })
            command.Options.Add(o);
        var storage = new StorageOptionsBinder();
        storage.AddTo(command);

        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(samples) < 0) throw new InputException("DQ6005", "--samples must be 0 or more.");
            if (parse.GetValue(maxChanged) is < 0) throw new InputException("DQ6005", "--max-changed-rows must be 0 or more.");
            if (parse.GetValue(maxDelta) is { } pct && (pct < 0 || !double.IsFinite(pct))) throw new InputException("DQ6005", "--max-row-count-delta-pct must be 0 or more.");
            if (parse.GetValue(maxPsi) is { } psi && (psi < 0 || !double.IsFinite(psi))) throw new InputException("DQ6005", "--max-drift-psi must be 0 or more.");
            if (parse.GetValue(maxPsi) is not null && (parse.GetValue(noProfile) || parse.GetValue(noDrift)))
                throw new InputException("DQ6005", "--max-drift-psi needs the drift; drop --no-profile and --no-drift.");
            var options = new ComparisonOptions
            {
                Layout = TreeLayout.Parse(parse.GetValue(layout)!),
                Keys = CompareArguments.Keys(parse.GetValue(key) ?? []),
                ContractKeys = parse.GetValue(keysFrom) is { } contracts ? ContractKeys.Load(contracts) : new Dictionary<string, IReadOnlyList<string>>(),
                AbsoluteTolerance = CompareArguments.Tolerances(parse.GetValue(absTol) ?? [], "--abs-tol"),
                RelativeTolerance = CompareArguments.Tolerances(parse.GetValue(relTol) ?? [], "--rel-tol"),
                Exclude = parse.GetValue(exclude) ?? [],
                SampleSize = parse.GetValue(samples),
                Profile = !parse.GetValue(noProfile),
                Drift = !parse.GetValue(noDrift),
                Thresholds = new ComparisonThresholds
                {
                    MaxChangedRows = parse.GetValue(maxChanged),
                    MaxRowCountDeltaPercent = parse.GetValue(maxDelta),
                    FailOnSchemaChange = parse.GetValue(failOnSchema),
                    MaxDriftPsi = parse.GetValue(maxPsi),
                },
            };

            using var s3 = new S3TreeLister(storage.Bind(parse)); // s3:// trees, read through the download cache
            var report = await new TreeComparer([s3, LocalTreeLister.Instance]).CompareAsync(parse.GetValue(baseOption)!, parse.GetValue(headOption)!, options, cancellationToken).ConfigureAwait(false);
            var render = new SnapshotRenderOptions { MaxSamples = options.SampleSize };
            var text = parse.GetValue(format) == "json" ? ComparisonJson.Render(report, render) : ComparisonMarkdown.Render(report, render);

            if (parse.GetValue(output) is { } file)
            {
                try
                {
                    var dir = Path.GetDirectoryName(Path.GetFullPath(file));
                    if (dir is not null) Directory.CreateDirectory(dir);
                    await File.WriteAllTextAsync(file, text, SnapshotText.Encoding, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new InputException("DQ6006", $"Cannot write the report: {ex.Message}", new SourceLocation(file), ex);
                }
                await context.Out.WriteLineAsync(Summary(report) + $"; report written to {file}").ConfigureAwait(false);
            }
            else
            {
                await context.Out.WriteAsync(text).ConfigureAwait(false);
            }
            var inputs = new Reports.Model.ReportInputs();
            inputs.Comparisons.Add(($"{report.BaseRoot} → {report.HeadRoot}", report));
            await HtmlReportOption.WriteAsync(context, parse.GetValue(html), inputs, cancellationToken).ConfigureAwait(false);
            if (!report.Verdict.Passed)
                foreach (var b in report.Verdict.Breaches)
                    await context.Error.WriteLineAsync($"{b.Entity}: threshold {b.Rule} breached: {b.Observed} (limit {b.Limit})").ConfigureAwait(false);
            return report.Verdict.ExitCode;
        });
        return command;
    }

    private static string Summary(ComparisonReport report)
    {
        var changed = report.Entities.Count(e => e.Presence != Presence.Both || !e.IdenticalFiles && (e.Keyed is null || e.Keyed.DifferingRows > 0 || e.SchemaChanges.Count > 0));
        return $"dq compare: {report.Entities.Count} entities, {changed} with differences, verdict {(report.Verdict.Passed ? "passed" : "failed")}";
    }
}
