using System.CommandLine;
using DataQuality.Cli.Options;
using DataQuality.Core;
using DataQuality.Core.Datasets;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Profiling;
using DataQuality.Core.Storage;
using Spectre.Console;

namespace DataQuality.Cli.Commands;

/// <summary><c>dq profile PATH|GLOB [--columns a,b] [--format table|json|markdown]</c>: profiles Parquet data.</summary>
internal static class ProfileCommand
{
    public static Command Create(CliContext context)
    {
        var path = new Argument<string>("path") { Description = "A Parquet file, directory, glob or hive-partitioned tree (local or s3://)." };
        var columns = new Option<string?>("--columns") { Description = "Comma-separated columns (leaf paths, top-level names or hive partition keys such as ds); default all." };
        var format = new Option<string>("--format") { Description = "Output: table (default), json (versioned profile, mergeable) or markdown.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "markdown");
        var threads = new Option<int?>("--threads") { Description = "Row groups profiled in parallel (default: number of cores)." };
        var metadataOnly = new Option<bool>("--metadata-only") { Description = "Only row counts, null counts and min/max from Parquet statistics; no page decoding." };
        var output = new Option<string?>("--out") { Description = "Also write the JSON profile to this file." };
        var html = HtmlReportOption.Create();

        var command = new Command("profile", "Profile Parquet data: counts, nulls, distinct, min/max, moments, quantiles, top values, histograms, string formats.")
        {
            path, columns, format, threads, metadataOnly, output, html,
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
            var options = new ProfileOptions
            {
                Columns = parse.GetValue(columns) is { Length: > 0 } list
                    ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    : null,
                MaxDegreeOfParallelism = parse.GetValue(threads) is > 0 and var t ? t : Environment.ProcessorCount,
                MetadataOnly = parse.GetValue(metadataOnly),
            };
            var profile = await ProfileWithProgressAsync(context, ProfileInput.From(resolved.Files, resolved.Locations), options, ct).ConfigureAwait(false);
            if (parse.GetValue(output) is { Length: > 0 } outFile)
                await ProfileJson.WriteAsync(profile, outFile, ct).ConfigureAwait(false);
            var inputs = new Reports.Model.ReportInputs();
            inputs.Profiles.Add((dataset.Location, profile));
            await HtmlReportOption.WriteAsync(context, parse.GetValue(html), inputs, ct).ConfigureAwait(false);
            switch (parse.GetValue(format))
            {
                case "json":
                    await context.Out.WriteLineAsync(ProfileJson.Serialize(profile)).ConfigureAwait(false);
                    break;
                case "markdown":
                    await context.Out.WriteAsync(ProfileRendering.Markdown(profile)).ConfigureAwait(false);
                    break;
                default:
                    ProfileRendering.Table(profile, context.Out, IsTerminal(context.Out, Console.Out, Console.IsOutputRedirected));
                    break;
            }
            return ExitCodes.Passed;
        });
        return command;
    }

    private static bool IsTerminal(TextWriter writer, TextWriter console, bool redirected) =>
        ReferenceEquals(writer, console) && !redirected;

    /// <summary>A progress bar on stderr, only for scans still running after a second and only on a terminal.</summary>
    private static async Task<DatasetProfile> ProfileWithProgressAsync(CliContext context, IReadOnlyList<ProfileInput> files, ProfileOptions options, CancellationToken ct)
    {
        ProfileProgress? latest = null;
        var scan = ParquetProfiler.ProfileAsync(files, options, new SynchronousProgress(p => Volatile.Write(ref latest, p)), ct);
        var first = await Task.WhenAny(scan, Task.Delay(TimeSpan.FromSeconds(1), ct)).ConfigureAwait(false);
        if (first == scan || !IsTerminal(context.Error, Console.Error, Console.IsErrorRedirected))
            return await scan.ConfigureAwait(false);

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Error) });
        await console.Progress().AutoClear(true).StartAsync(async ctx =>
        {
            var task = ctx.AddTask("profiling row groups");
            while (!scan.IsCompleted)
            {
                if (Volatile.Read(ref latest) is { } p)
                {
                    task.MaxValue = p.RowGroupsTotal;
                    task.Value = p.RowGroupsDone;
                }
                await Task.WhenAny(scan, Task.Delay(100, ct)).ConfigureAwait(false);
            }
            task.Value = task.MaxValue;
        }).ConfigureAwait(false);
        return await scan.ConfigureAwait(false);
    }

    /// <summary>Reports on the worker thread; <see cref="Progress{T}"/> would post to a sync context we do not have.</summary>
    private sealed class SynchronousProgress(Action<ProfileProgress> report) : IProgress<ProfileProgress>
    {
        public void Report(ProfileProgress value) => report(value);
    }
}
