using DataQuality.Core.Profiling;

namespace DataQuality.Core.Tests.Profiling;

public sealed class NumericKernelsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(1001)]
    public void Vector_kernels_agree_with_plain_loops(int length)
    {
        var rng = new Random(length);
        var levels = Enumerable.Range(0, length).Select(_ => rng.Next(0, 4)).ToArray();
        var (min, max, count) = NumericKernels.SummariseLevels(levels, 3);
        count.Should().Be(levels.Count(l => l == 3));
        if (length > 0) (min, max).Should().Be((levels.Min(), levels.Max()));

        var values = Enumerable.Range(0, length).Select(_ => rng.Next(-3, 4) * 0.5).ToArray();
        double min2 = double.PositiveInfinity, max2 = double.NegativeInfinity;
        long zeros = 0, negatives = 0;
        BlockKernels.Stats<double>(values, ref min2, ref max2, ref zeros, ref negatives, out _);
        (zeros, negatives).Should().Be(((long)values.Count(v => v == 0), (long)values.Count(v => v < 0)));
        var mean = length == 0 ? 0 : values.Average();
        BlockKernels.M2<double>(values, mean).Should().BeApproximately(values.Sum(v => (v - mean) * (v - mean)), 1e-9);

        var withSpecials = values.Concat([double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.NaN]).ToArray();
        var finite = NumericKernels.CompactFinite(withSpecials);
        finite.Should().Be(length);
        withSpecials.Take(finite).Should().Equal(values);
    }
}
