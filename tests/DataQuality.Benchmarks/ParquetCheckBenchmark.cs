using System.Globalization;
using DataQuality.Core.Datasets;
using DataQuality.Core.Datasets.ParquetPages;
using Parquet;

namespace DataQuality.Benchmarks;

/// <summary>
/// Issue 12 item 9: what the page check validate runs before DuckDB costs on a large file (the profiler's
/// 10M-row, 8-column Snappy file), next to a footer read, DuckDB's footer-only row count and a DuckDB scan
/// of every column.
/// </summary>
public sealed class ParquetCheckBenchmark : IBenchmark
{
    public string Name => "parquet-check";

    public string Description => "Parquet footer + page-header check vs footer read, DuckDB count(*) and a full DuckDB scan (10M rows x 8 columns)";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var rows = context.Rows(10_000_000);
        var path = ProfileBenchmark.Generate(context, rows, $"profile-{rows}.parquet");
        context.Line(string.Create(CultureInfo.InvariantCulture, $"file: {rows:N0} rows, {new FileInfo(path).Length / 1048576.0:F0} MiB, {path}"));
        var dataset = new ResolvedDataset(new DatasetRef(path, DatasetFormat.Parquet), [path]);

        await context.MeasureAsync("footer only (ParquetReader.CreateAsync)", async () =>
        {
            await using var reader = await ParquetReader.CreateAsync(path, cancellationToken: cancellationToken);
        }, repeats: 7);
        await context.MeasureAsync("footer + every page header (ParquetFileCheck)", () =>
            ParquetFileCheck.VerifyAsync(dataset, ParquetReadLimits.Default, cancellationToken), repeats: 7);
        using var db = DuckDbSession.Open(new DuckDbOptions { Threads = 2 });
        var from = $"read_parquet({SqlText.Literal(path)})";
        await context.MeasureAsync("DuckDB count(*) (footer only)", () =>
        {
            db.Scalar($"SELECT count(*) FROM {from}");
            return Task.CompletedTask;
        }, repeats: 7);
        await context.MeasureAsync("DuckDB count of every column (reads every page)", () =>
        {
            db.Scalar($"SELECT count(id) + count(amount) + count(cust) + count(status) + count(ts) + count(k2) + count(f1) + count(small) FROM {from}");
            return Task.CompletedTask;
        }, repeats: 3);
        context.Line($"load average: {BenchContext.LoadAverage()}");
    }
}
