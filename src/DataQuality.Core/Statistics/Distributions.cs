namespace DataQuality.Core.Statistics;

/// <summary>
/// Cumulative distribution functions with scipy.stats' parameter conventions, which is what GX's
/// parameterized KS expectation passes positionally: norm(loc, scale), uniform(loc, scale),
/// expon(loc, scale), beta(a, b, loc, scale), gamma(a, loc, scale), chi2(df, loc, scale),
/// t(df, loc, scale).
/// </summary>
public static class Distributions
{
    public static double NormalCdf(double x, double mean = 0, double std = 1) =>
        0.5 * SpecialFunctions.Erfc(-(x - mean) / (std * Math.Sqrt(2)));

    public static double UniformCdf(double x, double loc = 0, double scale = 1) =>
        Math.Clamp((x - loc) / scale, 0, 1);

    public static double ExponentialCdf(double x, double loc = 0, double scale = 1) =>
        x <= loc ? 0 : -ExpM1(-(x - loc) / scale);

    public static double BetaCdf(double x, double a, double b, double loc = 0, double scale = 1) =>
        SpecialFunctions.BetaI(a, b, (x - loc) / scale);

    public static double GammaCdf(double x, double a, double loc = 0, double scale = 1) =>
        SpecialFunctions.GammaP(a, (x - loc) / scale);

    public static double ChiSquareCdf(double x, double df, double loc = 0, double scale = 1) =>
        SpecialFunctions.GammaP(df / 2, (x - loc) / scale / 2);

    /// <summary>Survival function of chi-square: the p-value of a chi-square statistic.</summary>
    public static double ChiSquareSf(double x, double df) =>
        double.IsPositiveInfinity(x) ? 0 : SpecialFunctions.GammaQ(df / 2, x / 2);

    public static double StudentTCdf(double x, double df, double loc = 0, double scale = 1)
    {
        var t = (x - loc) / scale;
        var tail = 0.5 * SpecialFunctions.BetaI(df / 2, 0.5, df / (df + t * t));
        return t >= 0 ? 1 - tail : tail;
    }

    // exp(v)-1 without cancellation near 0, so tiny exponential tails keep their precision.
    private static double ExpM1(double v) => Math.Abs(v) < 1e-5 ? v + v * v / 2 + v * v * v / 6 : Math.Exp(v) - 1;
}
