using DataQuality.Core.Snapshots;

namespace DataQuality.Core.Tests.Snapshots;

public sealed class SnapshotFormatTests
{
    [Theory]
    [InlineData(0.0, "0.00%")]
    [InlineData(12.345, "12.35%")]
    [InlineData(-0.001, "0.00%")]
    [InlineData(100.0, "100.00%")]
    public void Percentages_have_two_decimals_and_no_negative_zero(double value, string expected) =>
        SnapshotFormat.Percent(value).Should().Be(expected);

    [Fact]
    public void Shares_deltas_and_missing_values_are_explicit()
    {
        SnapshotFormat.Share(0, 0).Should().Be("0.00%");
        SnapshotFormat.Share(1, 3).Should().Be("33.33%");
        SnapshotFormat.Percent(null).Should().Be("n/a");
        SnapshotFormat.Delta(4).Should().Be("+4");
        SnapshotFormat.Delta(0).Should().Be("0");
        SnapshotFormat.DeltaPercent(40).Should().Be("+40.00%");
        SnapshotFormat.Integer((long?)null).Should().Be("-");
        SnapshotFormat.Integer(1234567).Should().Be("1234567");
    }

    [Fact]
    public void Doubles_keep_ten_significant_digits_so_last_bit_noise_does_not_churn()
    {
        SnapshotFormat.Number(8.25).Should().Be("8.25");
        SnapshotFormat.Number(0.1 + 0.2).Should().Be("0.3");
        SnapshotFormat.Number(1234567.123456789).Should().Be("1234567.123");
        SnapshotFormat.Number(1e-9).Should().Be("1E-09");
        SnapshotFormat.Number(-0.0).Should().Be("0");
        SnapshotFormat.Number(double.NaN).Should().Be("NaN");
        SnapshotFormat.Truncate(new string('x', 100), 10).Should().Be("xxxxxxxxx…");
    }
}
