namespace DataQuality.Core.Statistics;

/// <summary>Pearson's chi-square goodness-of-fit test (scipy.stats.chisquare with ddof 0).</summary>
public static class ChiSquare
{
    public static (double Statistic, double PValue) Test(IReadOnlyList<double> observed, IReadOnlyList<double> expected)
    {
        if (observed.Count != expected.Count) throw new ArgumentException("observed and expected differ in length");
        var stat = 0.0;
        for (var i = 0; i < observed.Count; i++)
        {
            var diff = observed[i] - expected[i];
            // An observation where nothing was expected makes the statistic infinite (scipy divides by zero).
            stat += expected[i] == 0 ? (diff == 0 ? double.NaN : double.PositiveInfinity) : diff * diff / expected[i];
        }
        if (double.IsNaN(stat)) return (double.NaN, double.NaN);
        return (stat, Distributions.ChiSquareSf(stat, observed.Count - 1));
    }
}
