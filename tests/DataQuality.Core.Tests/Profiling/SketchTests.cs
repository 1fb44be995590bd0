using DataQuality.Core.Profiling.Sketches;

namespace DataQuality.Core.Tests.Profiling;

public sealed class SketchTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(1_000)]
    [InlineData(5_000)]
    [InlineData(50_000)]
    [InlineData(1_000_000)]
    public void HyperLogLog_estimates_cardinality_within_its_error_bound(int n)
    {
        var hll = new HyperLogLog();
        for (long i = 0; i < n; i++) hll.AddHash(ValueHash.Int64(i * 7919));
        // 3 standard errors of 1.04/sqrt(2^14), plus one for tiny n.
        hll.Estimate().Should().BeApproximately(n, n * 0.0244 + 1);
    }

    [Fact]
    public void HyperLogLog_error_averages_below_one_percent_over_many_sets()
    {
        var errors = new List<double>();
        for (var set = 0; set < 20; set++)
        {
            var hll = new HyperLogLog();
            for (long i = 0; i < 100_000; i++) hll.AddHash(ValueHash.Int64(set * 10_000_000L + i));
            errors.Add(hll.Estimate() / 100_000 - 1);
        }
        Math.Abs(errors.Average()).Should().BeLessThan(0.004, "the estimator is unbiased");
        Math.Sqrt(errors.Average(e => e * e)).Should().BeLessThan(0.0125, "RMS error ≈ 0.81%");
    }

    [Fact]
    public void HyperLogLog_merge_equals_the_sketch_of_the_union()
    {
        var a = new HyperLogLog();
        var b = new HyperLogLog();
        var union = new HyperLogLog();
        for (long i = 0; i < 30_000; i++)
        {
            (i % 3 == 0 ? a : b).AddHash(ValueHash.Int64(i));
            union.AddHash(ValueHash.Int64(i));
        }
        a.Merge(b);
        a.Registers.Should().Equal(union.Registers);
    }

    [Fact]
    public void Kll_rank_error_is_below_one_percent_and_the_sketch_is_deterministic()
    {
        var rng = new Random(7);
        var values = Enumerable.Range(0, 500_000).Select(_ => rng.NextDouble() * 1000).ToArray();
        var sorted = values.Order().ToArray();
        KllSketch Build()
        {
            var sketch = new KllSketch();
            foreach (var chunk in values.Chunk(100_000)) sketch.AddBatch(chunk);
            return sketch;
        }
        var kll = Build();
        kll.Count.Should().Be(values.Length);
        foreach (var p in new[] { 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99 })
        {
            var q = kll.Quantile(p);
            var rank = (double)Array.BinarySearch(sorted, q) / sorted.Length;
            rank.Should().BeApproximately(p, 0.01, $"p={p}");
        }
        Build().Quantile(0.5).Should().Be(kll.Quantile(0.5));
        kll.Min.Should().Be(sorted[0]);
        kll.Max.Should().Be(sorted[^1]);
    }

    [Fact]
    public void Kll_merge_keeps_total_weight_and_accuracy()
    {
        var a = new KllSketch();
        var b = new KllSketch();
        for (var i = 0; i < 200_000; i++) (i % 2 == 0 ? a : b).Add(i);
        a.Merge(b);
        a.Count.Should().Be(200_000);
        a.SortedView().Cumulative[^1].Should().Be(200_000);
        a.Quantile(0.5).Should().BeApproximately(100_000, 2_000);
        a.Cdf(50_000).Should().BeApproximately(0.25, 0.01);
    }

    [Fact]
    public void Misra_gries_keeps_every_heavy_hitter_with_bounded_undercount()
    {
        var counter = new FrequentItemsCounter<long>(capacity: 64);
        long n = 0;
        for (var i = 0; i < 200_000; i++)
        {
            // Value 7 is 10% of the stream, 8 is 5%, the rest are distinct.
            long v = i % 10 == 0 ? 7 : i % 20 == 1 ? 8 : 1_000_000 + i;
            counter.Add(ValueHash.Int64(v), v);
            n++;
        }
        var sketch = counter.ToSketch(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var top = sketch.Top(2);
        top.Select(t => t.Value).Should().Equal("7", "8");
        top[0].Count.Should().BeInRange(20_000 - sketch.MaxError, 20_000);
        sketch.MaxError.Should().BeLessThanOrEqualTo(n / 65);
    }

    [Fact]
    public void Misra_gries_merge_is_exact_when_counters_suffice()
    {
        var a = new FrequentItemsSketch(8) { Total = 6, Items = [new("x", 4, 1), new("y", 2, 2)] };
        var b = new FrequentItemsSketch(8) { Total = 5, Items = [new("x", 1, 1), new("z", 4, 3)] };
        a.Merge(b);
        a.Top(3).Select(i => (i.Value, i.Count)).Should().Equal(("x", 5L), ("z", 4L), ("y", 2L));
        a.Total.Should().Be(11);
        a.MaxError.Should().Be(0);
    }

    [Fact]
    public void Misra_gries_merge_keeps_items_by_count_then_hash_and_subtracts_the_first_one_cut()
    {
        var a = new FrequentItemsSketch(3) { Total = 14, Items = [new("p", 5, 9), new("q", 3, ulong.MaxValue), new("r", 3, 4)] };
        var b = new FrequentItemsSketch(3) { Total = 6, Items = [new("s", 3, 2), new("t", 2, 7), new("u", 1, 1)] };
        a.Merge(b);
        // Counts 5, 3, 3, 3, 2, 1: the fourth (3, hash ulong.MaxValue) is cut, and 3 is subtracted from all.
        a.Items.Select(i => (i.Value, i.Count, i.Hash)).Should().Equal(("p", 2L, 9UL));
        a.MaxError.Should().Be(3);

        var c = new FrequentItemsSketch(8) { Items = [new("z", 1, 5), new("y", 4, 8), new("x", 4, 3), new("w", 9, ulong.MaxValue)] };
        var empty = new FrequentItemsSketch(8);
        empty.Merge(c);
        empty.Items.Select(i => i.Value).Should().Equal("w", "x", "y", "z");
    }

    [Fact]
    public void Moments_merge_agrees_with_one_pass()
    {
        var values = Enumerable.Range(0, 1000).Select(i => Math.Sin(i) * 100 + i).ToArray();
        var whole = new Moments();
        var mean = values.Average();
        whole.Merge(values.Length, values.Sum(), mean, values.Sum(v => (v - mean) * (v - mean)));
        var parts = new Moments();
        foreach (var chunk in values.Chunk(137))
        {
            var m = chunk.Average();
            parts.Merge(chunk.Length, chunk.Sum(), m, chunk.Sum(v => (v - m) * (v - m)));
        }
        parts.Mean.Should().BeApproximately(whole.Mean, 1e-9);
        parts.Variance!.Value.Should().BeApproximately(whole.Variance!.Value, 1e-6);
        parts.Count.Should().Be(1000);
    }
}
