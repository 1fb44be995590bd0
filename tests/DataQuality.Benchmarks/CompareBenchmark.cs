using System.Globalization;
using DataQuality.Core.Comparison;
using DataQuality.Core.Datasets;
using DataQuality.Core.Profiling;

namespace DataQuality.Benchmarks;

/// <summary>
/// Issue 7: base and head of 10M rows x 10 columns, head with 1% changed rows and 0.1% added and
/// 0.1% removed; a full keyed compare (target: 10 s on 2 cores) and identical trees (target: at
/// least 10x faster than the full compare, through the byte-identical fast path).
/// </summary>
public sealed class CompareBenchmark : IBenchmark
{
    public string Name => "compare";

    public string Description => "dq compare: keyed main-vs-feature diff of 10M x 10 Parquet trees, and the identical-tree fast path";

    private const string Part = "silver/orders/ds=2026-02-11/part-0.parquet";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var rows = context.Rows(10_000_000);
        var dir = Path.Combine(context.WorkDirectory, string.Create(CultureInfo.InvariantCulture, $"compare-{rows}"));
        var baseRoot = Path.Combine(dir, "base");
        var headRoot = Path.Combine(dir, "head");
        var sameRoot = Path.Combine(dir, "same");
        Generate(context, rows, baseRoot, headRoot, sameRoot);
        context.Line(string.Create(CultureInfo.InvariantCulture,
            $"rows {rows}, base file {new FileInfo(Path.Combine(baseRoot, Part)).Length / (1024.0 * 1024):F0} MiB, head file {new FileInfo(Path.Combine(headRoot, Part)).Length / (1024.0 * 1024):F0} MiB"));

        // Full size runs are long on a shared 2-core machine: one warm-up and one measured run each.
        var repeats = context.Scale >= 0.5 ? 1 : 3;
        var keyed = new ComparisonOptions { Keys = new Dictionary<string, IReadOnlyList<string>> { ["orders"] = ["id"] } };
        var comparer = new TreeComparer();
        ComparisonReport? last = null;

        var full = await Measure(context, "full keyed compare (with profile)", async () =>
            last = await comparer.CompareAsync(baseRoot, headRoot, keyed, cancellationToken), repeats);
        var k = last!.Entities[0].Keyed!;
        context.Line(string.Create(CultureInfo.InvariantCulture,
            $"  added {k.Added}, removed {k.Removed}, changed {k.Changed}, identical {k.Identical}; unequal by column: {string.Join(", ", k.Columns.Where(c => c.Unequal > 0).Select(c => $"{c.Column}={c.Unequal}"))}"));

        // The drift inputs alone: the vectorized profiler's single pass over each side, to weigh it
        // against the DuckDB profile scans (with profile minus --no-profile includes both).
        await Measure(context, "profiler pass alone (base + head, drift inputs)", async () =>
        {
            await ParquetProfiler.ProfileAsync([Path.Combine(baseRoot, Part)], cancellationToken: cancellationToken);
            await ParquetProfiler.ProfileAsync([Path.Combine(headRoot, Part)], cancellationToken: cancellationToken);
        }, repeats);

        await Measure(context, "full keyed compare (--no-profile)", async () =>
            last = await comparer.CompareAsync(baseRoot, headRoot, keyed with { Profile = false }, cancellationToken), repeats);

        await Measure(context, "keyless compare (--no-profile)", async () =>
            last = await comparer.CompareAsync(baseRoot, headRoot, new ComparisonOptions { Profile = false }, cancellationToken), repeats);

        var same = await Measure(context, "identical trees (byte-identical fast path)", async () =>
            last = await comparer.CompareAsync(baseRoot, sameRoot, keyed, cancellationToken), repeats);
        if (!last!.Entities[0].IdenticalFiles) throw new InvalidOperationException("identical trees were not recognised");

        context.Line(string.Create(CultureInfo.InvariantCulture, $"identical / full: {full.TotalMilliseconds / Math.Max(1, same.TotalMilliseconds):F1}x faster"));
        context.Line(string.Create(CultureInfo.InvariantCulture, $"peak working set {BenchContext.PeakWorkingSetMiB():F0} MiB"));
    }

    /// <summary>
    /// Wall-clock median plus the process CPU time per run: on a shared machine the wall clock
    /// depends on the load, CPU seconds / cores is what the same run costs on an idle machine.
    /// </summary>
    private static async Task<TimeSpan> Measure(BenchContext context, string label, Func<Task> action, int repeats)
    {
        var process = System.Diagnostics.Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var median = await context.MeasureAsync(label, action, repeats);
        process.Refresh();
        var cpuPerRun = (process.TotalProcessorTime - cpuBefore) / (repeats + 1);
        context.Line(string.Create(CultureInfo.InvariantCulture,
            $"  CPU {cpuPerRun.TotalSeconds:F1} s per run (= {cpuPerRun.TotalSeconds / Environment.ProcessorCount:F1} s on {Environment.ProcessorCount} idle cores); load average {BenchContext.LoadAverage()}"));
        return median;
    }


    private static void Generate(BenchContext context, long rows, string baseRoot, string headRoot, string sameRoot)
    {
        if (File.Exists(Path.Combine(sameRoot, Part))) return;
        foreach (var root in new[] { baseRoot, headRoot, sameRoot })
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root, Part))!);
        var n = SqlText.Literal(rows);
        // Ten columns: key, two ints, two doubles, a decimal, two strings, a date, a bool.
        var columns = """
            i AS id, (i % 1000)::INTEGER AS store_id, (hash(i) % 100000)::BIGINT AS customer_id,
            ((hash(i * 7) % 1000000) / 100.0)::DOUBLE AS amount, ((hash(i * 13) % 10000) / 1000.0)::DOUBLE AS discount,
            ((i % 50000) / 100.0)::DECIMAL(12, 2) AS tax, 'sku-' || (i % 20000) AS sku,
            CASE i % 4 WHEN 0 THEN 'paid' WHEN 1 THEN 'shipped' WHEN 2 THEN 'returned' ELSE 'open' END AS status,
            DATE '2026-01-01' + (i % 365)::INTEGER AS order_date, i % 3 = 0 AS is_gift
            """;
        var sw = System.Diagnostics.Stopwatch.StartNew();
        using var db = DuckDbSession.Open();
        db.Execute($"COPY (SELECT {columns} FROM range(1, {n} + 1) t(i)) TO {SqlText.Literal(Path.Combine(baseRoot, Part))} (FORMAT parquet)");
        // Head: 1% of rows get a new amount, 0.1% are removed, 0.1% are new ids.
        db.Execute($"""
            COPY (
              SELECT id, store_id, customer_id,
                     CASE WHEN id % 100 = 7 THEN amount + 1 ELSE amount END AS amount, discount, tax, sku,
                     status, order_date, is_gift
              FROM (SELECT {columns} FROM range(1, {n} + 1) t(i))
              WHERE id % 1000 <> 3
              UNION ALL
              SELECT {columns} FROM range({n} + 1, {n} + 1 + {n} // 1000) t(i)
            ) TO {SqlText.Literal(Path.Combine(headRoot, Part))} (FORMAT parquet)
            """);
        File.Copy(Path.Combine(baseRoot, Part), Path.Combine(sameRoot, Part));
        context.Report("generate base, head and identical copy", sw.Elapsed);
    }
}
