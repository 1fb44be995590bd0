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
        NumericKernels.CountEqual(levels, 2).Should().Be(levels.Count(l => l == 2));

        var values = Enumerable.Range(0, length).Select(_ => rng.Next(-3, 4) * 0.5).ToArray();
        NumericKernels.CountZerosAndNegatives(values).Should().Be(((long)values.Count(v => v == 0), (long)values.Count(v => v < 0)));
        var mean = length == 0 ? 0 : values.Average();
        NumericKernels.SumSquaredDeviations(values, mean).Should().BeApproximately(values.Sum(v => (v - mean) * (v - mean)), 1e-9);
        var longs = Enumerable.Range(0, length).Select(i => (long)i * 3 - 7).ToArray();
        var doubles = new double[length];
        NumericKernels.ToDouble(longs, doubles);
        doubles.Should().Equal(longs.Select(l => (double)l));

        var withSpecials = values.Concat([double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.NaN]).ToArray();
        var finite = NumericKernels.CompactFinite(withSpecials, out var nan, out var pinf, out var ninf);
        (finite, nan, pinf, ninf).Should().Be((length, 2L, 1L, 1L));
        withSpecials.Take(finite).Should().Equal(values);
    }
}
