using DataQuality.Core.Checks.Planning;

namespace DataQuality.Core.Tests.Checks;

public sealed class ScanBuilderPruningTests
{
    [Fact]
    public void A_follow_up_query_carries_only_the_derived_columns_it_refers_to()
    {
        var scan = new ScanBuilder(new DataSource("t", "t"));
        var unique = scan.Derived("count(*) OVER (PARTITION BY a)");
        var previous = scan.Derived($"last_value(b) OVER (ORDER BY {scan.RowNumber()})");

        var sample = scan.WithSource($"SELECT a FROM {ScanBuilder.SourceAlias} WHERE {unique} > 1 LIMIT 20");
        sample.Should().Contain("PARTITION BY a").And.NotContain("last_value").And.NotContain("row_number()");

        var ordered = scan.WithSource($"SELECT b FROM {ScanBuilder.SourceAlias} WHERE b < {previous}");
        ordered.Should().Contain("last_value").And.Contain("row_number()").And.NotContain("PARTITION BY a");

        scan.Aggregate($"count(*) FILTER (WHERE {unique} > 1)");
        scan.Aggregate($"count(*) FILTER (WHERE b < {previous})");
        scan.ScanSql().Should().Contain("PARTITION BY a").And.Contain("last_value");
    }
}
