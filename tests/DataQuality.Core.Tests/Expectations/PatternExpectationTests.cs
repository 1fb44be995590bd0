using DataQuality.Core.Checks;

namespace DataQuality.Core.Tests.Expectations;

public sealed class PatternExpectationTests : IDisposable
{
    private readonly MapTable _t = new("SELECT * FROM (VALUES (1, 'apple', 10), (2, 'banana', 20), (3, NULL, 30), (4, 'cherry', 40), (5, 'a_b%c', 50)) v(id, s, n)");

    public void Dispose() => _t.Dispose();

    [Fact]
    public void Regex_uses_search_semantics_nulls_are_missing_and_mostly_counts_non_null_rows()
    {
        var r = _t.Run("expect_column_values_to_match_regex", new { column = "s", regex = "an", mostly = 0.25 });

        r.Success.Should().BeTrue("banana matches; 1 of 4 non-null = 0.25");
        r.Result.ElementCount.Should().Be(5);
        r.Result.MissingCount.Should().Be(1);
        r.Result.UnexpectedCount.Should().Be(3);
        r.Result.UnexpectedPercent.Should().BeApproximately(75.0, 1e-9);
        r.Result.UnexpectedList!.Select(v => v!.GetValue<string>()).Should().BeEquivalentTo("apple", "cherry", "a_b%c");
        r.Result.UnexpectedIndexList!.ToJsonString().Should().Contain("""{"id":1,"s":"apple"}""");
    }

    [Fact]
    public void Regex_on_a_numeric_column_matches_its_text()
    {
        var r = _t.Run("expect_column_values_to_match_regex", new { column = "n", regex = "^[1-3]0$" });

        r.Result.UnexpectedList!.ToJsonString().Should().Be("[40,50]");
    }

    [Fact]
    public void Regex_lists_honour_match_on()
    {
        _t.Run("expect_column_values_to_match_regex_list", new { column = "s", regex_list = new[] { "^a", "^b", "^c" } }).Success.Should().BeTrue();
        var all = _t.Run("expect_column_values_to_match_regex_list", new { column = "s", regex_list = new[] { "a", "e" }, match_on = "all" });
        all.Result.UnexpectedList!.ToJsonString().Should().Be("""["banana","cherry","a_b%c"]""", "only apple holds both an a and an e");
        _t.Run("expect_column_values_to_not_match_regex_list", new { column = "s", regex_list = new[] { "rr", "nan" } })
            .Result.UnexpectedList!.ToJsonString().Should().Be("""["banana","cherry"]""");
        _t.Run("expect_column_values_to_match_regex_list", new { column = "s", regex_list = new[] { "a" }, match_on = "some" })
            .Exception!.Code.Should().Be("DQ4104");
    }

    [Fact]
    public void A_regex_that_does_not_compile_is_an_error_never_a_pass()
    {
        var results = _t.RunAll(ResultFormatLevel.Summary,
            MapTable.E("expect_column_values_to_match_regex", new { column = "s", regex = "(unclosed" }),
            MapTable.E("expect_column_values_to_not_match_regex", new { column = "s", regex = "(?<=a)b" }),
            MapTable.E("expect_column_values_to_not_be_null", new { column = "id" }));

        results[0].Status.Should().Be(CheckStatus.Error);
        results[0].Exception!.Code.Should().Be("DQ4401");
        results[1].Status.Should().Be(CheckStatus.Error);
        results[1].Exception!.Code.Should().Be("DQ4402");
        results[1].Exception!.Message.Should().Contain("RE2");
        results[2].Success.Should().BeTrue();
        _t.LastScanCount.Should().Be(1, "errors found while planning never reach the scan");
    }

    [Fact]
    public void Like_patterns_are_case_sensitive_with_no_escape_character()
    {
        _t.Run("expect_column_values_to_match_like_pattern", new { column = "s", like_pattern = "%a%" })
            .Result.UnexpectedList!.ToJsonString().Should().Be("""["cherry"]""");
        _t.Run("expect_column_values_to_match_like_pattern", new { column = "s", like_pattern = "A%" })
            .Result.UnexpectedCount.Should().Be(4);
        _t.Run("expect_column_values_to_not_match_like_pattern", new { column = "s", like_pattern = "a\\_b%" })
            .Success.Should().BeTrue("a backslash is an ordinary character in DuckDB LIKE without ESCAPE");
        _t.Run("expect_column_values_to_match_like_pattern_list", new { column = "s", like_pattern_list = new[] { "a%", "%y" }, match_on = "any" })
            .Result.UnexpectedList!.ToJsonString().Should().Be("""["banana"]""");
        _t.Run("expect_column_values_to_not_match_like_pattern_list", new { column = "s", like_pattern_list = new[] { "b%", "c%" } })
            .Result.UnexpectedList!.ToJsonString().Should().Be("""["banana","cherry"]""");
    }

    [Fact]
    public void Value_lengths_count_characters_and_need_text()
    {
        var r = _t.Run("expect_column_value_lengths_to_be_between", new { column = "s", min_value = 5, max_value = 5, row_condition = "id <= 3" });
        r.Success.Should().BeFalse();
        r.Result.ElementCount.Should().Be(3);
        r.Result.UnexpectedList!.ToJsonString().Should().Be("""["banana"]""");
        _t.Run("expect_column_value_lengths_to_be_between", new { column = "s", min_value = 5, strict_min = true, mostly = 0.5 })
            .Result.UnexpectedList!.ToJsonString().Should().Be("""["apple","a_b%c"]""");
        _t.Run("expect_column_value_lengths_to_equal", new { column = "s", value = 6 }).Result.UnexpectedCount.Should().Be(2);
        _t.Run("expect_column_value_lengths_to_equal", new { column = "n", value = 2 }).Exception!.Code.Should().Be("DQ4410");
        _t.Run("expect_column_value_lengths_to_be_between", new { column = "s", min_value = "five" }).Exception!.Code.Should().Be("DQ4102");
    }

    [Fact]
    public void Not_in_set_ignores_nulls_and_an_empty_set_forbids_nothing()
    {
        var r = _t.Run("expect_column_values_to_not_be_in_set", new { column = "s", value_set = new[] { "apple", null } });
        r.Result.UnexpectedList!.ToJsonString().Should().Be("""["apple"]""");
        r.Result.PartialUnexpectedCounts!.ToJsonString().Should().Be("""[{"value":"apple","count":1}]""");
        _t.Run("expect_column_values_to_not_be_in_set", new { column = "n", value_set = Array.Empty<int>() }).Success.Should().BeTrue();
        _t.Run("expect_column_values_to_not_be_in_set", new { column = "n", value_set = new[] { 10, 20 }, mostly = 0.6 }).Success.Should().BeTrue();
    }
}
