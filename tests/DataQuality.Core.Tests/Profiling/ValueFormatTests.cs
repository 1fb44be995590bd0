using DataQuality.Core.Datasets;
using DataQuality.Core.Profiling;

namespace DataQuality.Core.Tests.Profiling;

/// <summary>The text of timestamps and dates in profiles must read back in DuckDB as the value it was written from, over DuckDB's whole range.</summary>
public sealed class ValueFormatTests
{
    [Theory]
    [InlineData("20000-01-01 12:30:00.25", "20000-01-01T12:30:00.25")]
    [InlineData("294247-01-10 04:00:54.775806", "294247-01-10T04:00:54.775806")]
    [InlineData("10000-01-01 00:00:00", "10000-01-01T00:00:00")]
    [InlineData("9999-12-31 23:59:59.999999", "9999-12-31T23:59:59.999999")]
    [InlineData("0001-01-01 00:00:00", "0001-01-01T00:00:00")]
    [InlineData("0001-12-31 (BC) 23:59:59", "0000-12-31T23:59:59")]
    [InlineData("0045-03-15 (BC) 06:00:00", "-0044-03-15T06:00:00")]
    public void Timestamps_beyond_datetime_are_written_with_an_expanded_year_not_clamped(string duckDb, string expected)
    {
        using var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });
        var micros = Convert.ToInt64(db.Scalar($"SELECT epoch_us(TIMESTAMP '{duckDb}')"));

        var text = ValueFormat.TimestampFromMicros(micros);

        text.Should().Be(expected);
        Convert.ToInt64(db.Scalar($"SELECT epoch_us(CAST('{text}' AS TIMESTAMP))")).Should().Be(micros);
    }

    [Fact]
    public void Dates_and_timestamps_round_trip_through_duckdb_across_its_range()
    {
        using var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });
        var random = new Random(12345);
        var values = Enumerable.Range(0, 400).Select(_ => (long)((random.NextDouble() * 2 - 1) * 9.0e18)).ToList();
        var texts = string.Join(", ", values.Select(v => $"('{ValueFormat.TimestampFromMicros(v)}', {v}, '{ValueFormat.DateFromMicros(v)}')"));

        var wrong = Convert.ToInt64(db.Scalar($"""
            SELECT count(*) FROM (VALUES {texts}) v(t, us, d)
            WHERE epoch_us(CAST(t AS TIMESTAMP)) <> us OR CAST(d AS DATE) <> CAST(make_timestamp(us) AS DATE)
            """));

        wrong.Should().Be(0);
    }

    [Fact]
    public void What_is_written_parses_back_to_the_same_instant_and_far_years_order_after_near_ones()
    {
        var random = new Random(54321);
        foreach (var micros in Enumerable.Range(0, 2000).Select(_ => (long)((random.NextDouble() * 2 - 1) * 9.0e18)))
        {
            ValueFormat.TryParseMicros(ValueFormat.TimestampFromMicros(micros), out var back).Should().BeTrue();
            back.Should().Be(micros);
        }
        ValueFormat.TryParseMicros("20000-01-01", out var far).Should().BeTrue();
        ValueFormat.TryParseMicros("2100-01-01T00:00:00", out var near).Should().BeTrue();
        far.Should().BeGreaterThan(near);
        ValueFormat.TryParseMicros("-infinity", out var minusInfinity).Should().BeTrue();
        minusInfinity.Should().Be(long.MinValue);
        ValueFormat.TryParseMicros("20000-02-30", out _).Should().BeFalse();
        ValueFormat.TryParseMicros("-1", out _).Should().BeFalse();
        ValueFormat.TryParseMicros("2024-13-01", out _).Should().BeFalse();
    }
}
