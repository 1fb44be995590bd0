namespace DataQuality.Core.Statistics;

/// <summary>
/// One-sample Kolmogorov–Smirnov test against a continuous CDF (two-sided). The p-value uses the
/// Kolmogorov limiting distribution with Stephens' small-sample correction
/// λ = (√n + 0.12 + 0.11/√n)·D, which is within about 1e-3 of the exact distribution scipy uses for
/// n ≤ 10 000 — ample for a pass/fail decision at a p threshold, but it is not bit-identical to
/// scipy's <c>kstest</c>.
/// </summary>
public static class KolmogorovSmirnov
{
    /// <summary>D = sup |F_n(x) - F(x)| over a sample (sorted in place).</summary>
    public static double Statistic(double[] sample, Func<double, double> cdf)
    {
        Array.Sort(sample);
        var n = sample.Length;
        var d = 0.0;
        for (var i = 0; i < n; i++)
        {
            var f = cdf(sample[i]);
            d = Math.Max(d, Math.Max((i + 1.0) / n - f, f - (double)i / n));
        }
        return d;
    }

    public static double PValue(double d, int n)
    {
        if (n <= 0) return 1;
        var sqrtN = Math.Sqrt(n);
        return KolmogorovQ((sqrtN + 0.12 + 0.11 / sqrtN) * d);
    }

    public static (double Statistic, double PValue) Test(double[] sample, Func<double, double> cdf)
    {
        var d = Statistic(sample, cdf);
        return (d, PValue(d, sample.Length));
    }

    /// <summary>Q_KS(λ) = 2 Σ (-1)^(k-1) exp(-2k²λ²), the Kolmogorov survival function.</summary>
    public static double KolmogorovQ(double lambda)
    {
        if (lambda < 1e-3) return 1;
        if (lambda < 1.18)
        {
            // The alternating series converges slowly for small λ; use the Jacobi theta form instead.
            var y = Math.Exp(-Math.PI * Math.PI / (8 * lambda * lambda));
            var cdf = Math.Sqrt(2 * Math.PI) / lambda * (y + Math.Pow(y, 9) + Math.Pow(y, 25) + Math.Pow(y, 49));
            return Math.Clamp(1 - cdf, 0, 1);
        }
        var sum = 0.0;
        for (var k = 1; k <= 100; k++)
        {
            var term = Math.Exp(-2.0 * k * k * lambda * lambda);
            sum += (k % 2 == 1 ? 1 : -1) * term;
            if (term < 1e-300) break;
        }
        return Math.Clamp(2 * sum, 0, 1);
    }
}
