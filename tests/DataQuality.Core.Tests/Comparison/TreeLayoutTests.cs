using DataQuality.Core.Comparison;
using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Tests.Comparison;

public sealed class TreeLayoutTests
{
    [Fact]
    public void Default_layout_names_entity_by_layer_and_partition_by_ds()
    {
        var match = TreeLayout.Default.Match("silver/orders/ds=2026-02-11/part-0.parquet");

        match.Should().Be(new LayoutMatch("silver/orders", "silver", "orders", null, "ds=2026-02-11"));
        TreeLayout.Default.Match("silver/orders/part-0.parquet").Should().BeNull();
        TreeLayout.Default.Match("silver/orders/ds=2026-02-11/part-0.csv").Should().BeNull();
    }

    [Fact]
    public void Schema_version_is_not_part_of_the_entity_name_and_extra_placeholders_are_partitions()
    {
        var layout = TreeLayout.Parse("{layer}/v{schema}/{entity}/region={region}/ds={ds}/*.parquet");

        var match = layout.Match("gold/v2/customers/region=eu/ds=2026-01-01/x.parquet");

        match.Should().Be(new LayoutMatch("gold/customers", "gold", "customers", "2", "region=eu/ds=2026-01-01"));
        layout.PartitionVariables.Should().Equal("region", "ds");
    }

    [Fact]
    public void Double_star_spans_directories_and_layout_without_partitions_has_one_partition()
    {
        var layout = TreeLayout.Parse("{entity}/**/*.parquet");

        layout.Match("orders/a/b/c.parquet")!.Partition.Should().BeEmpty();
        layout.Match("orders/c.parquet")!.EntityName.Should().Be("orders");
    }

    [Theory]
    [InlineData("{layer}/ds={ds}/*.parquet", "no {entity}")]
    [InlineData("{entity}/{bad-name}/*.parquet", "does not start a placeholder")]
    [InlineData("{entity}/{entity}/*.parquet", "appears twice")]
    [InlineData("  ", "empty")]
    public void Bad_layouts_are_input_errors_DQ6001(string pattern, string message)
    {
        var act = () => TreeLayout.Parse(pattern);

        act.Should().Throw<InputException>().Where(e => e.Code == "DQ6001" && e.Message.Contains(message));
    }
}
