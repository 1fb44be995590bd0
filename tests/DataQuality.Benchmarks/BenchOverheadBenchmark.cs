using System.Diagnostics;
using System.Globalization;
using System.Text;
using DataQuality.Core.Benchmarking;
using DataQuality.Core.Comparison;
using DataQuality.Core.Datasets;
using DataQuality.Core.Storage;

namespace DataQuality.Benchmarks;

/// <summary>
/// Issue 11: what <c>dq bench run</c> adds beyond the pipeline's own runs, on a ~1 GB partition (8 Parquet files).
/// The pipeline hard-links precomputed files into the partition (<c>cp -al</c>, near zero), so the bench's wall
/// time minus its runs' wall time is dq's overhead: worktrees, lock, the pre-benchmark snapshot, purges, the two
/// branch snapshots, the comparison and the reports. Target: no more than 10% above what the same work costs
/// by hand, i.e. one <c>dq storage sync</c> of the partition per snapshot plus one <c>dq compare</c> of the
/// snapshots (both run here in-process through the code those commands run). Deletes its 1 GB trees at the end.
/// </summary>
public sealed class BenchOverheadBenchmark : IBenchmark
{
    private const string Partition = "ds=2026-02-11";
    private const int Files = 8;

    public string Name => "bench-overhead";

    public string Description => "dq bench run: overhead beyond the pipeline's runs on a ~1 GB partition vs dq storage sync + dq compare";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var dir = Path.Combine(context.WorkDirectory, "bench-overhead");
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        try
        {
            await RunInAsync(context, dir, cancellationToken);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
            context.Line($"deleted {dir}");
        }
    }

    private static async Task RunInAsync(BenchContext context, string dir, CancellationToken cancellationToken)
    {
        // 8 hash columns (8 incompressible bytes each) plus id and amount: 14.5M rows make ~1 GB at scale 1.
        var rows = context.Rows(14_500_000);
        var data = Path.Combine(dir, "data");
        var sw = Stopwatch.StartNew();
        Generate(Path.Combine(data, "main"), rows, head: false);
        Generate(Path.Combine(data, "feature"), rows, head: true);
        var bytes = Directory.EnumerateFiles(Path.Combine(data, "main"), "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        context.Report("generate main and feature partitions", sw.Elapsed,
            string.Create(CultureInfo.InvariantCulture, $"{rows} rows, {Files} files, {bytes / (1024.0 * 1024):F0} MiB per branch"));

        var repo = await CreateRepositoryAsync(Path.Combine(dir, "repo"), data, cancellationToken);
        var outputs = Path.Combine(dir, "outputs");
        // The canonical partition starts with main's data, so the pre-benchmark snapshot copies a full partition too.
        CopyTree(Path.Combine(data, "main"), Path.Combine(outputs, "silver", "orders", Partition));
        var options = new ComparisonOptions { Keys = new Dictionary<string, IReadOnlyList<string>> { ["orders"] = ["id"] }, Profile = false };
        var request = new BenchRequest
        {
            Repository = repo,
            BaseBranch = "main",
            HeadBranch = "feature/x",
            RunCommand = "sh pipeline.sh {outputs} {ds}",
            Outputs = outputs,
            Partition = [Partition],
            Namespace = Path.Combine(dir, "runs"),
            Client = "overhead",
            Comparison = options,
        };

        var log = new TimedLog();
        FlushDirtyPages();
        sw.Restart();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var result = await new BenchRunner(log: log).RunAsync(request, cancellationToken);
        var total = sw.Elapsed;
        var benchCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var runs = TimeSpan.FromSeconds(result.Runs.Sum(r => r.WallSeconds));
        var overhead = total - runs;
        var root = Path.Combine(request.Namespace, result.Context.BenchId);
        context.Report("dq bench run (whole)", total, $"CPU {benchCpu.TotalSeconds:F1} s, exit {result.ExitCode}, load {BenchContext.LoadAverage()}");
        context.Report("  pipeline runs (2, cp -al)", runs);
        context.Report("  overhead (whole - runs)", overhead);
        var setup = log.Between(null, ": base main @");
        var snapshots = log.Between(": base main @", "pre-benchmark snapshot:") + log.Between("base run 1: exit", "head (feature/x) run 1: purged") + log.Between("head run 1: exit", "comparing base and head snapshots");
        var compareInBench = log.Since("comparing base and head snapshots", total);
        context.Report("    setup: git, worktrees, lock, manifest", setup);
        context.Report("    pre-benchmark snapshot", log.Between(": base main @", "pre-benchmark snapshot:"));
        context.Report("    base snapshot + head purge", log.Between("base run 1: exit", "head (feature/x) run 1: purged"));
        context.Report("    head snapshot + logs", log.Between("head run 1: exit", "comparing base and head snapshots"));
        context.Report("    compare + reports", compareInBench);
        var changed = result.Comparison!.Entities.Single().Keyed!.Changed;

        // By hand: the same three copies with dq storage sync (the canonical partition, then each branch's output;
        // same code as the command, in-process, into fresh folders, dirty pages flushed first as before the
        // bench), then dq compare of the two snapshots.
        var partition = Path.Combine(outputs, "silver", "orders", Partition);
        var sources = new[] { partition, Path.Combine(data, "main", "silver", "orders", Partition), Path.Combine(data, "feature", "silver", "orders", Partition) };
        FlushDirtyPages();
        sw.Restart();
        var syncs = new List<TimeSpan>();
        for (var i = 0; i < sources.Length; i++)
        {
            var lap = Stopwatch.StartNew();
            await StorageOperations.SyncAsync(LocalObjectStore.Instance, StorageUri.Local(sources[i] + "/"), LocalObjectStore.Instance, StorageUri.Local(Path.Combine(dir, $"copy-{i}") + "/"), cancellationToken: cancellationToken);
            syncs.Add(lap.Elapsed);
        }
        var sync = sw.Elapsed;
        context.Report("3 x dq storage sync of the partition", sync, string.Join(", ", syncs.Select(BenchContext.Ms)));
        sw.Restart();
        var alone = await new TreeComparer().CompareAsync(Path.Combine(root, "base"), Path.Combine(root, "head"), options, cancellationToken);
        var compare = sw.Elapsed;
        context.Report("dq compare of the two snapshots alone", compare, $"changed {alone.Entities.Single().Keyed!.Changed} (bench: {changed}), load {BenchContext.LoadAverage()}");

        var byHand = sync + compare;
        context.Line(string.Create(CultureInfo.InvariantCulture,
            $"(3 snapshots + compare) / (3 x sync + compare) = {(snapshots + compareInBench).TotalSeconds:F1} s / {byHand.TotalSeconds:F1} s = {(snapshots + compareInBench) / byHand:F2} (target <= 1.10)"));
        context.Line(string.Create(CultureInfo.InvariantCulture,
            $"snapshots / syncs = {snapshots / sync:F2}; compare in bench / compare alone = {compareInBench / compare:F2}; whole overhead / by hand = {overhead / byHand:F2} (setup {setup.TotalSeconds:F1} s included)"));
    }

    /// <summary>Writes back dirty pages (coreutils sync), so neither contender pays for the other's writes.</summary>
    private static void FlushDirtyPages()
    {
        using var p = Process.Start(new ProcessStartInfo("sync") { UseShellExecute = false })!;
        p.WaitForExit();
    }

    private static void Generate(string root, long rows, bool head)
    {
        using var db = DuckDbSession.Open();
        var per = rows / Files;
        for (var k = 0; k < Files; k++)
        {
            var path = Path.Combine(root, "silver", "orders", Partition, $"part-{k}.parquet");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var amount = head ? "CASE WHEN i % 100 = 7 THEN (i * 7919 % 100000) / 100.0 + 1 ELSE (i * 7919 % 100000) / 100.0 END" : "(i * 7919 % 100000) / 100.0";
            db.Execute(string.Create(CultureInfo.InvariantCulture, $"""
                COPY (SELECT i AS id, {amount} AS amount, {string.Join(", ", Enumerable.Range(1, 8).Select(h => $"hash(i + {h * 1_000_003}) AS h{h}"))}
                      FROM range({k * per}, {(k + 1) * per}) t(i))
                TO {SqlText.Literal(path)} (FORMAT parquet)
                """));
        }
    }

    private static async Task<string> CreateRepositoryAsync(string repo, string data, CancellationToken cancellationToken)
    {
        async Task Git(params string[] args)
        {
            var (code, _, error) = await GitWorktrees.GitAsync(repo, cancellationToken, args);
            if (code != 0) throw new InvalidOperationException($"git {string.Join(' ', args)}: {error}");
        }

        Directory.CreateDirectory(repo);
        await Git("init", "-q", "-b", "main");
        await Git("config", "user.email", "bench@example.com");
        await Git("config", "user.name", "bench");
        await Git("config", "commit.gpgsign", "false");
        File.WriteAllText(Path.Combine(repo, ".gitignore"), ".worktrees/\n");
        foreach (var (branch, folder) in new[] { ("main", "main"), ("feature/x", "feature") })
        {
            if (branch != "main") await Git("checkout", "-q", "-b", branch);
            // "Already-written data": the pipeline hard-links its branch's precomputed partition into the outputs.
            File.WriteAllText(Path.Combine(repo, "pipeline.sh"),
                $"#!/bin/sh\nset -e\nmkdir -p \"$1/silver/orders/ds=$2\"\ncp -al {Path.Combine(data, folder, "silver", "orders", Partition)}/. \"$1/silver/orders/ds=$2/\"\n");
            await Git("add", "-A");
            await Git("commit", "-q", "-m", branch);
        }
        await Git("checkout", "-q", "main");
        return repo;
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }

    /// <summary>The bench's progress lines with the time each was written, to cut the run into phases.</summary>
    private sealed class TimedLog : TextWriter
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly List<(TimeSpan At, string Line)> _lines = [];

        public override Encoding Encoding => Encoding.UTF8;

        public override void WriteLine(string? value)
        {
            lock (_lines) _lines.Add((_clock.Elapsed, value ?? ""));
        }

        public TimeSpan Between(string? from, string to) => At(to) - (from is null ? TimeSpan.Zero : At(from));

        public TimeSpan Since(string from, TimeSpan end) => end - At(from);

        private TimeSpan At(string fragment)
        {
            lock (_lines) return _lines.First(l => l.Line.Contains(fragment, StringComparison.Ordinal)).At;
        }
    }
}
