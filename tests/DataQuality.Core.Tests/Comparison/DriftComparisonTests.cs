using DataQuality.Core.Comparison;
using DataQuality.Core.Snapshots;

namespace DataQuality.Core.Tests.Comparison;

/// <summary>PSI/KS drift per column from the profiler, in the report and as the --max-drift-psi threshold.</summary>
public sealed class DriftComparisonTests
{
    private const string Part = "silver/events/ds=2026-01-01/part-0.parquet";

    // 2,000 rows: a uniform number, a 50/50 category, a date over 200 days, a column null on one side, a nested list.
    private const string Events = """
        SELECT i::BIGINT AS id, (i % 1000)::DOUBLE AS value, CASE WHEN i % 2 = 0 THEN 'a' ELSE 'b' END AS cat,
               DATE '2026-01-01' + (i % 200)::INTEGER AS day, i::INTEGER AS sometimes, 'x' || i AS label, [i, i + 1] AS pair
        FROM range(1, 2001) t(i)
        """;

    /// <summary>The same rows written in another order and one label changed: same distributions, different bytes.</summary>
    private const string Shuffled = """
        SELECT id, value, cat, day, sometimes, CASE WHEN id = 7 THEN 'changed' ELSE label END AS label, pair
        FROM (
        SELECT i::BIGINT AS id, (i % 1000)::DOUBLE AS value, CASE WHEN i % 2 = 0 THEN 'a' ELSE 'b' END AS cat,
               DATE '2026-01-01' + (i % 200)::INTEGER AS day, i::INTEGER AS sometimes, 'x' || i AS label, [i, i + 1] AS pair
        FROM range(1, 2001) t(i)) ORDER BY hash(id)
        """;

    /// <summary>Values shifted by half their range, 90% 'a', dates 100 days later, and no non-null value in <c>sometimes</c>.</summary>
    private const string Shifted = """
        SELECT i::BIGINT AS id, (i % 1000 + 500)::DOUBLE AS value, CASE WHEN i % 10 = 0 THEN 'b' ELSE 'a' END AS cat,
               DATE '2026-04-11' + (i % 200)::INTEGER AS day, NULL::INTEGER AS sometimes, 'x' || i AS label, [i, i + 1] AS pair
        FROM range(1, 2001) t(i)
        """;

    private static ComparisonOptions Keyed(double? maxPsi = null) =>
        ComparisonFixture.Keyed("events", "id") with { Thresholds = new ComparisonThresholds { MaxDriftPsi = maxPsi } };

    [Fact]
    public async Task Same_distribution_in_different_files_has_no_drift()
    {
        using var f = new ComparisonFixture();
        f.Base.Write(Part, Events);
        f.Head.Write(Part, Shuffled);

        var report = await f.CompareAsync(Keyed(maxPsi: 0.1));

        var profile = report.Entities.Single().Profile.ToDictionary(p => p.Column);
        (profile["value"].Drift! with { Histogram = null }).Should().Be(new ColumnDrift("numeric", 0, 0));
        // The overlaid histogram the report draws: both sides' shares over the same bins, equal here.
        profile["value"].Drift!.Histogram.Should().HaveCount(20).And.OnlyContain(b => Math.Abs(b.Base - b.Head) < 0.02);
        profile["value"].Drift!.Histogram!.Sum(b => b.Base).Should().BeApproximately(1, 1e-9);
        profile["day"].Drift!.Kind.Should().Be("temporal");
        profile["day"].Drift!.Psi.Should().Be(0);
        profile["cat"].Drift.Should().Be(new ColumnDrift("string", 0, null));
        profile["label"].Drift.Should().Be(new ColumnDrift("string", null, null), "2,000 distinct labels are more than the sketch counts exactly");
        profile["pair"].Drift.Should().BeNull("list columns have no distribution to compare");
        (profile["ds"].Drift! with { Histogram = null }).Should().Be(new ColumnDrift("temporal", 0, 0), "the profiler reads hive partition columns from the paths too");
        report.Verdict.Passed.Should().BeTrue();
        // Distinct counts come from the profiler's HyperLogLog (2^14 registers) when the drift pass ran.
        profile["label"].Base!.DistinctApprox.Should().BeCloseTo(2000, 40);
        profile["sometimes"].Head!.DistinctApprox.Should().BeCloseTo(2000, 40);
        profile["ds"].Base!.DistinctApprox.Should().Be(1);
    }

    [Fact]
    public async Task Shifted_distributions_have_large_psi_and_ks_and_breach_the_threshold()
    {
        using var f = new ComparisonFixture();
        f.Base.Write(Part, Events);
        f.Head.Write(Part, Shifted);

        var report = await f.CompareAsync(Keyed(maxPsi: 0.2));

        var profile = report.Entities.Single().Profile.ToDictionary(p => p.Column);
        profile["value"].Drift!.KolmogorovSmirnov.Should().BeApproximately(0.5, 0.02);
        profile["value"].Drift!.Psi.Should().BeGreaterThan(1);
        // Shifted: the head's mass sits in bins where the base has almost none.
        profile["value"].Drift!.Histogram!.Should().Contain(b => b.Head > 0.02 && b.Base < 0.001).And.Contain(b => b.Base > 0.02 && b.Head < 0.001);
        profile["day"].Drift!.KolmogorovSmirnov.Should().BeApproximately(0.5, 0.02);
        // Categorical PSI by hand: (0.9 - 0.5) ln(0.9/0.5) + (0.1 - 0.5) ln(0.1/0.5) = 0.8789.
        profile["cat"].Drift!.Psi.Should().BeApproximately(0.8789, 0.001);
        profile["sometimes"].Drift.Should().Be(new ColumnDrift("numeric", null, null), "head has no non-null value: drift is undefined, not zero");
        report.Verdict.Passed.Should().BeFalse();
        report.Verdict.Breaches.Where(b => b.Rule == "max-drift-psi").Select(b => b.Observed.Split(':')[0])
            .Should().Equal("cat", "day", "value");
        report.Verdict.Breaches.Should().Contain(new ThresholdBreach("silver/events", "max-drift-psi", "cat: PSI 0.8789", "0.2000"));

        var markdown = ComparisonMarkdown.Render(report);
        markdown.Should().Contain("### Drift").And.Contain("| cat | string | 0.8789 | - |").And.Contain("| sometimes | numeric | - | - |")
            .And.Contain("max drift PSI 0.2000");
        var json = ComparisonJson.Render(report);
        json.Should().Contain("\"maxDriftPsi\": 0.2000").And.Contain("\"kind\": \"string\",\n            \"psi\": 0.8789,\n            \"ks\": null");
        ComparisonMarkdown.Render(await f.CompareAsync(Keyed(maxPsi: 0.2))).Should().Be(markdown, "drift figures are deterministic");
    }

    [Fact]
    public async Task No_profile_and_identical_files_compute_no_drift()
    {
        using var f = new ComparisonFixture();
        f.Base.Write(Part, Events);
        f.Head.Write(Part, Shifted);
        (await f.CompareAsync(Keyed(maxPsi: 0) with { Profile = false })).Verdict.Passed.Should().BeTrue("without the profile there is no drift to check");
        var noDrift = await f.CompareAsync(Keyed(maxPsi: 0) with { Drift = false });
        noDrift.Entities.Single().Profile.Should().NotBeEmpty().And.OnlyContain(p => p.Drift == null);
        noDrift.Verdict.Passed.Should().BeTrue();

        using var same = new ComparisonFixture();
        same.Base.Write(Part, Events);
        same.Head.CopyFrom(same.Base, Part);
        var report = await same.CompareAsync(Keyed(maxPsi: 0));
        report.Entities.Single().IdenticalFiles.Should().BeTrue();
        report.Entities.Single().Profile.Should().BeEmpty();
        report.Verdict.Passed.Should().BeTrue();
        ComparisonMarkdown.Render(report).Should().NotContain("### Drift");
    }
}
