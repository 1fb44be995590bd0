using DataQuality.Core.Datasets;
using DataQuality.Core.Profiling;
using DataQuality.Core.Reporting;
using DataQuality.Core.Tests.TestSupport;
using DataQuality.Reports.Html;
using DataQuality.Reports.Model;

namespace DataQuality.Reports.Tests;

/// <summary>The page's profile cards mark sketch estimates "~" exactly where the CLI's profile table does, from the profile's own flags.</summary>
public sealed class ProfileApproximationTests
{
    [Fact]
    public async Task Approximate_top_value_counts_and_distinct_estimates_carry_a_tilde_and_exact_counts_do_not()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("wide.parquet");
        using (var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 }))
            db.Execute($"""
                COPY (SELECT i::BIGINT AS uid,
                             CASE WHEN i % 2 = 0 THEN 'hot' ELSE 'v' || i::VARCHAR END AS skewed,
                             ['new','paid','shipped'][1 + (i % 3)::INT] AS status
                      FROM range(20000) t(i)) TO {SqlText.Literal(path)} (FORMAT parquet)
                """);
        var profile = await ParquetProfiler.ProfileAsync([path], cancellationToken: TestContext.Current.CancellationToken);
        var inputs = new ReportInputs();
        inputs.Profiles.Add(("wide", profile));
        var model = ReportBuilder.Build(inputs);
        var html = HtmlReport.Render(model);
        string Card(string column)
        {
            var anchor = model.Profiles[0].Columns.Single(c => c.Column.Path == column).Anchor;
            var start = html.IndexOf($"<article class=\"card\" id=\"{anchor}\"", StringComparison.Ordinal);
            start.Should().BeGreaterThan(0, column);
            return html[start..html.IndexOf("</article>", start, StringComparison.Ordinal)];
        }

        var status = profile.Column("status")!;
        status.TopValuesExact.Should().BeTrue("three values fit the sketch");
        Card("status").Should().Contain($">{ProfileFigures.TopValueCount(status, 6667)}<").And.Contain(">6,667<").And.NotContain(">~6").And.NotContain("approximate counts");

        var skewed = profile.Column("skewed")!;
        skewed.TopValuesExact.Should().BeFalse("10,001 distinct values overflow the sketch");
        var hot = ProfileFigures.ShownTopValues(skewed).Should().ContainSingle("only 'hot' is counted above the sketch's error bound").Subject;
        hot.Value.Should().Be("hot");
        Card("skewed").Should().Contain($">{ProfileFigures.TopValueCount(skewed, hot.Count)}<").And.Contain(">~").And.Contain("Top values of skewed (approximate counts)");

        var uid = profile.Column("uid")!;
        Card("uid").Should().Contain("<dt>top values</dt><dd>unique (~").And.Contain($"<dt>distinct</dt><dd>{ProfileFigures.Distinct(uid)}</dd>");
        ProfileFigures.Distinct(uid).Should().StartWith("~");
        foreach (var c in profile.Columns) Card(c.Path).Should().Contain("<dt>distinct</dt><dd>~").And.NotContain("≈");
    }
}
