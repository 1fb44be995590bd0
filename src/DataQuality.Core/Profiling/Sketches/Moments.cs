namespace DataQuality.Core.Profiling.Sketches;

/// <summary>
/// Count, sum, mean and M2 (sum of squared deviations) of finite values. Batches are combined with
/// Chan et al.'s parallel formula, which is exact algebra and numerically stable, so a merged profile
/// agrees with a single pass to rounding.
/// </summary>
public sealed class Moments
{
    public long Count { get; set; }

    public double Sum { get; set; }

    public double Mean { get; set; }

    public double M2 { get; set; }

    /// <summary>Sample variance (n-1), as SQL's var_samp / DuckDB's stddev use.</summary>
    public double? Variance => Count > 1 ? M2 / (Count - 1) : null;

    public double? StandardDeviation => Variance is { } v ? Math.Sqrt(v) : null;

    public void Merge(long count, double sum, double mean, double m2)
    {
        if (count == 0) return;
        if (Count == 0)
        {
            Count = count; Sum = sum; Mean = mean; M2 = m2;
            return;
        }
        var total = Count + count;
        var delta = mean - Mean;
        Mean += delta * count / total;
        M2 += m2 + delta * delta * ((double)Count * count / total);
        Sum += sum;
        Count = total;
    }

    public void Merge(Moments other) => Merge(other.Count, other.Sum, other.Mean, other.M2);
}
