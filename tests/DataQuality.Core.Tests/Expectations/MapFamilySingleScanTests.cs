using DataQuality.Core.Checks;

namespace DataQuality.Core.Tests.Expectations;

/// <summary>All map-family expectations together still cost one scan, and samples only for failures.</summary>
public sealed class MapFamilySingleScanTests : IDisposable
{
    private readonly MapTable _t = new("""
        SELECT * FROM (VALUES
          (1, 'a1', '{"k":1}', '2020-01-01', 1, 2),
          (2, 'b2', '{"k":2}', '2020-01-02', 2, 3),
          (3, 'c3', '{"k":3}', '2020-01-03', 3, 4)
        ) v(id, s, j, d, x, y)
        """);

    public void Dispose() => _t.Dispose();

    [Fact]
    public void Twenty_five_expectations_one_scan()
    {
        var results = _t.RunAll(ResultFormatLevel.Summary,
            MapTable.E("expect_column_values_to_not_be_in_set", new { column = "s", value_set = new[] { "zz" } }),
            MapTable.E("expect_column_values_to_match_regex", new { column = "s", regex = @"^[a-c]\d$" }),
            MapTable.E("expect_column_values_to_not_match_regex", new { column = "s", regex = "z" }),
            MapTable.E("expect_column_values_to_match_regex_list", new { column = "s", regex_list = new[] { "a", "b", "c" } }),
            MapTable.E("expect_column_values_to_not_match_regex_list", new { column = "s", regex_list = new[] { "x", "y" } }),
            MapTable.E("expect_column_values_to_match_like_pattern", new { column = "s", like_pattern = "__" }),
            MapTable.E("expect_column_values_to_not_match_like_pattern", new { column = "s", like_pattern = "z%" }),
            MapTable.E("expect_column_values_to_match_like_pattern_list", new { column = "s", like_pattern_list = new[] { "a%", "b%", "c%" } }),
            MapTable.E("expect_column_values_to_not_match_like_pattern_list", new { column = "s", like_pattern_list = new[] { "%z" } }),
            MapTable.E("expect_column_value_lengths_to_be_between", new { column = "s", min_value = 2, max_value = 2 }),
            MapTable.E("expect_column_value_lengths_to_equal", new { column = "s", value = 2 }),
            MapTable.E("expect_column_values_to_be_of_type", new { column = "x", type_ = "int" }),
            MapTable.E("expect_column_values_to_be_in_type_list", new { column = "s", type_list = new[] { "str" } }),
            MapTable.E("expect_column_values_to_be_increasing", new { column = "x", strictly = true }),
            MapTable.E("expect_column_values_to_be_decreasing", new { column = "x", mostly = 0.1 }),
            MapTable.E("expect_column_values_to_match_strftime_format", new { column = "d", strftime_format = "%Y-%m-%d" }),
            MapTable.E("expect_column_values_to_be_dateutil_parseable", new { column = "d" }),
            MapTable.E("expect_column_values_to_be_json_parseable", new { column = "j" }),
            MapTable.E("expect_column_values_to_match_json_schema", new { column = "j", json_schema = new { required = new[] { "k" } } }),
            MapTable.E("expect_column_value_z_scores_to_be_less_than", new { column = "x", threshold = 3, double_sided = true }),
            MapTable.E("expect_column_pair_values_a_to_be_greater_than_b", new { column_A = "y", column_B = "x" }),
            MapTable.E("expect_column_pair_values_to_be_equal", new { column_A = "x", column_B = "x" }),
            MapTable.E("expect_column_pair_values_to_be_in_set", new { column_A = "x", column_B = "y", value_pairs_set = new[] { new[] { 1, 2 }, new[] { 2, 3 }, new[] { 3, 4 } } }),
            MapTable.E("expect_compound_columns_to_be_unique", new { column_list = new[] { "x", "y" } }),
            MapTable.E("expect_select_column_values_to_be_unique_within_record", new { column_list = new[] { "x", "y" } }),
            MapTable.E("expect_multicolumn_sum_to_equal", new { column_list = new[] { "x", "y" }, sum_total = 5, mostly = 0.3 }));

        results.Where(r => r.Status == CheckStatus.Error).Select(r => r.Exception!.Message).Should().BeEmpty();
        results.Select(r => r.Success).Should().AllBeEquivalentTo(true);
        _t.LastScanCount.Should().Be(1);
    }
}
