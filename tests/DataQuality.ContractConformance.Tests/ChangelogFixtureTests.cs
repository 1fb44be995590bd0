using DataQuality.Core.Contracts.Diff;
using DataQuality.Core.Contracts.Reading;

namespace DataQuality.ContractConformance.Tests;

/// <summary>datacontract-cli fixtures/changelog: the golden output of <c>datacontract changelog v1 v2</c>.</summary>
public sealed class ChangelogFixtureTests
{
    private static ContractDiffReport Compare(string folder, string name) => ContractDiff.Compare(
        ContractLoader.LoadDocument(Fixtures.CliFixture("changelog", folder, $"{name}_v1.yaml")),
        ContractLoader.LoadDocument(Fixtures.CliFixture("changelog", folder, $"{name}_v2.yaml")));

    /// <summary>(kind, path) rows of the golden table named <paramref name="section"/> (wrapped continuation rows skipped).</summary>
    private static List<(string Kind, string Path)> GoldenRows(string section)
    {
        var lines = File.ReadAllLines(Fixtures.CliFixture("changelog", "golden_changelog_text.txt"));
        var start = Array.FindIndex(lines, l => l.Trim() == section);
        var rows = new List<(string, string)>();
        foreach (var line in lines.Skip(start + 1))
        {
            if (line.Trim() is "Summary" or "Details") break;
            var cells = line.Split('│', StringSplitOptions.TrimEntries);
            if (cells.Length < 3 || cells[1] is "" or "Change") continue;
            rows.Add((cells[1], cells[2]));
        }
        return rows;
    }

    [Fact]
    public void Integration_pair_has_the_golden_summary_counts()
    {
        var report = Compare("integration", "changelog_integration");
        var golden = File.ReadAllLines(Fixtures.CliFixture("changelog", "golden_changelog_text.txt"))[1];
        golden.Should().Be("[ 2 Added ]  [ 5 Updated ]  [ 1 Removed ]");
        (report.Count(ChangeKind.Added), report.Count(ChangeKind.Updated), report.Count(ChangeKind.Removed)).Should().Be((2, 5, 1));
    }

    [Fact]
    public void Integration_pair_summary_and_details_match_the_golden_rows()
    {
        var report = Compare("integration", "changelog_integration");
        report.Summary.Select(s => (s.Kind.ToString(), s.Path)).Should().Equal(GoldenRows("Summary"));
        report.Changes.Select(c => (c.Kind.ToString(), c.Path)).Should().Equal(GoldenRows("Details"));
    }

    [Fact]
    public void Integration_pair_is_breaking_for_the_removed_property_the_type_change_and_the_tightened_required()
    {
        var report = Compare("integration", "changelog_integration");
        report.Breaking.Should().BeTrue();
        report.Findings.Where(f => f.Level == ChangeLevel.Error).Select(f => (f.Code, f.Path)).Should().BeEquivalentTo(new[]
        {
            ("DQ1102", "schema.orders.properties.customer_id"),
            ("DQ1104", "schema.orders.properties.order_date.logicalType"),
            ("DQ1103", "schema.orders.properties.total_amount.required"),
        });
    }

    [Fact]
    public void Unit_pair_compares_and_a_contract_equals_itself()
    {
        var report = Compare("unit", "changelog_unit");
        report.Summary.Should().NotBeEmpty();
        var same = ContractDiff.Compare(
            ContractLoader.LoadDocument(Fixtures.CliFixture("changelog", "unit", "changelog_unit_v1.yaml")),
            ContractLoader.LoadDocument(Fixtures.CliFixture("changelog", "unit", "changelog_unit_v1.yaml")));
        same.Changes.Should().BeEmpty();
        same.Breaking.Should().BeFalse();
    }
}
