using DataQuality.Core.Checks;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations;

namespace DataQuality.Core.Tests.Expectations;

public sealed class OrderAndZScoreTests : IDisposable
{
    // Inserted out of id order: the check follows DataSource.OrderBy (id), not insertion order.
    private readonly MapTable _t = new("SELECT * FROM (VALUES (3, 3, 'b'), (1, 1, 'a'), (2, NULL, 'a'), (4, 3, 'b'), (5, 2, 'a'), (6, 10, 'b')) v(id, x, g)");

    public void Dispose() => _t.Dispose();

    [Fact]
    public void Increasing_compares_with_the_previous_non_null_value_in_row_order()
    {
        var r = _t.Run("expect_column_values_to_be_increasing", new { column = "x" });
        r.Result.UnexpectedIndexList!.ToJsonString().Should().Be("""[{"id":5,"x":2}]""");
        r.Result.MissingCount.Should().Be(1);

        _t.Run("expect_column_values_to_be_increasing", new { column = "x", strictly = true })
            .Result.UnexpectedIndexList!.Select(e => e!["id"]!.GetValue<long>()).Should().Equal(4, 5);
    }

    [Fact]
    public void Row_condition_restricts_the_sequence_itself()
    {
        // Within g = 'b': 3, 3, 10 is increasing; strictly, the second 3 is not.
        _t.Run("expect_column_values_to_be_increasing", new { column = "x", row_condition = "g = 'b'" }).Success.Should().BeTrue();
        _t.Run("expect_column_values_to_be_increasing", new { column = "x", row_condition = "g = 'b'", strictly = true })
            .Result.UnexpectedIndexList!.ToJsonString().Should().Be("""[{"id":4,"x":3}]""");
        // Within g = 'a': 1, null, 2 is increasing, so decreasing fails once.
        _t.Run("expect_column_values_to_be_decreasing", new { column = "x", row_condition = "g = 'a'" })
            .Result.UnexpectedIndexList!.ToJsonString().Should().Be("""[{"id":5,"x":2}]""");
    }

    [Fact]
    public void Decreasing_with_mostly()
    {
        // In id order: 1, null, 3, 3, 2, 10: the first 3 and the 10 rise.
        var r = _t.Run("expect_column_values_to_be_decreasing", new { column = "x", mostly = 0.6 });
        r.Result.UnexpectedCount.Should().Be(2);
        r.Success.Should().BeTrue("3 of 5 non-null values = 0.6");
        _t.Run("expect_column_values_to_be_decreasing", new { column = "x", mostly = 0.61 }).Success.Should().BeFalse();
    }

    [Fact]
    public void Z_scores_use_the_sample_standard_deviation_over_rows_in_scope()
    {
        // x = 1, 3, 3, 2, 10: mean 3.8, sample sd ≈ 3.564; z(10) ≈ 1.74, z(1) ≈ -0.79.
        _t.Run("expect_column_value_z_scores_to_be_less_than", new { column = "x", threshold = 1.7 })
            .Result.UnexpectedList!.ToJsonString().Should().Be("[10]");
        _t.Run("expect_column_value_z_scores_to_be_less_than", new { column = "x", threshold = 1.8, double_sided = true }).Success.Should().BeTrue();
        _t.Run("expect_column_value_z_scores_to_be_less_than", new { column = "x", threshold = 0.7, double_sided = true })
            .Result.UnexpectedList!.ToJsonString().Should().Be("[1,10]");
        // Restricted to g = 'a' (1, 2): mean 1.5, sd ≈ 0.707, |z| ≈ 0.707 for both.
        _t.Run("expect_column_value_z_scores_to_be_less_than", new { column = "x", threshold = 0.7, double_sided = true, row_condition = "g = 'a'" })
            .Result.UnexpectedCount.Should().Be(2);
    }

    [Fact]
    public void Undefined_z_scores_are_unexpected()
    {
        var r = _t.Run("expect_column_value_z_scores_to_be_less_than", new { column = "x", threshold = 5, row_condition = "g = 'b' AND x = 3" });
        r.Success.Should().BeFalse("a constant column has 0/0 z-scores");
        _t.Run("expect_column_value_z_scores_to_be_less_than", new { column = "g", threshold = 1 }).Exception!.Code.Should().Be("DQ4410");
    }

    [Fact]
    public void Without_an_order_by_the_source_order_is_used()
    {
        var runner = new SuiteRunner(_t.Db);
        var report = runner.Run(new ExpectationSuite("s", [MapTable.E("expect_column_values_to_be_increasing", new { column = "id" })]), new DataSource("t", "t"));
        report.Results[0].Result.UnexpectedCount.Should().Be(1, "insertion order is 3, 1, 2, 4, 5, 6");
    }
}
