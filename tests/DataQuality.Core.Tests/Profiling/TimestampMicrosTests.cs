using System.Globalization;
using DataQuality.Core.Datasets;
using DataQuality.Core.Profiling;
using DataQuality.Core.Tests.TestSupport;

namespace DataQuality.Core.Tests.Profiling;

/// <summary>
/// TIMESTAMP(MICROS) columns are read as the integers they store (TimestampMicrosField) instead of through
/// Parquet.Net's DateTime conversion; the figures must be the exact ones, and a value outside DateTime's
/// years (which Parquet.Net cannot convert) is profiled as it is, with no DuckDB fallback.
/// </summary>
public sealed class TimestampMicrosTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly DuckDbSession _db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });

    public void Dispose()
    {
        _db.Dispose();
        _temp.Dispose();
    }

    private string Write(string name, string select, int rows, int rowGroup)
    {
        var path = _temp.Combine(name);
        _db.Execute("SELECT setseed(0.3)");
        _db.Execute(string.Create(CultureInfo.InvariantCulture,
            $"COPY (SELECT {select} AS ts FROM range({rows}) t(i)) TO {SqlText.Literal(path)} (FORMAT parquet, ROW_GROUP_SIZE {rowGroup})"));
        return path;
    }

    private static string Text(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Microsecond_timestamps_before_and_after_the_epoch_profile_to_duckdbs_exact_figures()
    {
        // Microsecond fractions on both sides of 1970 (truncation and flooring differ there), NULLs, several row groups.
        var path = Write("ts.parquet",
            "CASE WHEN i % 11 = 0 THEN NULL ELSE TIMESTAMP '1900-01-01' + to_microseconds((random() * 6311390400000000)::BIGINT) END", 50_000, 12_000);
        var from = $"read_parquet({SqlText.Literal(path)})";

        var profile = await ParquetProfiler.ProfileAsync([path], null, null, TestContext.Current.CancellationToken);

        var ts = profile.Column("ts")!;
        ts.Kind.Should().Be(ColumnKind.Timestamp);
        profile.Notices.Should().BeNull();
        ts.NullCount.Should().Be(ProfilingData.Long(_db, $"SELECT count(*) FILTER (WHERE ts IS NULL)::BIGINT FROM {from}"));
        ts.Min.Should().Be(Text((DateTime)_db.Scalar($"SELECT min(ts) FROM {from}")!));
        ts.Max.Should().Be(Text((DateTime)_db.Scalar($"SELECT max(ts) FROM {from}")!));
        var mean = ProfilingData.Double(_db, $"SELECT avg(epoch_us(ts)) FROM {from}");
        ts.Mean!.Value.Should().BeApproximately(mean, Math.Abs(mean) * 1e-12);
    }

    [Fact]
    public async Task A_timestamp_beyond_year_9999_is_profiled_exactly_without_the_duckdb_fallback()
    {
        var path = Write("far.parquet", "CASE WHEN i = 1500 THEN TIMESTAMP '12000-01-01 06:00:00.5' ELSE TIMESTAMP '2020-01-01' + to_seconds(i) END", 3_000, 1_000);

        var profile = await ParquetProfiler.ProfileAsync([path], null, null, TestContext.Current.CancellationToken);

        profile.Notices.Should().BeNull();
        var ts = profile.Column("ts")!;
        ts.NullCount.Should().Be(0);
        ts.Min.Should().Be("2020-01-01T00:00:00");
        ts.Max.Should().Be("12000-01-01T06:00:00.5");
        ts.MaxNumber.Should().Be(ProfilingData.Double(_db, $"SELECT max(epoch_us(ts))::DOUBLE FROM read_parquet({SqlText.Literal(path)})"));
    }
}
