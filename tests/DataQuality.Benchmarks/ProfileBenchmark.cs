using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using DataQuality.Core.Datasets;
using DataQuality.Core.Profiling;
using Parquet;
using Parquet.Schema;

namespace DataQuality.Benchmarks;

/// <summary>
/// Issue 6's profiler benchmark: the 10M-row, 8-column Snappy file with 1M-row groups; full profile
/// vs DuckDB SUMMARIZE (2 threads) vs a raw Parquet.Net decode of the same columns, plus distinct and
/// quantile accuracy measured against exact DuckDB answers.
/// </summary>
public sealed class ProfileBenchmark : IBenchmark
{
    public string Name => "profile";

    public string Description => "Column profiler vs DuckDB SUMMARIZE and a raw Parquet.Net decode (10M rows x 8 columns, Snappy)";

    internal static string Generate(BenchContext context, long rows, string name)
    {
        var path = Path.Combine(context.WorkDirectory, name);
        if (File.Exists(path)) return path;
        using var db = DuckDbSession.Open(new DuckDbOptions { Threads = 2 });
        db.Execute("SELECT setseed(0.25)");
        db.Execute(string.Create(CultureInfo.InvariantCulture, $"""
            COPY (
              SELECT
                i::BIGINT AS id,
                random() * 1000 AS amount,
                CASE WHEN random() < 0.1 THEN NULL ELSE (random() * 100000)::INT END AS cust,
                CASE WHEN i % 17 = 0 THEN NULL ELSE ['new','paid','shipped','delivered','returned','cancelled'][1 + (i % 6)::INT] END AS status,
                TIMESTAMP '2024-01-01' + to_microseconds((random() * 31536000000000)::BIGINT) AS ts,
                (hash(i) % 1000000000)::BIGINT AS k2,
                random() * 2 - 1 AS f1,
                (i % 3)::INT AS small
              FROM range({rows}) t(i)
            ) TO {SqlText.Literal(path + ".tmp")} (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 1000000)
            """));
        File.Move(path + ".tmp", path);
        return path;
    }

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var rows = context.Rows(10_000_000);
        var path = Generate(context, rows, $"profile-{rows}.parquet");
        context.Line(string.Create(CultureInfo.InvariantCulture, $"file: {rows:N0} rows, {new FileInfo(path).Length / 1048576.0:F0} MiB, {path}"));

        // DQ_BENCH_THREADS=1 compares one profiling thread with one decoding thread (no contention for the
        // two cores' shared caches and memory bandwidth); the issue's target is stated for 2 threads.
        var threads = int.TryParse(Environment.GetEnvironmentVariable("DQ_BENCH_THREADS"), out var t) && t > 0 ? t : 2;
        var options = new ProfileOptions { MaxDegreeOfParallelism = threads };
        DatasetProfile? profile = null;
        var profileCpu = new List<TimeSpan>();
        var rawCpu = new List<TimeSpan>();
        // Warm both contenders before timing either: whichever runs first otherwise pays for tiered JIT
        // compilation of the Parquet.Net code both use (measured: +20 points of "overhead" for the profiler).
        for (var warm = 0; warm < 3; warm++)
        {
            await ParquetProfiler.ProfileAsync([path], options, null, cancellationToken);
            await RawDecodeAsync(path, threads, cancellationToken);
        }
        // Seven timed runs each: the CPU-time ratio moves by several points from run to run on this VM.
        const int Repeats = 7;
        var profileTime = await context.MeasureAsync($"profile (full, {threads} threads)", async () =>
            profile = await WithCpuTime(profileCpu, () => ParquetProfiler.ProfileAsync([path], options, null, cancellationToken)), Repeats);
        var profileCollections = LastCollections;
        var rawTime = await context.MeasureAsync($"raw Parquet.Net decode (ReadRawAsync, {threads} threads)", () => WithCpuTime(rawCpu, async () =>
        {
            await RawDecodeAsync(path, threads, cancellationToken);
            return 0;
        }), Repeats);
        // CPU time (user + system, both threads) barely depends on how many other processes share the cores,
        // so on a loaded machine it is the fairer overhead measure; the first (warm-up) run is dropped.
        static TimeSpan Median(List<TimeSpan> runs)
        {
            var timed = runs.Skip(1).Order().ToList();
            return timed[timed.Count / 2];
        }
        var profileCpuMedian = Median(profileCpu);
        var rawCpuMedian = Median(rawCpu);
        context.Line($"GC collections in the last run (gen0/gen1/gen2): profile {profileCollections}, raw decode {LastCollections}");
        context.Line(string.Create(CultureInfo.InvariantCulture,
            $"CPU time (median of timed runs): profile {profileCpuMedian.TotalMilliseconds:F0} ms, raw decode {rawCpuMedian.TotalMilliseconds:F0} ms, overhead {(profileCpuMedian / rawCpuMedian - 1) * 100:F0}%"));
        // Alternating pairs cancel slow drifts in what the rest of the machine is doing; the median of the
        // per-pair CPU ratios is the overhead figure least moved by noise.
        const int Pairs = 15;
        var ratios = new List<double>();
        for (var pair = 0; pair < Pairs; pair++)
        {
            var p = new List<TimeSpan>();
            var r = new List<TimeSpan>();
            await WithCpuTime(p, () => ParquetProfiler.ProfileAsync([path], options, null, cancellationToken));
            await WithCpuTime(r, async () => { await RawDecodeAsync(path, threads, cancellationToken); return 0; });
            ratios.Add(p[0] / r[0]);
            if (Environment.GetEnvironmentVariable("DQ_BENCH_PAIRS") == "1") context.Line($"  pair {pair}: profile {p[0].TotalMilliseconds:F0} ms, raw {r[0].TotalMilliseconds:F0} ms");
        }
        ratios.Sort();
        context.Line(string.Create(CultureInfo.InvariantCulture,
            $"CPU overhead over raw decode, median of {Pairs} alternating pairs: {(ratios[Pairs / 2] - 1) * 100:F0}% (range {(ratios[0] - 1) * 100:F0}% to {(ratios[^1] - 1) * 100:F0}%)"));
        if (Environment.GetEnvironmentVariable("DQ_BENCH_QUICK") == "1") return;
        var metaTime = await context.MeasureAsync("profile --metadata-only (2 threads)", () =>
            ParquetProfiler.ProfileAsync([path], options with { MetadataOnly = true }, null, cancellationToken));

        var perColumn = new List<string>();
        foreach (var column in profile!.Columns)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await ParquetProfiler.ProfileAsync([path], options with { Columns = [column.Path] }, null, cancellationToken);
            perColumn.Add(string.Create(CultureInfo.InvariantCulture, $"{column.Path} {clock.ElapsedMilliseconds} ms"));
        }
        context.Line("per column (one run each): " + string.Join(", ", perColumn));


        using var db = DuckDbSession.Open(new DuckDbOptions { Threads = 2 });
        var from = $"read_parquet({SqlText.Literal(path)})";
        var summarizeCpu = new List<TimeSpan>();
        var summarizeTime = await context.MeasureAsync("DuckDB SUMMARIZE SELECT * (2 threads)", () => WithCpuTime(summarizeCpu, () =>
        {
            using var cmd = db.CreateCommand($"SUMMARIZE SELECT * FROM {from}");
            using var reader = cmd.ExecuteReader();
            while (reader.Read()) { }
            return Task.FromResult(0);
        }), repeats: 1); // several seconds per run: warm-up plus one timed run
        context.Line(string.Create(CultureInfo.InvariantCulture,
            $"CPU time: SUMMARIZE {summarizeCpu[^1].TotalMilliseconds:F0} ms vs profile {profileCpuMedian.TotalMilliseconds:F0} ms: {summarizeCpu[^1] / profileCpuMedian:F1}x less CPU"));

        context.Line(string.Create(CultureInfo.InvariantCulture,
            $"speed-up vs SUMMARIZE: {summarizeTime / profileTime:F1}x; overhead vs raw decode: {(profileTime / rawTime - 1) * 100:F0}%; metadata-only: {metaTime.TotalMilliseconds:F0} ms"));

        context.Line("accuracy (exact values from DuckDB):");
        foreach (var column in profile!.Columns)
        {
            var id = SqlText.Identifier(column.Path);
            var exactDistinct = Convert.ToDouble(db.Scalar($"SELECT count(DISTINCT {id})::BIGINT FROM {from}"), CultureInfo.InvariantCulture);
            var distinctError = Math.Abs(column.DistinctEstimate - exactDistinct) / exactDistinct;
            // The reported estimate is capped at the non-null count; the raw HLL figure shows over-estimates too.
            var rawError = (column.DistinctSketch.Estimate() - exactDistinct) / exactDistinct;
            var rankError = 0.0;
            if (column.Quantiles is { } quantiles)
            {
                foreach (var (name, value) in quantiles)
                {
                    var p = double.Parse(name[1..], CultureInfo.InvariantCulture) / 100;
                    var literal = column.Kind == ColumnKind.Timestamp
                        ? $"TIMESTAMP {SqlText.Literal(column.FormatNumber(value).Replace('T', ' '))}"
                        : value.ToString("R", CultureInfo.InvariantCulture);
                    var below = Convert.ToDouble(db.Scalar($"SELECT count(*) FILTER (WHERE {id} < {literal})::BIGINT FROM {from}"), CultureInfo.InvariantCulture);
                    var atOrBelow = Convert.ToDouble(db.Scalar($"SELECT count(*) FILTER (WHERE {id} <= {literal})::BIGINT FROM {from}"), CultureInfo.InvariantCulture);
                    var n = column.NonNullCount;
                    var error = p * n < below ? (below - p * n) / n : p * n > atOrBelow ? (p * n - atOrBelow) / n : 0;
                    rankError = Math.Max(rankError, error);
                }
            }
            context.Line(string.Create(CultureInfo.InvariantCulture,
                $"  {column.Path,-8} distinct ~{column.DistinctEstimate,12:N0} exact {exactDistinct,12:N0} error {distinctError * 100,6:F3}% (raw HLL {rawError * 100,7:+0.000;-0.000}%)   max quantile rank error {(column.Quantiles is null ? "   n/a" : (rankError * 100).ToString("F3", CultureInfo.InvariantCulture) + "%")}"));
        }
        context.Line(string.Create(CultureInfo.InvariantCulture, $"peak working set of this process: {BenchContext.PeakWorkingSetMiB():F0} MiB (includes DuckDB)"));
    }

    private static (int Gen0, int Gen1, int Gen2) LastCollections;

    private static async Task<T> WithCpuTime<T>(List<TimeSpan> into, Func<Task<T>> action)
    {
        var process = System.Diagnostics.Process.GetCurrentProcess();
        process.Refresh();
        var before = process.TotalProcessorTime;
        var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var result = await action();
        // Each run pays for collecting its own garbage: without this, a run's CPU time includes GC work
        // (and ArrayPool trimming on the finalizer thread) left behind by whatever ran before it.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        process.Refresh();
        into.Add(process.TotalProcessorTime - before);
        // Collections per run: gen-2 collections also trim the shared ArrayPools, which costs CPU of its own.
        LastCollections = (GC.CollectionCount(0) - gcBefore.Item1, GC.CollectionCount(1) - gcBefore.Item2, GC.CollectionCount(2) - gcBefore.Item3);
        return result;
    }

    /// <summary>
    /// The floor: decode every column of every row group with ReadRawAsync, nothing else. Each worker reuses
    /// its own buffers, as the profiler does, so the comparison is decode against decode plus profiling.
    /// </summary>
    internal static async Task RawDecodeAsync(string path, int degree, CancellationToken ct)
    {
        int groups;
        await using (var probe = await ParquetReader.CreateAsync(path, cancellationToken: ct)) groups = probe.RowGroupCount;
        var next = -1;
        async Task Worker()
        {
            await using var reader = await ParquetReader.CreateAsync(path, cancellationToken: ct);
            var fields = reader.Schema.GetDataFields();
            using var buffers = new DecodeBuffers();
            int g;
            while ((g = Interlocked.Increment(ref next)) < groups)
            {
                var rg = reader.OpenRowGroupReader(g);
                foreach (var f in fields)
                {
                    var n = (int)rg.GetMetadata(f)!.MetaData!.NumValues;
                    var clr = f.ClrType;
                    if (clr == typeof(long)) await Read<long>(rg, f, n, buffers, ct);
                    else if (clr == typeof(int)) await Read<int>(rg, f, n, buffers, ct);
                    else if (clr == typeof(double)) await Read<double>(rg, f, n, buffers, ct);
                    else if (clr == typeof(DateTime)) await Read<DateTime>(rg, f, n, buffers, ct);
                    else if (clr == typeof(ReadOnlyMemory<char>)) await Read<ReadOnlyMemory<char>>(rg, f, n, buffers, ct);
                    else throw new NotSupportedException(clr.Name);
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, degree).Select(_ => Task.Run(Worker, ct)));
    }

    private static ValueTask Read<T>(ParquetRowGroupReader rg, DataField f, int n, DecodeBuffers buffers, CancellationToken ct) where T : struct =>
        rg.ReadRawAsync<T>(f, buffers.Values<T>(n).AsMemory(0, n), f.MaxDefinitionLevel > 0 ? buffers.Definitions(n).AsMemory(0, n) : null, null, ct);
}
