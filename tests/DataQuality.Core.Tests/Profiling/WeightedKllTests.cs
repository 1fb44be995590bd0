using DataQuality.Core.Profiling.Sketches;

namespace DataQuality.Core.Tests.Profiling;

/// <summary>KllSketch.AddWeighted: one value standing for many rows (a partition value over a file).</summary>
public sealed class WeightedKllTests
{
    [Fact]
    public void Weighted_values_give_the_quantiles_of_the_expanded_data_within_the_rank_error()
    {
        var random = new Random(7);
        var sketch = new KllSketch();
        var items = new List<(double Value, long Weight)>();
        for (var i = 0; i < 3_000; i++)
        {
            // Many files, skewed sizes, values repeated across files (as partitions of another key would be).
            var value = random.Next(0, 400);
            var weight = (long)Math.Pow(10, random.NextDouble() * 6);
            items.Add((value, weight));
            sketch.AddWeighted(value, weight);
        }
        var total = items.Sum(i => i.Weight);
        sketch.Count.Should().Be(total, "the binary decomposition keeps the total weight exact");
        (sketch.Min, sketch.Max).Should().Be((items.Min(i => i.Value), items.Max(i => i.Value)));
        sketch.Levels.Sum(l => l.Count).Should().BeLessThan(4 * KllSketch.DefaultK, "the sketch stays bounded");

        var sorted = items.OrderBy(i => i.Value).ToList();
        double Rank(double x, bool inclusive) => sorted.Where(i => inclusive ? i.Value <= x : i.Value < x).Sum(i => i.Weight) / (double)total;
        foreach (var q in new[] { 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99 })
        {
            var estimate = sketch.Quantile(q);
            Rank(estimate, inclusive: false).Should().BeLessThanOrEqualTo(q + 0.01, $"q={q}");
            Rank(estimate, inclusive: true).Should().BeGreaterThanOrEqualTo(q - 0.01, $"q={q}");
        }
    }

    [Fact]
    public void A_few_weighted_values_give_exact_quantiles_and_the_weight_of_adding_them_one_by_one()
    {
        var weighted = new KllSketch(k: 64);
        var repeated = new KllSketch(k: 64);
        var items = new[] { (Value: 3.0, Weight: 1_000L), (Value: 1.0, Weight: 37L), (Value: 9.0, Weight: 4_096L), (Value: 5.0, Weight: 1L) };
        foreach (var (value, weight) in items)
        {
            weighted.AddWeighted(value, weight);
            for (var i = 0; i < weight; i++) repeated.Add(value);
        }
        weighted.Count.Should().Be(repeated.Count);
        var total = (double)items.Sum(i => i.Weight);
        var sorted = items.OrderBy(i => i.Value).ToList();
        double Exact(double q) => sorted.First(i => sorted.Where(j => j.Value <= i.Value).Sum(j => j.Weight) >= q * total).Value;
        foreach (var q in new[] { 0.005, 0.01, 0.2, 0.203, 0.25, 0.5, 0.9 })
        {
            // Equal items compact to equal items, so the weighted sketch holds the distribution exactly.
            weighted.Quantile(q).Should().Be(Exact(q), $"q={q}");
        }
    }

    [Fact]
    public void A_huge_weight_costs_one_item_per_set_bit()
    {
        var sketch = new KllSketch();
        sketch.AddWeighted(42, (1L << 40) + 5);
        sketch.Count.Should().Be((1L << 40) + 5);
        sketch.Levels.Sum(l => l.Count).Should().Be(3);
        sketch.Quantile(0.5).Should().Be(42);
        sketch.AddWeighted(1, 0);
        sketch.AddWeighted(double.NaN, 10);
        sketch.Count.Should().Be((1L << 40) + 5, "zero weights and NaN add nothing");
    }
}
