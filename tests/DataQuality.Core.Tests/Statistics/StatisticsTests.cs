using DataQuality.Core.Statistics;

namespace DataQuality.Core.Tests.Statistics;

/// <summary>Reference values from scipy.special / scipy.stats (closed forms where one exists).</summary>
public sealed class StatisticsTests
{
    [Theory]
    [InlineData(0.5, 0.5723649429247001)] // ln √π
    [InlineData(10.0, 12.801827480081469)] // ln 9!
    [InlineData(0.1, 2.252712651734206)]
    public void LogGamma_matches_reference(double x, double expected) =>
        SpecialFunctions.LogGamma(x).Should().BeApproximately(expected, 1e-12);

    [Fact]
    public void Incomplete_gamma_and_beta_match_closed_forms()
    {
        SpecialFunctions.GammaP(2, 3).Should().BeApproximately(1 - Math.Exp(-3) * 4, 1e-14);
        SpecialFunctions.GammaQ(2, 30).Should().BeApproximately(Math.Exp(-30) * 31, 1e-25);
        // I_0.4(2, 3) = Σ_{j=2..4} C(4,j) 0.4^j 0.6^(4-j)
        SpecialFunctions.BetaI(2, 3, 0.4).Should().BeApproximately(0.5248, 1e-13);
        SpecialFunctions.BetaI(2, 3, 0.9).Should().BeApproximately(1 - (0.1 * 0.1 * 0.1 * 0.1 + 4 * 0.9 * 0.001), 1e-13);
        SpecialFunctions.Erfc(1).Should().BeApproximately(0.15729920705028513, 1e-14);
    }

    [Fact]
    public void Distribution_cdfs_match_scipy()
    {
        Distributions.NormalCdf(1.96).Should().BeApproximately(0.9750021048517795, 1e-13);
        Distributions.NormalCdf(-1, 1, 2).Should().BeApproximately(0.15865525393145707, 1e-13);
        Distributions.UniformCdf(2, -5, 11).Should().BeApproximately(7.0 / 11, 1e-15);
        Distributions.ExponentialCdf(5.2, 4.2, 1).Should().BeApproximately(0.6321205588285577, 1e-14);
        Distributions.ChiSquareSf(3.841458820694124, 1).Should().BeApproximately(0.05, 1e-12);
        Distributions.ChiSquareSf(10, 5).Should().BeApproximately(0.07523524614651217, 1e-12);
        Distributions.StudentTCdf(2.0, 10).Should().BeApproximately(0.9633059826146299, 1e-12);
        Distributions.StudentTCdf(-2.0, 10).Should().BeApproximately(0.0366940173853701, 1e-12);
        Distributions.GammaCdf(26, 2, 20, 3).Should().BeApproximately(1 - Math.Exp(-2) * 3, 1e-14);
        Distributions.BetaCdf(5 + 0.4 * 11, 2, 3, 5, 11).Should().BeApproximately(0.5248, 1e-12);
    }

    [Fact]
    public void Kolmogorov_survival_function_matches_kstwobign()
    {
        KolmogorovSmirnov.KolmogorovQ(1.0).Should().BeApproximately(0.26999967167735456, 1e-10);
        KolmogorovSmirnov.KolmogorovQ(0.5).Should().BeApproximately(0.9639452436648751, 1e-10);
        KolmogorovSmirnov.KolmogorovQ(1.3580986393225505).Should().BeApproximately(0.05, 1e-9);
    }

    [Fact]
    public void Ks_test_accepts_a_matching_sample_and_rejects_a_shifted_one()
    {
        // Evenly spaced normal quantiles: the empirical CDF is as close to Φ as a sample of 200 can be.
        var sample = Enumerable.Range(0, 200).Select(i => InverseNormal((i + 0.5) / 200)).ToArray();
        var (d, p) = KolmogorovSmirnov.Test((double[])sample.Clone(), x => Distributions.NormalCdf(x));
        d.Should().BeApproximately(0.0025, 1e-6);
        p.Should().BeApproximately(1, 1e-9);
        KolmogorovSmirnov.Test(sample, x => Distributions.NormalCdf(x, 0.5)).PValue.Should().BeLessThan(1e-6);
    }

    [Fact]
    public void Chi_square_and_kl_match_the_gx_fixture_values()
    {
        // GX fixture expect_column_chisquare_test_p_value_to_be_greater_than / expect_column_kl_divergence_to_be_less_than.
        var (_, p) = ChiSquare.Test([540, 320, 140], [1000 / 3.0, 1000 / 3.0, 1000 / 3.0]);
        (p / 5.139778209762386e-53).Should().BeApproximately(1, 1e-8);
        Entropy.KlDivergence([0.54, 0.32, 0.14], [1 / 3.0, 1 / 3.0, 1 / 3.0]).Should().BeApproximately(0.1259970028667753, 1e-14);
        Entropy.KlDivergence([0.5, 0.5], [1, 0]).Should().Be(double.PositiveInfinity);
        ChiSquare.Test([1, 1], [2, 0]).PValue.Should().Be(0);
    }

    // Bisection on Φ: slow but exact enough to build test data from our own tested CDF.
    private static double InverseNormal(double q)
    {
        double lo = -10, hi = 10;
        for (var i = 0; i < 200; i++)
        {
            var mid = (lo + hi) / 2;
            if (Distributions.NormalCdf(mid) < q) lo = mid; else hi = mid;
        }
        return (lo + hi) / 2;
    }
}
