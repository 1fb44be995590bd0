using DataQuality.Core.Diagnostics;
using DataQuality.Core.Profiling.Sketches;

namespace DataQuality.Core.Profiling;

/// <summary>
/// Distribution drift between a reference profile and a current one of the same column, computed
/// from the profiles alone (no data access): Kolmogorov–Smirnov from the KLL sketches, PSI from KLL
/// bins (numeric) or top-k categories (text). Pure functions; callers pick thresholds.
/// </summary>
public static class Drift
{
    /// <summary>Probability floor for empty bins, so PSI stays finite (the usual 1e-4 convention).</summary>
    public const double PsiFloor = 1e-4;

    /// <summary>
    /// Fewest non-null values on each side for PSI or KS to mean anything. With 10 bins this keeps the
    /// expected count per bin at 10 or more (the usual chi-square rule asks for at least 5); below it a
    /// single row moves a bin by 20% or more and PSI comes out large (4.7 on 5 rows) for no shift at all.
    /// </summary>
    public const long MinimumSample = 100;

    /// <summary>
    /// Why drift between samples of <paramref name="reference"/> and <paramref name="current"/> non-null
    /// values cannot be evaluated ("too few rows (n=5)", naming the smaller side), or null when it can.
    /// Zero on a side is not "too few": it is an empty distribution, which callers treat on their own.
    /// </summary>
    public static string? TooFewRows(long reference, long current)
    {
        var n = Math.Min(reference, current);
        return n > 0 && n < MinimumSample
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"too few rows (n={n}; drift needs at least {MinimumSample} non-null values on each side)")
            : null;
    }

    /// <summary>
    /// Two-sample KS statistic D = sup |F_ref(x) − F_cur(x)| over both sketches' retained values.
    /// Each CDF carries the KLL rank error (≈0.5% at k=512), so D is accurate to about twice that.
    /// </summary>
    public static double KolmogorovSmirnov(ColumnProfile reference, ColumnProfile current)
    {
        var (a, b) = Sketches(reference, current, "KS statistic");
        var (av, ac) = a.SortedView();
        var (bv, bc) = b.SortedView();
        if (av.Length == 0 || bv.Length == 0) return av.Length == bv.Length ? 0 : 1;
        double aw = ac[^1], bw = bc[^1];
        int i = 0, j = 0;
        double d = 0;
        while (i < av.Length || j < bv.Length)
        {
            var x = j >= bv.Length || (i < av.Length && av[i] <= bv[j]) ? av[i] : bv[j];
            while (i < av.Length && av[i] <= x) i++;
            while (j < bv.Length && bv[j] <= x) j++;
            var fa = i == 0 ? 0 : ac[i - 1] / aw;
            var fb = j == 0 ? 0 : bc[j - 1] / bw;
            d = Math.Max(d, Math.Abs(fa - fb));
        }
        return d;
    }

    /// <summary>PSI below this is read as stable (the convention the PSI doc comment below cites); above it, worth a look.</summary>
    public const double StablePsiBelow = 0.1;

    /// <summary>
    /// Population stability index Σ (c − r) · ln(c / r). Numeric and temporal columns use
    /// <paramref name="bins"/> bins cut at the reference's quantiles; other kinds use the union of
    /// both top-k value sets plus one "other" bucket. Below 0.1 is commonly read as stable, above 0.25 as shifted.
    /// </summary>
    public static double PopulationStabilityIndex(ColumnProfile reference, ColumnProfile current, int bins = 10)
    {
        if (bins < 2) throw new ArgumentOutOfRangeException(nameof(bins), "PSI needs at least 2 bins.");
        if (reference.Kind.IsNumeric() && current.Kind.IsNumeric())
        {
            var (a, b) = Sketches(reference, current, "PSI");
            var edges = QuantileEdges(a, bins);
            return Psi(Shares(edges.Select(a.Cdf).ToArray()), Shares(edges.Select(b.Cdf).ToArray()));
        }
        return CategoricalPsi(reference, current);
    }

    /// <summary>
    /// Both sides' distributions over the same <paramref name="bins"/> equal-width bins spanning the two
    /// ranges, as shares of each side's non-null values: what a reader overlays to see the drift that PSI
    /// and KS summarise. From the KLL sketches, so as approximate as they are.
    /// </summary>
    public static IReadOnlyList<DriftBin> OverlaidHistogram(ColumnProfile reference, ColumnProfile current, int bins = 20)
    {
        var (a, b) = Sketches(reference, current, "histogram");
        var lo = Math.Min(a.Min, b.Min);
        var hi = Math.Max(a.Max, b.Max);
        if (!double.IsFinite(lo) || !double.IsFinite(hi)) return [];
        if (hi <= lo) return [new DriftBin(lo, hi, 1, 1)];
        var result = new DriftBin[bins];
        double previousA = 0, previousB = 0, lower = lo;
        for (var i = 0; i < bins; i++)
        {
            var upper = i == bins - 1 ? hi : lo + (hi - lo) * (i + 1) / bins;
            double ca = a.Cdf(upper), cb = b.Cdf(upper);
            result[i] = new DriftBin(lower, upper, Math.Max(0, ca - previousA), Math.Max(0, cb - previousB));
            (previousA, previousB, lower) = (ca, cb, upper);
        }
        return result;
    }

    /// <summary>The PSI bin edges: the reference's 1/bins … (bins−1)/bins quantiles, repeated values merged.</summary>
    public static double[] QuantileEdges(KllSketch reference, int bins) =>
        Enumerable.Range(1, bins - 1).Select(i => reference.Quantile((double)i / bins)).Distinct().ToArray();

    /// <summary>Cumulative shares at the edges → per-bin shares, one more than the edges (the last bin takes the rest).</summary>
    public static double[] Shares(IReadOnlyList<double> cumulative)
    {
        var shares = new double[cumulative.Count + 1];
        var previous = 0.0;
        for (var i = 0; i < cumulative.Count; i++) { shares[i] = cumulative[i] - previous; previous = cumulative[i]; }
        shares[^1] = 1 - previous;
        return shares;
    }

    private static double CategoricalPsi(ColumnProfile reference, ColumnProfile current)
    {
        if (reference.NonNullCount == 0 || current.NonNullCount == 0)
            throw Incomparable(reference, "PSI", "one side has no non-null values");
        var keys = reference.TopValues.Select(v => v.Hash).Union(current.TopValues.Select(v => v.Hash)).ToList();
        double[] Shares(ColumnProfile p)
        {
            var byHash = p.TopKSketch.Items.ToDictionary(i => i.Hash, i => i.Count);
            var shares = keys.Select(k => byHash.TryGetValue(k, out var n) ? (double)n / p.NonNullCount : 0).ToList();
            shares.Add(Math.Max(0, 1 - shares.Sum()));
            return [.. shares];
        }
        return Psi(Shares(reference), Shares(current));
    }

    /// <summary>Σ (c − r) · ln(c / r) over matching shares, empty bins floored at <see cref="PsiFloor"/>: the one PSI formula.</summary>
    public static double Psi(IReadOnlyList<double> reference, IReadOnlyList<double> current)
    {
        double psi = 0;
        for (var i = 0; i < reference.Count; i++)
        {
            var r = Math.Max(reference[i], PsiFloor);
            var c = Math.Max(current[i], PsiFloor);
            psi += (c - r) * Math.Log(c / r);
        }
        return psi;
    }

    private static (KllSketch Reference, KllSketch Current) Sketches(ColumnProfile reference, ColumnProfile current, string what)
    {
        if (reference.QuantileSketch is not { Count: > 0 } a)
            throw Incomparable(reference, what, $"it has no numeric distribution (kind {reference.Kind})");
        if (current.QuantileSketch is not { Count: > 0 } b)
            throw Incomparable(current, what, $"it has no numeric distribution (kind {current.Kind})");
        return (a, b);
    }

    private static InputException Incomparable(ColumnProfile column, string what, string why) =>
        new(ProfileErrors.IncomparableColumns, $"Cannot compute the {what} for column '{column.Path}': {why}.");
}

/// <summary>One bin of an overlaid histogram: values in (Lower, Upper] (the first bin also holds Lower), as shares of each side.</summary>
public sealed record DriftBin(double Lower, double Upper, double Base, double Head);
