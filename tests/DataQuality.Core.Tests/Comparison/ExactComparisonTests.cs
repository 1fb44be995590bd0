using DataQuality.Core.Comparison;

namespace DataQuality.Core.Tests.Comparison;

/// <summary>No cast and no non-finite value makes two different rows look identical (issue 12 items 1-2).</summary>
public sealed class ExactComparisonTests
{
    private const string Part = "silver/orders/ds=2026-01-01/part-0.parquet";

    [Fact]
    public async Task A_narrowing_type_change_is_compared_in_the_wider_type()
    {
        // DECIMAL -> INTEGER would round 1.50 to 2, TIMESTAMP -> DATE would drop 10:00: both changes.
        using var f = new ComparisonFixture();
        f.Base.Write(Part, "SELECT * FROM (VALUES (1, 1.50::DECIMAL(10,2), TIMESTAMP '2026-01-01 10:00:00'), (2, 3.00, TIMESTAMP '2026-01-02 00:00:00')) t(id, qty, day)");
        f.Head.Write(Part, "SELECT * FROM (VALUES (1, 2::INTEGER, DATE '2026-01-01'), (2, 3, DATE '2026-01-02')) t(id, qty, day)");

        var e = (await f.CompareAsync(ComparisonFixture.Keyed("orders", "id"))).Entities[0];

        e.SchemaChanges.Select(c => c.Column).Should().BeEquivalentTo("qty", "day");
        (e.Keyed!.Changed, e.Keyed.Identical).Should().Be((1L, 1L), "row 2 is equal in value: 3.00 = 3, 2026-01-02 00:00 = 2026-01-02");
        e.Keyed.Columns.Where(c => c.Column != "ds").Select(c => (c.Column, c.Unequal)).Should().BeEquivalentTo([("day", 1L), ("qty", 1L)]);
        e.Keyed.Samples.Changed.Single().Changes.Should().Equal(
            new ValueChange("day", "2026-01-01 10:00:00", "2026-01-01"),
            new ValueChange("qty", "1.50", "2"));
    }

    [Fact]
    public async Task A_relative_tolerance_does_not_absorb_a_non_finite_base()
    {
        using var f = new ComparisonFixture();
        f.Base.Write(Part, "SELECT * FROM (VALUES (1, 'NaN'::DOUBLE), (2, '-inf'::DOUBLE), (3, 'inf'::DOUBLE), (4, 100.0::DOUBLE)) t(id, v)");
        f.Head.Write(Part, "SELECT * FROM (VALUES (1, 4::DOUBLE), (2, '-inf'::DOUBLE), (3, 1e308::DOUBLE), (4, 100.5::DOUBLE)) t(id, v)");
        var options = ComparisonFixture.Keyed("orders", "id") with { RelativeTolerance = new Dictionary<string, double> { ["v"] = 0.01 } };

        var k = (await f.CompareAsync(options)).Entities[0].Keyed!;

        k.Samples.Changed.Select(s => s.Key).Should().Equal("1", "3");
        (k.Changed, k.IdenticalWithinTolerance, k.Identical).Should().Be((2L, 1L, 2L));
    }

    [Theory]
    [InlineData("DOUBLE", "BIGINT", "DOUBLE")]
    [InlineData("FLOAT", "INTEGER", "DOUBLE")]
    [InlineData("INTEGER", "BIGINT", "HUGEINT")]
    [InlineData("UBIGINT", "UHUGEINT", "UHUGEINT")]
    [InlineData("UHUGEINT", "BIGINT", "VARCHAR")]
    [InlineData("DECIMAL(10,2)", "INTEGER", "DECIMAL(12,2)")]
    [InlineData("DECIMAL(38,10)", "BIGINT", "DECIMAL(38,10)")]
    [InlineData("DECIMAL(38,30)", "BIGINT", "DOUBLE")]
    [InlineData("TIMESTAMP", "DATE", "TIMESTAMP")]
    [InlineData("TIMESTAMP_NS", "TIMESTAMP", "TIMESTAMP_NS")]
    [InlineData("TIMESTAMP", "VARCHAR", "VARCHAR")]
    [InlineData("TIMESTAMP WITH TIME ZONE", "TIMESTAMP", "VARCHAR")]
    [InlineData("BOOLEAN", "INTEGER", "VARCHAR")]
    public void Common_type_holds_both_sides(string baseType, string headType, string common)
    {
        ColumnTypes.CommonType(baseType, headType).Should().Be(common);
        ColumnTypes.CommonType(headType, baseType).Should().Be(common, "the rule is symmetric");
    }
}
