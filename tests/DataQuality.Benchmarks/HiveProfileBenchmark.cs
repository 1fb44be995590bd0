using System.Globalization;
using DataQuality.Core.Datasets;
using DataQuality.Core.Profiling;

namespace DataQuality.Benchmarks;

/// <summary>
/// Cost of hive partition columns in the profiler: two trees partitioned by ds (50 days) × region (4),
/// written by DuckDB's PARTITION_BY, one with 10× the rows of the other (DuckDB splits big partitions
/// into several files, so the file counts differ). Profiling only the partition columns reads footers
/// and adds one weighted value per file, so it should not grow with the rows; the full profile with and
/// without partition columns (alternating runs) shows what they add to a real scan.
/// </summary>
public sealed class HiveProfileBenchmark : IBenchmark
{
    public string Name => "hive-profile";

    public string Description => "Profiler cost of hive partition columns (ds x region tree, 1x and 10x rows)";

    private static string Generate(BenchContext context, long rows)
    {
        var root = Path.Combine(context.WorkDirectory, $"hive-profile-{rows}");
        if (Directory.Exists(root)) return root;
        using var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });
        db.Execute(string.Create(CultureInfo.InvariantCulture, $"""
            COPY (
              SELECT i::BIGINT AS id, (hash(i) % 100000)::DOUBLE / 100 AS amount,
                     ['new','paid','shipped'][1 + (i % 3)::INT] AS status,
                     DATE '2024-01-01' + (i % 50)::INT AS ds, ['eu','us','apac','latam'][1 + ((i // 50) % 4)::INT] AS region
              FROM range({rows}) t(i)
            ) TO {SqlText.Literal(root + ".tmp")} (FORMAT parquet, PARTITION_BY (ds, region))
            """));
        Directory.Move(root + ".tmp", root);
        return root;
    }

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        context.Line($"load average before: {BenchContext.LoadAverage()}");
        foreach (var rows in new[] { context.Rows(2_000_000), context.Rows(20_000_000) })
        {
            var files = DatasetResolver.ListLocal(DatasetRef.Parse(Generate(context, rows)));
            context.Line(string.Create(CultureInfo.InvariantCulture, $"tree: {files.Count} files, {rows:N0} rows ({rows / files.Count:N0} per file)"));
            var options = new ProfileOptions { MaxDegreeOfParallelism = 2 };
            DatasetProfile? partitionsOnly = null;
            await context.MeasureAsync($"partition columns only ({rows / files.Count:N0} rows/file)", async () =>
                partitionsOnly = await ParquetProfiler.ProfileAsync(files, options with { Columns = ["ds", "region"] }, null, cancellationToken));
            // Alternating runs, so a shared machine's load drifts into both figures alike.
            var with = new List<TimeSpan>();
            var without = new List<TimeSpan>();
            for (var i = 0; i < 10; i++)
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                await ParquetProfiler.ProfileAsync(files, options with { HivePartitioning = i % 2 == 0 }, null, cancellationToken);
                if (i >= 2) (i % 2 == 0 ? with : without).Add(clock.Elapsed);
            }
            context.Report($"full profile, with partitions ({rows / files.Count:N0} rows/file)", with.Min(), $"runs {string.Join(", ", with.Select(BenchContext.Ms))}");
            context.Report($"full profile, without partitions ({rows / files.Count:N0} rows/file)", without.Min(), $"runs {string.Join(", ", without.Select(BenchContext.Ms))}");
            var ds = partitionsOnly!.Column("ds")!;
            context.Line(string.Create(CultureInfo.InvariantCulture, $"  ds: {ds.Kind}, {ds.NonNullCount:N0} values, ~{ds.DistinctEstimate:N0} distinct, {ds.Min}..{ds.Max}"));
        }
        context.Line($"load average after: {BenchContext.LoadAverage()}");
    }
}
