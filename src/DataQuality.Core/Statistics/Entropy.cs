namespace DataQuality.Core.Statistics;

/// <summary>
/// Kullback–Leibler divergence Σ p·ln(p/q) with both vectors normalised to sum 1 first, as
/// scipy.stats.entropy(pk, qk) does; a p&gt;0 where q=0 gives +∞, terms with p=0 contribute 0.
/// </summary>
public static class Entropy
{
    public static double KlDivergence(IReadOnlyList<double> p, IReadOnlyList<double> q)
    {
        if (p.Count != q.Count) throw new ArgumentException("p and q differ in length");
        var sp = p.Sum();
        var sq = q.Sum();
        var kl = 0.0;
        for (var i = 0; i < p.Count; i++)
        {
            var pi = p[i] / sp;
            var qi = q[i] / sq;
            if (pi == 0) continue;
            if (qi == 0) return double.PositiveInfinity;
            kl += pi * Math.Log(pi / qi);
        }
        return kl;
    }
}
