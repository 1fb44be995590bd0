using DataQuality.Core.Comparison;

namespace DataQuality.Core.Tests.Comparison;

/// <summary>
/// <see cref="EntityComparison.HasDifferences"/>: the one rule for "this entity changed" that dq compare's
/// summary line (and any other front end) reports.
/// </summary>
public sealed class EntityDifferencesTests
{
    private const string Day1 = "silver/orders/ds=2026-01-01/part-0.parquet";

    [Fact]
    public async Task Identical_files_and_the_same_rows_rewritten_have_no_differences()
    {
        using var f = new ComparisonFixture();
        f.Base.Write(Day1, ComparisonFixture.Orders).Write("silver/customers/ds=2026-01-01/p.parquet", "SELECT 1 AS id");
        f.Head.CopyFrom(f.Base, "silver/customers/ds=2026-01-01/p.parquet").Write(Day1, ComparisonFixture.Orders + " ORDER BY id DESC");

        var report = await f.CompareAsync(ComparisonFixture.Keyed("orders", "id"));

        report.Entities.Select(e => (e.Name, e.IdenticalFiles, e.HasDifferences)).Should().Equal(
            ("silver/customers", true, false), ("silver/orders", false, false));
    }

    [Fact]
    public async Task Changed_rows_differing_bytes_without_keys_and_one_sided_entities_are_differences()
    {
        using var f = new ComparisonFixture();
        f.Base.Write(Day1, ComparisonFixture.Orders).Write("silver/legacy/ds=2026-01-01/p.parquet", "SELECT 1 AS x");
        f.Head.Write(Day1, ComparisonFixture.ChangedOrders);

        var keyed = (await f.CompareAsync(ComparisonFixture.Keyed("orders", "id"))).Entities;
        var unkeyed = (await f.CompareAsync()).Entities;

        keyed.Select(e => (e.Name, e.HasDifferences)).Should().Equal(("silver/legacy", true), ("silver/orders", true));
        unkeyed.Single(e => e.Name == "silver/orders").HasDifferences.Should().BeTrue();
    }

    [Fact]
    public async Task A_row_whose_key_is_null_changes_the_entity_though_the_keyed_classification_leaves_it_out()
    {
        using var f = new ComparisonFixture();
        f.Base.Write(Day1, ComparisonFixture.Orders);
        f.Head.Write(Day1, ComparisonFixture.Orders + " UNION ALL SELECT NULL::BIGINT, 'x', 1.0, 'a'");

        var e = (await f.CompareAsync(ComparisonFixture.Keyed("orders", "id"))).Entities.Single();

        (e.Keyed!.DifferingRows, e.Keyed.HeadKeys.NullKeyRows, e.RowCounts.Delta).Should().Be((0L, 1L, 1L));
        e.HasDifferences.Should().BeTrue("dq compare used to count this entity as unchanged");
    }
}
