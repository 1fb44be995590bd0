using DataQuality.Core.Checks;
using DataQuality.Core.Checks.Planning;

namespace DataQuality.Core.Tests.Expectations;

public sealed class PairAndMulticolumnTests : IDisposable
{
    private readonly MapTable _t = new("""
        SELECT * FROM (VALUES
          (1, 5, 3, 1, 1, 2),
          (2, 2, 2, 2, 1, 3),
          (3, NULL, 1, 1, 2, 3),
          (4, NULL, NULL, NULL, NULL, NULL),
          (5, 1, 4, 1, 1, 2)
        ) v(id, a, b, c, d, e)
        """);

    public void Dispose() => _t.Dispose();

    [Fact]
    public void Pair_ignore_row_if_defines_missing_rows()
    {
        var both = _t.Run("expect_column_pair_values_a_to_be_greater_than_b", new { column_A = "a", column_B = "b" });
        both.Result.ElementCount.Should().Be(5);
        both.Result.MissingCount.Should().Be(1, "only row 4 has both values missing");
        both.Result.UnexpectedList!.ToJsonString().Should().Be("[[2,2],[null,1],[1,4]]", "a null against a value is unexpected");
        both.Result.UnexpectedIndexList![0]!.ToJsonString().Should().Be("""{"id":2,"a":2,"b":2}""");
        both.Result.UnexpectedPercent.Should().BeApproximately(75.0, 1e-9);

        var either = _t.Run("expect_column_pair_values_a_to_be_greater_than_b", new { column_A = "a", column_B = "b", ignore_row_if = "either_value_is_missing", or_equal = true });
        either.Result.MissingCount.Should().Be(2);
        either.Result.UnexpectedList!.ToJsonString().Should().Be("[[1,4]]");

        var neither = _t.Run("expect_column_pair_values_to_be_equal", new { column_A = "a", column_B = "b", ignore_row_if = "neither" });
        neither.Result.MissingCount.Should().Be(0);
        neither.Result.UnexpectedCount.Should().Be(4, "rows 1, 3, 4 and 5 differ; null = null is not equal");

        _t.Run("expect_column_pair_values_to_be_equal", new { column_A = "a", column_B = "b", ignore_row_if = "all_values_are_missing" }).Exception!.Code.Should().Be("DQ4104");
    }

    [Fact]
    public void Pair_in_set_matches_listed_pairs_including_nulls()
    {
        var r = _t.Run("expect_column_pair_values_to_be_in_set", new { column_A = "a", column_B = "b", value_pairs_set = new object?[][] { [5, 3], [2, 2], [null, 1] }, mostly = 0.75 });
        r.Result.UnexpectedList!.ToJsonString().Should().Be("[[1,4]]");
        r.Success.Should().BeTrue();
        _t.Run("expect_column_pair_values_to_be_in_set", new { column_A = "a", column_B = "b", value_pairs_set = new[] { new[] { 1, 2, 3 } } }).Exception!.Code.Should().Be("DQ4102");
    }

    [Fact]
    public void Pair_samples_are_counted_as_lists_at_summary()
    {
        var r = _t.Run("expect_column_pair_values_to_be_equal", new { column_A = "c", column_B = "d" }, ResultFormatLevel.Summary);
        r.Result.PartialUnexpectedList!.ToJsonString().Should().Be("[[2,1],[1,2]]");
        r.Result.PartialUnexpectedCounts!.ToJsonString().Should().Contain("""{"value":[1,2],"count":1}""");
        r.Result.PartialUnexpectedIndexList!.Count.Should().Be(2);
    }

    [Fact]
    public void Compound_uniqueness_counts_every_copy_among_rows_in_scope()
    {
        var r = _t.Run("expect_compound_columns_to_be_unique", new { column_list = new[] { "c", "d" } });
        r.Result.MissingCount.Should().Be(1);
        r.Result.UnexpectedList!.ToJsonString().Should().Be("""[{"c":1,"d":1},{"c":1,"d":1}]""");
        r.Result.UnexpectedIndexList!.ToJsonString().Should().Be("""[{"id":1,"c":1,"d":1},{"id":5,"c":1,"d":1}]""");
        r.Result.Details!.ToJsonString().Should().Contain(MapExpectation.UnhashableCountsError);
        r.Result.PartialUnexpectedCounts.Should().BeNull();

        _t.Run("expect_compound_columns_to_be_unique", new { column_list = new[] { "c", "d" }, row_condition = "id <> 5" }).Success.Should().BeTrue();
    }

    [Fact]
    public void Unique_within_record_treats_two_nulls_as_equal()
    {
        var r = _t.Run("expect_select_column_values_to_be_unique_within_record", new { column_list = new[] { "a", "b", "c" }, ignore_row_if = "never" });
        r.Result.UnexpectedIndexList!.Select(e => e!["id"]!.GetValue<long>()).Should().Equal(2, 3, 4, 5);
        _t.Run("expect_multicolumn_values_to_be_unique", new { column_list = new[] { "a", "b", "c" }, ignore_row_if = "any_value_is_missing" })
            .Result.UnexpectedIndexList!.Select(e => e!["id"]!.GetValue<long>()).Should().Equal(2, 5);
    }

    [Fact]
    public void Multicolumn_sum_skips_nulls_and_ignores_all_null_rows()
    {
        var r = _t.Run("expect_multicolumn_sum_to_equal", new { column_list = new[] { "d", "e" }, sum_total = 3 });
        r.Result.MissingCount.Should().Be(1);
        r.Result.UnexpectedIndexList!.ToJsonString().Should().Be("""[{"id":2,"d":1,"e":3},{"id":3,"d":2,"e":3}]""");
        _t.Run("expect_multicolumn_sum_to_equal", new { column_list = new[] { "a", "b" }, sum_total = 4 })
            .Result.UnexpectedIndexList!.Select(e => e!["id"]!.GetValue<long>()).Should().Equal(1, 3, 5);
        _t.Run("expect_multicolumn_sum_to_equal", new { column_list = new[] { "a", "b" }, sum_total = 4, ignore_row_if = "any_value_is_missing", mostly = 0.3 })
            .Success.Should().BeTrue("1 of 3 complete rows sums to 4");
        _t.Run("expect_multicolumn_sum_to_equal", new { column_list = new[] { "a" } }).Exception!.Code.Should().Be("DQ4101");
        _t.Run("expect_multicolumn_sum_to_equal", new { column_list = new[] { "a", "nope" }, sum_total = 1 }).Exception!.Code.Should().Be("DQ4201");
    }
}
