using DataQuality.Core.Comparison;

namespace DataQuality.Core.Tests.Comparison;

public sealed class KeyedComparisonTests
{
    private const string Part = "silver/orders/ds=2026-01-01/part-0.parquet";

    [Fact]
    public async Task Classifies_rows_and_details_columns_with_tolerance()
    {
        using var f = new ComparisonFixture();
        f.Base.Write(Part, ComparisonFixture.Orders);
        f.Head.Write(Part, ComparisonFixture.ChangedOrders);
        var options = ComparisonFixture.Keyed("orders", "id") with { AbsoluteTolerance = new Dictionary<string, double> { ["amount"] = 0.01 } };

        var report = await f.CompareAsync(options);

        var e = report.Entities.Should().ContainSingle().Subject;
        e.Name.Should().Be("silver/orders");
        e.IdenticalFiles.Should().BeFalse();
        e.RowCounts.Should().Be(new RowCountComparison(10, 10));
        var k = e.Keyed!;
        (k.Added, k.Removed, k.Changed, k.Identical, k.IdenticalWithinTolerance).Should().Be((1L, 1L, 3L, 6L, 1L));
        k.ClassifiedKeys.Should().Be(11);
        k.Columns.Select(c => c.Column).Should().Equal("name", "amount", "cat", "ds");
        var name = k.Columns[0];
        (name.Unequal, name.NullOnlyInBase, name.NullOnlyInHead, name.MaxAbsoluteDifference).Should().Be((2L, 0L, 1L, (double?)null));
        var amount = k.Columns[1];
        amount.Unequal.Should().Be(1);
        amount.WithinTolerance.Should().Be(1);
        amount.MaxAbsoluteDifference.Should().BeApproximately(5, 1e-9);
        amount.AbsoluteTolerance.Should().Be(0.01);
        k.Columns[2].Unequal.Should().Be(0);
        k.Samples.Added.Should().Equal("11");
        k.Samples.Removed.Should().Equal("10");
        k.Samples.Changed.Select(s => s.Key).Should().Equal("2", "4", "5");
        k.Samples.Changed[0].Changes.Should().Equal(new ValueChange("name", "n2", "renamed"));
        k.Samples.Changed[1].Changes.Should().Equal(new ValueChange("amount", "6.0", "11.0"));
        k.Samples.Changed[2].Changes.Should().Equal(new ValueChange("name", "n5", null));
        report.Verdict.Passed.Should().BeTrue("no threshold was set");
    }

    [Fact]
    public async Task Without_tolerance_a_tiny_difference_is_a_change()
    {
        using var f = new ComparisonFixture();
        f.Base.Write(Part, ComparisonFixture.Orders);
        f.Head.Write(Part, ComparisonFixture.ChangedOrders);

        var report = await f.CompareAsync(ComparisonFixture.Keyed("silver/orders", "id"));

        var k = report.Entities[0].Keyed!;
        (k.Changed, k.IdenticalWithinTolerance).Should().Be((4L, 0L));
        k.Columns.Should().Contain(c => c.Column == "amount" && c.Unequal == 2 && c.WithinTolerance == 0);
    }

    [Fact]
    public async Task Relative_tolerance_scales_with_the_base_value()
    {
        using var f = new ComparisonFixture();
        f.Base.Write(Part, "SELECT 1 AS id, 1000.0::DOUBLE AS v UNION ALL SELECT 2, 1.0");
        f.Head.Write(Part, "SELECT 1 AS id, 1000.5::DOUBLE AS v UNION ALL SELECT 2, 1.5");
        var options = ComparisonFixture.Keyed("orders", "id") with { RelativeTolerance = new Dictionary<string, double> { ["orders.v"] = 1e-3 } };

        var k = (await f.CompareAsync(options)).Entities[0].Keyed!;

        k.Changed.Should().Be(1);
        k.Samples.Changed.Single().Key.Should().Be("2");
        k.Columns.Single(c => c.Column == "v").WithinTolerance.Should().Be(1);
    }

    [Fact]
    public async Task Duplicate_and_null_keys_are_counted_per_side_and_left_out_of_the_classification()
    {
        using var f = new ComparisonFixture();
        f.Base.Write(Part, "SELECT * FROM (VALUES (1, 'a'), (1, 'b'), (2, 'c'), (NULL, 'd'), (3, 'e')) t(id, v)");
        f.Head.Write(Part, "SELECT * FROM (VALUES (1, 'a'), (2, 'c'), (2, 'x'), (NULL, 'd'), (NULL, 'z'), (3, 'e')) t(id, v)");

        var k = (await f.CompareAsync(ComparisonFixture.Keyed("orders", "id"))).Entities[0].Keyed!;

        k.BaseKeys.Should().Be(new KeyHealth(5, 1, 1, 2));
        k.HeadKeys.Should().Be(new KeyHealth(6, 2, 1, 2));
        k.DuplicateKeysEitherSide.Should().Be(2);
        (k.Added, k.Removed, k.Changed, k.Identical).Should().Be((0L, 0L, 0L, 1L));
        k.Samples.DuplicateKeys.Should().Equal(new DuplicateKeySample("1", 2, 1), new DuplicateKeySample("2", 1, 2));
    }

    [Fact]
    public async Task Composite_keys_render_as_name_value_pairs_and_excluded_columns_are_not_compared()
    {
        using var f = new ComparisonFixture();
        f.Base.Write(Part, "SELECT * FROM (VALUES ('eu', 1, 10, TIMESTAMP '2026-01-01 00:00:00'), ('us', 1, 20, TIMESTAMP '2026-01-01 00:00:00')) t(region, id, qty, loaded_at)");
        f.Head.Write(Part, "SELECT * FROM (VALUES ('eu', 1, 10, TIMESTAMP '2026-02-02 00:00:00'), ('us', 1, 21, TIMESTAMP '2026-02-02 00:00:00')) t(region, id, qty, loaded_at)");
        var options = ComparisonFixture.Keyed("orders", "region", "id") with { Exclude = ["loaded_at"] };

        var e = (await f.CompareAsync(options)).Entities[0];

        e.Keyed!.Changed.Should().Be(1);
        e.Keyed.Samples.Changed.Single().Key.Should().Be("region=us, id=1");
        e.Keyed.Columns.Select(c => c.Column).Should().NotContain("loaded_at");
        e.Columns.Single(c => c.Name == "loaded_at").Excluded.Should().BeTrue();
        e.Profile.Select(p => p.Column).Should().NotContain("loaded_at");
    }

    [Fact]
    public async Task A_type_change_still_compares_values_through_a_cast()
    {
        using var f = new ComparisonFixture();
        f.Base.Write(Part, "SELECT i::INTEGER AS id, i::INTEGER AS qty FROM range(1, 6) t(i)");
        f.Head.Write(Part, "SELECT i::BIGINT AS id, (CASE WHEN i = 5 THEN 50 ELSE i END)::BIGINT AS qty FROM range(1, 6) t(i)");

        var e = (await f.CompareAsync(ComparisonFixture.Keyed("orders", "id"))).Entities[0];

        e.SchemaChanges.Should().Contain(new ColumnSchemaChange("qty", SchemaChangeKind.TypeChanged, "INTEGER", "BIGINT"));
        (e.Keyed!.Changed, e.Keyed.Identical).Should().Be((1L, 4L));
    }

    [Fact]
    public async Task Keyless_entities_are_compared_as_multisets_of_rows()
    {
        using var f = new ComparisonFixture();
        f.Base.Write(Part, "SELECT * FROM (VALUES (1, 'a'), (1, 'a'), (2, 'b')) t(x, y)");
        f.Head.Write(Part, "SELECT * FROM (VALUES (1, 'a'), (2, 'b'), (3, 'c'), (3, 'c')) t(x, y)");

        var k = (await f.CompareAsync()).Entities[0].Keyed!;

        k.KeyColumns.Should().BeEmpty();
        (k.Added, k.Removed, k.Changed, k.Identical).Should().Be((2L, 1L, 0L, 2L));
    }
}
