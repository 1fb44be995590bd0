using System.CommandLine;
using DataQuality.Cli.Options;
using DataQuality.Cli.Presentation;
using DataQuality.Core;
using DataQuality.Core.Datasets;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Files;
using DataQuality.Core.Profiling;
using DataQuality.Core.Progress;
using DataQuality.Core.Storage;

namespace DataQuality.Cli.Commands;

/// <summary><c>dq profile PATH|GLOB [--columns a,b] [--format table|json|markdown] [--output FILE]</c>: profiles Parquet data.</summary>
internal static class ProfileCommand
{
    public static Command Create(CliContext context)
    {
        var path = new Argument<string>("path") { Description = "A Parquet file, directory, glob or hive-partitioned tree (local or s3://)." };
        var columns = new Option<string?>("--columns") { Description = "Comma-separated columns (leaf paths, top-level names or hive partition keys such as ds); default all." };
        var format = ChoiceOption.Create("--format", ["-f"], "Output: table (default), json (versioned profile, mergeable) or markdown.", ProfileFormat.Table);
        var threads = ThreadsOption();
        var metadataOnly = new Option<bool>("--metadata-only") { Description = "Only row counts, null counts and min/max from Parquet statistics; no page decoding." };
        var output = CommonOptions.Output();
        var quiet = CommonOptions.Quiet();
        var html = HtmlReportOption.Create();
        var legacyOut = new Option<string?>("--out") { Hidden = true, Description = "Deprecated: also write the JSON profile to this file; use --format json --output FILE." };

        var command = new Command("profile", "Profile Parquet data: counts, nulls, distinct, min/max, moments, quantiles, top values, histograms, string formats.")
        {
            path, columns, format, threads, metadataOnly, output, legacyOut, html, quiet,
        };
        var storage = new StorageOptionsBinder();
        storage.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var dataset = DatasetRef.Parse(parse.GetValue(path)!);
            if (dataset.Format != DatasetFormat.Parquet)
                throw new InputException(ProfileErrors.NotParquet, $"dq profile reads Parquet; '{dataset.Location}' looks like {dataset.Format}.", new SourceLocation(dataset.Location));
            var (resolver, fetcher) = StorageFactory.CreateResolver(storage.Bind(parse));
            using var _ = fetcher; // keeps --no-cache downloads until the profile is done
            var resolved = await resolver.ResolveAsync(dataset, ct).ConfigureAwait(false);
            // Neither file written may be one of the files profiled (DQ2008); refused before the scan.
            if (parse.GetValue(legacyOut) is { Length: > 0 } jsonTarget) OutputFile.EnsureWritable(jsonTarget, resolved.Files);
            if (parse.GetValue(output) is { } target) OutputFile.EnsureWritable(target.ToString(), resolved.Files);
            var options = ScanOptions(parse.GetValue(threads)) with
            {
                Columns = parse.GetValue(columns) is { Length: > 0 } list
                    ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    : null,
                MetadataOnly = parse.GetValue(metadataOnly),
            };
            var profile = await ProfileWithProgressAsync(context, "profile", parse.GetValue(quiet), ProfileInput.From(resolved.Files, resolved.Locations), options, ct).ConfigureAwait(false);
            // Table and markdown list the notices under the table; JSON holds them too, but stdout is for machines there.
            if (parse.GetValue(format) == ProfileFormat.Json)
                foreach (var notice in profile.Notices ?? [])
                    await context.Error.WriteLineAsync("Note: " + notice).ConfigureAwait(false);
            if (options.MetadataOnly)
                await context.Error.WriteLineAsync("Note: --metadata-only reads footers only: no page was read or checked, and columns without exact statistics are not profiled.").ConfigureAwait(false);
            if (parse.GetValue(legacyOut) is { Length: > 0 } outFile)
                await ProfileJson.WriteAsync(profile, outFile, ct, resolved.Files).ConfigureAwait(false);
            var file = parse.GetValue(output);
            var page = new Reports.Model.ReportInputs();
            page.Profiles.Add((dataset.Location, profile));
            await HtmlReportOption.WriteAsync(context, parse.GetValue(html), page, ct).ConfigureAwait(false);
            switch (parse.GetValue(format))
            {
                case ProfileFormat.Json:
                    await CommonOptions.WriteAsync(context, file, ProfileJson.Serialize(profile) + Environment.NewLine, resolved.Files, ct).ConfigureAwait(false);
                    break;
                case ProfileFormat.Markdown:
                    await CommonOptions.WriteAsync(context, file, ProfileRendering.Markdown(profile), resolved.Files, ct).ConfigureAwait(false);
                    break;
                default:
                    if (file is null)
                        ProfileRendering.Table(profile, context.Out, IsTerminal(context.Out, Console.Out, Console.IsOutputRedirected));
                    else
                    {
                        var table = new StringWriter();
                        ProfileRendering.Table(profile, table, terminal: false);
                        await CommonOptions.WriteAsync(context, file, table.ToString(), resolved.Files, ct).ConfigureAwait(false);
                    }
                    break;
            }
            return ExitCodes.Passed;
        });
        return command;
    }

    private static bool IsTerminal(TextWriter writer, TextWriter console, bool redirected) =>
        ReferenceEquals(writer, console) && !redirected;

    /// <summary><c>--threads</c> of the commands that profile (profile, suggest): row groups in parallel.</summary>
    internal static Option<int?> ThreadsOption() => new("--threads") { Description = "Row groups profiled in parallel (default: number of cores)." };

    /// <summary>What every command that profiles reads with: its <c>--threads</c> and the environment's read limits.</summary>
    internal static ProfileOptions ScanOptions(int? threads) =>
        ProfileOptions.FromEnvironment(threads is { } t ? Core.Settings.SettingValues.Threads(t, "--threads") : null);

    /// <summary>Row-group progress from the profiler, shown like every long command's (<see cref="ProgressReporter"/>).</summary>
    internal static Task<DatasetProfile> ProfileWithProgressAsync(CliContext context, string command, bool quiet, IReadOnlyList<ProfileInput> files, ProfileOptions options, CancellationToken ct) =>
        ProgressReporter.For(context, command, quiet).RunAsync(
            progress => ParquetProfiler.ProfileAsync(files, options, new RowsProgress(progress), ct), ct);

    /// <summary>Reports on the worker thread; <see cref="Progress{T}"/> would post to a sync context we do not have.</summary>
    private sealed class RowsProgress(IProgress<WorkProgress> target) : IProgress<ProfileProgress>
    {
        public void Report(ProfileProgress value) => target.Report(new WorkProgress("profiling", value.RowsDone, value.RowsTotal, "rows"));
    }
}

internal enum ProfileFormat
{
    Table,
    Json,
    Markdown,
}
