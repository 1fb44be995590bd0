using System.Diagnostics;
using System.Globalization;
using DataQuality.Core.Profiling;
using DataQuality.Core.Profiling.DictionaryPath;

namespace DataQuality.Benchmarks;

/// <summary>
/// The warm in-process profile of files with a path that bypasses Parquet.Net against Parquet.Net, same files,
/// same process, alternating runs: median wall and CPU (process user + sys) of <c>DQ_BENCH_RUNS</c> (default 7)
/// after <c>DQ_BENCH_WARMUP</c> (default 5) warm-up runs. Files: <c>DQ_BENCH_FILES</c> (comma-separated) or
/// <see cref="DefaultFiles"/> of the files <c>profile-cold</c> generates in the work directory.
/// <c>DQ_BENCH_INDEX_ONLY=1</c> runs the fast path alone (for a profiler such as perf).
/// </summary>
internal abstract class ProfilePathBenchmark : IBenchmark
{
    public abstract string Name { get; }

    public abstract string Description { get; }

    /// <summary>File names (in the work directory) measured when DQ_BENCH_FILES is not set.</summary>
    protected abstract IEnumerable<string> DefaultFiles { get; }

    /// <summary>Options taking the fast path and counting its chunks in <paramref name="stats"/>.</summary>
    protected abstract ProfileOptions Fast(DictionaryIndexStats stats);

    /// <summary>Options sending every chunk to Parquet.Net.</summary>
    protected abstract ProfileOptions Reference { get; }

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var runs = int.TryParse(Environment.GetEnvironmentVariable("DQ_BENCH_RUNS"), out var r) && r > 0 ? r : 7;
        var files = Environment.GetEnvironmentVariable("DQ_BENCH_FILES")?.Split(',', StringSplitOptions.RemoveEmptyEntries)
            ?? DefaultFiles.Select(f => Path.Combine(context.WorkDirectory, f)).ToArray();
        context.Line($"{runs} alternating runs per path, {Environment.ProcessorCount} cores; medians");
        context.Line("| file | fast path wall / CPU | Parquet.Net path wall / CPU | wall ratio | chunks taken / left | load |");
        context.Line("|---|---:|---:|---:|---:|---|");
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                context.Line($"| {Path.GetFileName(file)} | missing | | | | |");
                continue;
            }
            var stats = new DictionaryIndexStats();
            var fast = Fast(stats);
            var slow = Reference;
            // Warm-up runs until the tiered JIT has optimised the per-chunk code (a NativeAOT dq has it from the start).
            var warmUps = int.TryParse(Environment.GetEnvironmentVariable("DQ_BENCH_WARMUP"), out var w) && w > 0 ? w : 5;
            for (var i = 0; i < warmUps; i++) await ParquetProfiler.ProfileAsync([file], fast, null, cancellationToken);
            if (Environment.GetEnvironmentVariable("DQ_BENCH_INDEX_ONLY") != "1") await ParquetProfiler.ProfileAsync([file], slow, null, cancellationToken);
            var (counted, left) = (stats.CountedChunks / warmUps, stats.ChunksLeftToReader / warmUps);
            var fastTimes = new List<(double Wall, double Cpu)>();
            var slowTimes = new List<(double Wall, double Cpu)>();
            var indexOnly = Environment.GetEnvironmentVariable("DQ_BENCH_INDEX_ONLY") == "1";
            for (var i = 0; i < runs; i++)
            {
                fastTimes.Add(await TimeAsync(file, fast, cancellationToken));
                slowTimes.Add(indexOnly ? (double.NaN, double.NaN) : await TimeAsync(file, slow, cancellationToken));
            }
            var (fw, fc) = Median(fastTimes);
            var (sw, sc) = Median(slowTimes);
            context.Line(string.Create(CultureInfo.InvariantCulture,
                $"| {Path.GetFileName(file)} | {fw * 1000:F0} / {fc * 1000:F0} ms | {sw * 1000:F0} / {sc * 1000:F0} ms | **{sw / fw:F1}x** | {counted} / {left} | {BenchContext.LoadAverage()} |"));
        }
    }

    private static async Task<(double Wall, double Cpu)> TimeAsync(string file, ProfileOptions options, CancellationToken ct)
    {
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await ParquetProfiler.ProfileAsync([file], options, null, ct);
        var wall = clock.Elapsed.TotalSeconds;
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpu).TotalSeconds);
    }

    private static (double Wall, double Cpu) Median(List<(double Wall, double Cpu)> times) =>
        (times.Select(t => t.Wall).Order().ElementAt(times.Count / 2), times.Select(t => t.Cpu).Order().ElementAt(times.Count / 2));
}
