using System.CommandLine;
using System.Globalization;
using DataQuality.Cli.Options;
using DataQuality.Core;
using DataQuality.Core.Benchmarking;
using DataQuality.Core.Comparison;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Reporting;
using DataQuality.Core.Snapshots;
using DataQuality.Core.Storage;

namespace DataQuality.Cli.Commands;

/// <summary>
/// <c>dq bench run|list|show|restore|compare</c> (docs/bench.md): main and a feature branch of a pipeline run
/// into one fixed partition, snapshotted, compared and timed. The work is Core's <see cref="BenchRunner"/>.
/// </summary>
internal static class BenchCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("bench", "Run a pipeline's base and head branches into one fixed partition, snapshot, compare and time them.");
        command.Subcommands.Add(Run(context));
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Show(context));
        command.Subcommands.Add(Restore(context));
        command.Subcommands.Add(Compare(context));
        return command;
    }

    private static Option<string> NamespaceOption() => new("--namespace") { Description = "Where bench runs are kept: a local folder or s3://bucket/prefix.", Required = true };

    private static Command Run(CliContext context)
    {
        var repo = new Option<string>("--repo") { Description = "The pipeline's git repository (default: the current folder).", DefaultValueFactory = _ => "." };
        var baseBranch = new Option<string>("--base") { Description = "Base branch or commit (e.g. main).", Required = true };
        var headBranch = new Option<string>("--head") { Description = "Head branch or commit (e.g. feature/x).", Required = true };
        var run = new Option<string>("--run") { Description = "The pipeline command, run through the shell in each branch's worktree; {worktree} {outputs} {client} {env} {label} {branch} and each partition column ({ds}) are substituted.", Required = true };
        var outputs = new Option<string>("--outputs") { Description = "The canonical root the pipeline writes (local folder or s3://).", Required = true };
        var partition = new Option<string[]>("--partition") { Description = "The fixed target partition, e.g. ds=2026-02-11 (required; never today/yesterday; repeat for more columns).", Required = true };
        var layers = new Option<string?>("--layers") { Description = "Comma-separated layers (values of {layer} in --layout) to purge and snapshot; default all." };
        var ns = NamespaceOption();
        var client = new Option<string>("--client") { Description = "Client name, for {client} and the bench id.", DefaultValueFactory = _ => "default" };
        var env = new Option<string>("--env") { Description = "Environment, for {env}; prod/production is refused without --allow-prod.", DefaultValueFactory = _ => "dev" };
        var repeat = new Option<int>("--repeat") { Description = "Measured runs per branch after one warm-up each, alternating base/head (0: one run each, no warm-up).", DefaultValueFactory = _ => 0 };
        var restore = new Option<bool>("--restore") { Description = "Put the pre-benchmark partition back afterwards and verify it is byte-identical." };
        var allowProd = new Option<bool>("--allow-prod") { Description = "Allow --env prod/production." };
        var hourlyRate = new Option<double?>("--hourly-rate") { Description = "Machine cost per hour, for the estimated cost per run." };
        var timeout = new Option<int>("--run-timeout") { Description = "Minutes after which a run is stopped and counted as failed.", DefaultValueFactory = _ => 120 };
        var format = ChoiceOption.Create("--format", ["-f"], "Report format: markdown (default) or json.", ReportFormat.Markdown, ReportFormat.Markdown, ReportFormat.Json);
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of standard output." };
        var snapshot = new Option<string?>("--snapshot") { Description = "Also write the Markdown report as an approval snapshot NAME.received.md, checked against NAME.verified.md." };
        var resume = new Option<string?>("--resume") { Description = "Resume an interrupted bench (its id, see dq bench list) with the same arguments: completed runs and snapshots are skipped." };
        var html = HtmlReportOption.Create();
        var quiet = CommonOptions.Quiet();
        var comparison = new CompareOptionSet();
        var storage = new StorageOptionsBinder();

        var command = new Command("run", "Run base then head into the target partition, snapshot each into the namespace, compare them and report runtime.");
        foreach (var o in new Option[] { repo, baseBranch, headBranch, run, outputs, partition, layers, ns, client, env, repeat, restore, allowProd, hourlyRate, timeout, format, output, snapshot, resume, html, quiet })
            command.Options.Add(o);
        comparison.AddTo(command);
        storage.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(timeout) <= 0) throw new InputException(BenchErrors.InvalidArgument, "--run-timeout must be 1 minute or more.");
            var request = new BenchRequest
            {
                Repository = parse.GetValue(repo)!,
                BaseBranch = parse.GetValue(baseBranch)!,
                HeadBranch = parse.GetValue(headBranch)!,
                RunCommand = parse.GetValue(run)!,
                Outputs = parse.GetValue(outputs)!,
                Partition = parse.GetValue(partition) ?? [],
                Layout = TreeLayout.Parse(parse.GetValue(comparison.Layout)!),
                Layers = parse.GetValue(layers)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [],
                Namespace = parse.GetValue(ns)!,
                Client = parse.GetValue(client)!,
                Env = parse.GetValue(env)!,
                Repeat = parse.GetValue(repeat),
                Restore = parse.GetValue(restore),
                AllowProd = parse.GetValue(allowProd),
                HourlyRate = parse.GetValue(hourlyRate),
                RunTimeout = TimeSpan.FromMinutes(parse.GetValue(timeout)),
                Comparison = comparison.Bind(parse),
                ResumeId = parse.GetValue(resume),
            };
            // Each stage (snapshot, purge, run, exit and timings, compare) is one line on stderr, as every long command's progress.
            var result = await new BenchRunner(storage.Bind(parse), parse.GetValue(quiet) ? null : context.Error).RunAsync(request, ct).ConfigureAwait(false);
            var text = parse.GetValue(format) == ReportFormat.Json ? BenchJson.Render(result) : BenchMarkdown.Render(result);
            // The bench reads pipeline outputs through snapshots, not local files named here: only the folder/unwritable rule applies.
            await CommonOptions.WriteAsync(context, parse.GetValue(output) is { } file ? new FileInfo(file) : null, text, [], ct).ConfigureAwait(false);
            await context.Error.WriteLineAsync($"dq bench: {result.Context.Namespace.TrimEnd('/')}/{result.Context.BenchId}/report.md").ConfigureAwait(false);
            var page = new Reports.Model.ReportInputs();
            page.Benches.Add(($"bench {result.Context.BenchId}", result));
            await HtmlReportOption.WriteAsync(context, parse.GetValue(html), page, ct).ConfigureAwait(false);
            var exit = result.ExitCode;
            if (parse.GetValue(snapshot) is { Length: > 0 } name)
            {
                var full = Path.GetFullPath(name);
                var approval = new SnapshotFile(Path.GetDirectoryName(full)!, Path.GetFileName(full), "md");
                Directory.CreateDirectory(approval.Directory);
                var verdict = await SnapshotVerifier.VerifyAsync(BenchMarkdown.Render(result, snapshot: true), approval, autoAccept: Environment.GetEnvironmentVariable("DQ_AUTO_ACCEPT") == "1", ct).ConfigureAwait(false);
                await context.Error.WriteLineAsync(verdict.Message).ConfigureAwait(false);
                if (!verdict.Passed) exit = Math.Max(exit, ExitCodes.ChecksFailed);
            }
            return exit;
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var ns = NamespaceOption();
        var storage = new StorageOptionsBinder();
        var command = new Command("list", "List the bench runs in a namespace: id, branches, partition and verdict.") { ns };
        storage.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var (store, root) = Open(parse.GetValue(ns)!, storage, parse);
            using var _ = store as IDisposable;
            var entries = await new BenchNamespace(store, root).ListAsync(ct).ConfigureAwait(false);
            foreach (var e in entries)
            {
                var verdict = e.ExitCode switch { null => "incomplete", 0 => "passed", _ => "failed" };
                await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{e.BenchId}  {e.Context.Base.Branch} -> {e.Context.Head.Branch}  [{string.Join(", ", e.Context.Partition)}]  {e.Context.Client}/{e.Context.Env}  {verdict}")).ConfigureAwait(false);
            }
            await context.Error.WriteLineAsync($"{entries.Count} bench run(s) in {root}").ConfigureAwait(false);
            return ExitCodes.Passed;
        });
        return command;
    }

    private static Command Show(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "The bench id (see dq bench list)." };
        var ns = NamespaceOption();
        var format = ChoiceOption.Create("--format", ["-f"], "markdown (default) or json.", ReportFormat.Markdown, ReportFormat.Markdown, ReportFormat.Json);
        var storage = new StorageOptionsBinder();
        var command = new Command("show", "Print a bench run's report.") { id, ns, format };
        storage.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var (store, bench, entry) = await OpenBenchAsync(parse, ns, id, storage, ct).ConfigureAwait(false);
            using var _ = store as IDisposable;
            var name = parse.GetValue(format) == ReportFormat.Json ? "result.json" : "report.md";
            var text = await bench.ReadTextAsync(bench.Folder(entry.BenchId).Append(name), ct).ConfigureAwait(false)
                ?? throw new InputException(BenchErrors.UnknownBench, $"Bench {entry.BenchId} has no {name}: it did not finish. Its snapshots and logs are in {bench.Folder(entry.BenchId)}.");
            await context.Out.WriteAsync(text).ConfigureAwait(false);
            return entry.ExitCode ?? ExitCodes.ChecksFailed;
        });
        return command;
    }

    private static Command Restore(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "The bench id whose pre-benchmark snapshot goes back into the canonical partition." };
        var ns = NamespaceOption();
        var storage = new StorageOptionsBinder();
        var command = new Command("restore", "Put a bench's pre-benchmark snapshot back into the canonical partition and verify it.") { id, ns };
        storage.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var options = storage.Bind(parse);
            var (store, bench, entry) = await OpenBenchAsync(parse, ns, id, storage, ct).ConfigureAwait(false);
            using var _ = store as IDisposable;
            var outputs = StorageUri.Parse(entry.Context.Outputs);
            var outputStore = StorageFactory.StoreFor(outputs, options);
            try
            {
                var outcome = await BenchRunner.RestoreAsync(BenchNamespace.ScopeOf(entry.Context), store, bench.Folder(entry.BenchId).Append("pre-benchmark"), outputStore, outputs, null, ct).ConfigureAwait(false);
                if (!outcome.Identical)
                    throw new InputException(BenchErrors.RestoreMismatch, $"The restored partition differs from the snapshot: {string.Join("; ", outcome.Differences.Take(10))}", new SourceLocation(outputs.ToString()));
                await context.Out.WriteLineAsync($"restored {outcome.Objects} object(s) of [{string.Join(", ", entry.Context.Partition)}] into {outputs}: identical to the pre-benchmark snapshot").ConfigureAwait(false);
                return ExitCodes.Passed;
            }
            finally
            {
                if (!ReferenceEquals(outputStore, store)) (outputStore as IDisposable)?.Dispose();
            }
        });
        return command;
    }

    private static Command Compare(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "The bench id whose base and head snapshots are compared again." };
        var ns = NamespaceOption();
        var format = ChoiceOption.Create("--format", ["-f"], "markdown (default) or json.", ReportFormat.Markdown, ReportFormat.Markdown, ReportFormat.Json);
        var comparison = new CompareOptionSet();
        var storage = new StorageOptionsBinder();
        var command = new Command("compare", "Compare a finished bench's snapshots again with other options; no pipeline run.") { id, ns, format };
        comparison.AddTo(command, includeLayout: false);
        storage.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var options = storage.Bind(parse);
            var (store, bench, entry) = await OpenBenchAsync(parse, ns, id, storage, ct).ConfigureAwait(false);
            using var _ = store as IDisposable;
            var report = await new BenchRunner(options, context.Error).CompareAsync(bench.Folder(entry.BenchId), comparison.Bind(parse, entry.Context.Layout), ct).ConfigureAwait(false);
            var render = SnapshotRenderOptions.Report; // people read it: real paths and values
            await context.Out.WriteAsync(parse.GetValue(format) == ReportFormat.Json ? ComparisonJson.Render(report, render) : ComparisonMarkdown.Render(report, render)).ConfigureAwait(false);
            return report.Verdict.ExitCode;
        });
        return command;
    }

    private static (IObjectStore Store, StorageUri Root) Open(string location, StorageOptionsBinder storage, ParseResult parse)
    {
        var root = StorageUri.Parse(location);
        return (StorageFactory.StoreFor(root, storage.Bind(parse)), root);
    }

    /// <summary>The namespace store (the caller disposes it) and the bench the id names; DQ6209 when there is none.</summary>
    private static async Task<(IObjectStore Store, BenchNamespace Bench, BenchEntry Entry)> OpenBenchAsync(
        ParseResult parse, Option<string> ns, Argument<string> id, StorageOptionsBinder storage, CancellationToken ct)
    {
        var (store, root) = Open(parse.GetValue(ns)!, storage, parse);
        try
        {
            var bench = new BenchNamespace(store, root);
            return (store, bench, await bench.GetAsync(parse.GetValue(id)!, ct).ConfigureAwait(false));
        }
        catch
        {
            (store as IDisposable)?.Dispose();
            throw;
        }
    }
}
