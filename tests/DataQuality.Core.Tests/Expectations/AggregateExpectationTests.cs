using DataQuality.Core.Checks;

namespace DataQuality.Core.Tests.Expectations;

public sealed class AggregateExpectationTests : ExpectationTestBase
{
    // i: ints with a null; d: doubles; s: strings; day: dates; ts: timestamps; b: booleans; g: group for row_condition.
    public AggregateExpectationTests() : base("""
        CREATE TABLE t AS SELECT * FROM (VALUES
            (1,    1.5, 'x', DATE '2024-01-01', TIMESTAMP '2024-01-01 10:00:00', true,  'a'),
            (2,    2.5, 'y', DATE '2024-01-03', TIMESTAMP '2024-01-02 10:00:00', false, 'a'),
            (2,    NULL,'y', DATE '2024-01-03', NULL,                            true,  'b'),
            (9,    4.0, 'z', NULL,              TIMESTAMP '2024-02-01 00:00:00', NULL,  'b'),
            (NULL, 5.0, NULL,DATE '2024-01-02', TIMESTAMP '2024-03-01 00:00:00', true,  'b')
        ) v(i, d, s, day, ts, b, g)
        """)
    {
    }

    [Fact]
    public void Min_and_max_keep_the_column_type()
    {
        var report = Run(
            E("expect_column_min_to_be_between", new { column = "i", min_value = 1, max_value = 1 }),
            E("expect_column_max_to_be_between", new { column = "i", min_value = 10 }),
            E("expect_column_max_to_be_between", new { column = "day", min_value = "2024-01-03", max_value = "2024-01-03" }),
            E("expect_column_min_to_be_between", new { column = "ts", max_value = "2024-01-01T09:00:00" }),
            E("expect_column_max_to_be_between", new { column = "s", max_value = "z" }));

        report.Results.Select(r => r.Success).Should().Equal(true, false, true, false, true);
        Json(report.Results[0].Result.ObservedValue).Should().Be("1");
        Json(report.Results[1].Result.ObservedValue).Should().Be("9");
        Json(report.Results[2].Result.ObservedValue).Should().Be("\"2024-01-03\"");
        Json(report.Results[3].Result.ObservedValue).Should().Be("\"2024-01-01T10:00:00\"");
        Json(report.Results[4].Result.ObservedValue).Should().Be("\"z\"");
    }

    [Fact]
    public void Booleans_compare_with_numeric_bounds_as_one_and_zero()
    {
        var report = Run(
            E("expect_column_max_to_be_between", new { column = "b", min_value = 1, max_value = 1 }),
            E("expect_column_min_to_be_between", new { column = "b", max_value = 0 }),
            E("expect_column_max_to_be_between", new { column = "b", max_value = 0.5 }));

        report.Results.Select(r => r.Success).Should().Equal(true, true, false);
        Json(report.Results[0].Result.ObservedValue).Should().Be("true");
    }

    [Fact]
    public void Strict_bounds_exclude_the_bound_itself()
    {
        var report = Run(
            E("expect_column_max_to_be_between", new { column = "i", max_value = 9, strict_max = true }),
            E("expect_column_min_to_be_between", new { column = "i", min_value = 1, strict_min = true }),
            E("expect_column_mean_to_be_between", new { column = "i", min_value = 3.5, max_value = 3.5 }));

        report.Results.Select(r => r.Success).Should().Equal(false, false, true);
    }

    [Fact]
    public void Aggregate_results_carry_element_and_missing_counts()
    {
        var r = One("expect_column_max_to_be_between", new { column = "i", max_value = 100 }).Result;

        r.ElementCount.Should().Be(5);
        r.MissingCount.Should().Be(1);
        r.MissingPercent.Should().BeApproximately(20.0, 1e-9);
    }

    [Fact]
    public void Mean_median_sum_and_stdev_follow_gx_definitions()
    {
        var report = Run(
            E("expect_column_mean_to_be_between", new { column = "i", min_value = 3.5, max_value = 3.5 }),
            E("expect_column_median_to_be_between", new { column = "i", min_value = 2, max_value = 2 }),
            E("expect_column_median_to_be_between", new { column = "d", min_value = 3.25, max_value = 3.25 }),
            E("expect_column_sum_to_be_between", new { column = "i", min_value = 14, max_value = 14 }),
            E("expect_column_sum_to_be_between", new { column = "d", min_value = 13, max_value = 13 }),
            E("expect_column_stdev_to_be_between", new { column = "i", min_value = 0 }),
            E("expect_column_mean_to_be_between", new { column = "b", min_value = 0.75, max_value = 0.75 }));

        report.Results.Select(r => r.Success).Should().AllBeEquivalentTo(true);
        Json(report.Results[3].Result.ObservedValue).Should().Be("14", "an integer column sums to an integer");
        // Sample standard deviation of 1, 2, 2, 9 (n − 1 = 3).
        var mean = 3.5;
        var expected = Math.Sqrt((Math.Pow(1 - mean, 2) + 2 * Math.Pow(2 - mean, 2) + Math.Pow(9 - mean, 2)) / 3);
        report.Results[5].Result.ObservedValue!.GetValue<double>().Should().BeApproximately(expected, 1e-12);
    }

    [Fact]
    public void Median_of_dates_compares_with_date_bounds()
    {
        var r = One("expect_column_median_to_be_between", new { column = "day", min_value = "2024-01-02", max_value = "2024-01-03" });

        r.Success.Should().BeTrue();
        Json(r.Result.ObservedValue).Should().Be("\"2024-01-02T12:00:00\"", "the median of 01-01, 01-02, 01-03, 01-03 is the midpoint of the two middle dates");
    }

    [Fact]
    public void Unique_value_count_and_proportion_ignore_nulls()
    {
        var report = Run(
            E("expect_column_unique_value_count_to_be_between", new { column = "i", min_value = 3, max_value = 3 }),
            E("expect_column_proportion_of_unique_values_to_be_between", new { column = "i", min_value = 0.75, max_value = 0.75 }),
            E("expect_column_proportion_of_unique_values_to_be_between", new { column = "i", max_value = 0.1, row_condition = "i > 100" }));

        report.Results[0].Success.Should().BeTrue();
        report.Results[1].Success.Should().BeTrue();
        report.Results[2].Success.Should().BeTrue("no non-null values gives proportion 0, as GX's metric does");
        Json(report.Results[2].Result.ObservedValue).Should().Be("0");
    }

    [Fact]
    public void Row_condition_restricts_every_statistic()
    {
        var report = Run(
            E("expect_column_max_to_be_between", new { column = "i", max_value = 2, row_condition = "g = 'a'" }),
            E("expect_column_mean_to_be_between", new { column = "d", min_value = 4.5, max_value = 4.5, row_condition = "col(\"g\")==\"b\"", condition_parser = "great_expectations" }),
            E("expect_column_distinct_values_to_equal_set", new { column = "s", value_set = new[] { "x", "y" }, row_condition = "g = 'a'" }));

        report.Results.Select(r => r.Success).Should().Equal(true, true, true);
        report.Results[0].Result.ElementCount.Should().Be(2);
    }

    [Fact]
    public void Empty_input_fails_with_a_null_observed_value()
    {
        var report = Run(
            E("expect_column_max_to_be_between", new { column = "i", min_value = 0, row_condition = "i > 100" }),
            E("expect_column_mean_to_be_between", new { column = "i", min_value = 0, row_condition = "i > 100" }),
            E("expect_column_sum_to_be_between", new { column = "i", min_value = 0, row_condition = "i > 100" }),
            E("expect_column_median_to_be_between", new { min_value = (int?)null, max_value = (int?)null, column = "i", row_condition = "i > 100" }),
            E("expect_column_quantile_values_to_be_between", new { column = "i", row_condition = "i > 100", quantile_ranges = new { quantiles = new[] { 0.5 }, value_ranges = new[] { new int?[] { null, null } } } }),
            E("expect_column_most_common_value_to_be_in_set", new { column = "i", value_set = new[] { 1 }, ties_okay = true, row_condition = "i > 100" }),
            E("expect_column_distinct_values_to_be_in_set", new { column = "i", value_set = new[] { 1 }, row_condition = "i > 100" }));

        report.Results.Select(r => r.Success).Should().Equal(false, false, false, false, false, false, true);
        report.Results[0].Result.ObservedValue.Should().BeNull();
        report.Results[0].Result.ElementCount.Should().Be(0);
        report.Results[0].Result.MissingPercent.Should().BeNull();
        Json(report.Results[5].Result.ObservedValue).Should().Be("[]");
        Json(report.Results[6].Result.ObservedValue).Should().Be("[]", "no values are trivially all in the set");
    }

    [Fact]
    public void Both_bounds_null_is_vacuous_for_mean_but_an_error_for_min_max_and_sum()
    {
        var report = Run(
            E("expect_column_mean_to_be_between", new { column = "i" }),
            E("expect_column_stdev_to_be_between", new { column = "i" }),
            E("expect_column_min_to_be_between", new { column = "i" }),
            E("expect_column_max_to_be_between", new { column = "i" }),
            E("expect_column_sum_to_be_between", new { column = "i" }));

        report.Results[0].Success.Should().BeTrue();
        report.Results[1].Success.Should().BeTrue();
        report.Results.Skip(2).Should().AllSatisfy(r =>
        {
            r.Status.Should().Be(CheckStatus.Error);
            r.Exception!.Message.Should().Contain("cannot both be None");
        });
    }

    [Fact]
    public void Numeric_statistics_on_a_text_column_are_errors()
    {
        var report = Run(
            E("expect_column_mean_to_be_between", new { column = "s", min_value = 0 }),
            E("expect_column_stdev_to_be_between", new { column = "s", min_value = 0 }),
            E("expect_column_sum_to_be_between", new { column = "s", min_value = 0 }),
            E("expect_column_median_to_be_between", new { column = "s", min_value = 0 }),
            E("expect_column_quantile_values_to_be_between", new { column = "s", quantile_ranges = new { quantiles = new[] { 0.5 }, value_ranges = new[] { new[] { 0, 1 } } } }));

        report.Results.Should().AllSatisfy(r =>
        {
            r.Status.Should().Be(CheckStatus.Error);
            r.Exception!.Code.Should().Be("DQ4603");
            r.Exception.Message.Should().Contain("numeric");
        });
    }

    [Fact]
    public void Bounds_that_cannot_compare_with_the_statistic_are_errors()
    {
        var report = Run(
            E("expect_column_mean_to_be_between", new { column = "i", min_value = "s" }),
            E("expect_column_max_to_be_between", new { column = "day", max_value = "soon" }),
            E("expect_column_max_to_be_between", new { column = "day", max_value = 5 }));

        report.Results.Select(r => r.Exception?.Code).Should().Equal("DQ4601", "DQ4602", "DQ4602");
    }

    [Fact]
    public void NaN_in_the_data_fails_the_statistic_with_a_null_observed_value()
    {
        Db.Execute("CREATE TABLE n AS SELECT * FROM (VALUES (1.0), ('NaN'::DOUBLE), (3.0)) v(x)");
        var report = Runner.Run(new DataQuality.Core.Expectations.ExpectationSuite("s", [
            E("expect_column_mean_to_be_between", new { column = "x", max_value = 10 }),
            E("expect_column_max_to_be_between", new { column = "x", max_value = 10 }),
            E("expect_column_min_to_be_between", new { column = "x", max_value = 10 }),
        ]), new DataQuality.Core.Checks.Planning.DataSource("n", "n"));

        report.Results.Select(r => r.Success).Should().Equal(false, false, true);
        report.Results[0].Result.ObservedValue.Should().BeNull();
        Json(report.Results[2].Result.ObservedValue).Should().Be("1");
    }

    [Fact]
    public void Quantiles_are_discrete_like_percentile_disc()
    {
        // 1, 2, 2, 9: percentile_disc(0.6) is the smallest value whose cumulative share reaches 0.6, the 3rd (2).
        var r = One("expect_column_quantile_values_to_be_between", new
        {
            column = "i",
            quantile_ranges = new { quantiles = new[] { 0.0, 0.25, 0.6, 0.75, 1.0 }, value_ranges = new[] { new int?[] { 1, 1 }, new int?[] { 1, 1 }, new int?[] { 2, 2 }, new int?[] { null, 2 }, new int?[] { 10, null } } },
        });

        Json(r.Result.ObservedValue).Should().Be("""{"quantiles":[0,0.25,0.6,0.75,1],"values":[1,1,2,2,9]}""");
        Json(r.Result.Details).Should().Be("""{"success_details":[true,true,true,true,false]}""");
        r.Success.Should().BeFalse();
    }

    [Fact]
    public void Quantile_bounds_within_relative_1e4_count_as_inside()
    {
        var r = One("expect_column_quantile_values_to_be_between", new
        {
            column = "d",
            quantile_ranges = new { quantiles = new[] { 1.0 }, value_ranges = new[] { new double?[] { 5.0004, 6 } } },
        });

        r.Success.Should().BeTrue("5.0 is within rtol 1e-4 of 5.0004, GX's isclose");
    }

    [Fact]
    public void Malformed_quantile_ranges_are_errors()
    {
        var report = Run(
            E("expect_column_quantile_values_to_be_between", new { column = "i", quantile_ranges = new { quantiles = new[] { 0.5 }, value_ranges = new[] { new[] { 3, 1 } } } }),
            E("expect_column_quantile_values_to_be_between", new { column = "i", quantile_ranges = new { quantiles = new[] { 0.5, 0.7 }, value_ranges = new[] { new[] { 1, 3 } } } }),
            E("expect_column_quantile_values_to_be_between", new { column = "i", quantile_ranges = new { quantiles = new[] { 1.5 }, value_ranges = new[] { new[] { 1, 3 } } } }),
            E("expect_column_quantile_values_to_be_between", new { column = "i" }));

        report.Results.Select(r => r.Exception?.Code).Should().Equal("DQ4605", "DQ4604", "DQ4604", "DQ4101");
        report.Results[0].Exception!.Message.Should().Contain("ordered pairs");
    }

    [Fact]
    public void Distinct_values_report_the_sorted_set_and_value_counts()
    {
        var report = Run(
            E("expect_column_distinct_values_to_be_in_set", new { column = "i", value_set = new[] { 1, 2, 9, 10 } }),
            E("expect_column_distinct_values_to_be_in_set", new { column = "i", value_set = new[] { 1, 2 } }),
            E("expect_column_distinct_values_to_be_in_set", new { column = "i", value_set = (int[]?)null }),
            E("expect_column_distinct_values_to_contain_set", new { column = "s", value_set = new[] { "y", "x" } }),
            E("expect_column_distinct_values_to_contain_set", new { column = "s", value_set = new[] { "y", "w" } }),
            E("expect_column_distinct_values_to_equal_set", new { column = "i", value_set = new[] { 9, 2, 1.0 } }),
            E("expect_column_distinct_values_to_equal_set", new { column = "i", value_set = new[] { 1, 2 } }));

        report.Results.Select(r => r.Success).Should().Equal(true, false, true, true, false, true, false);
        Json(report.Results[0].Result.ObservedValue).Should().Be("[1,2,9]");
        Json(report.Results[0].Result.Details).Should().Be("""{"value_counts":[{"value":1,"count":1},{"value":2,"count":2},{"value":9,"count":1}]}""");
        Json(report.Results[3].Result.ObservedValue).Should().Be("""["x","y","z"]""");
    }

    [Fact]
    public void Distinct_dates_compare_with_iso_strings()
    {
        var report = Run(
            E("expect_column_distinct_values_to_equal_set", new { column = "day", value_set = new[] { "2024-01-01", "2024-01-02", "2024-01-03" } }),
            E("expect_column_distinct_values_to_contain_set", new { column = "ts", value_set = new[] { "2024-01-01 10:00:00" } }));

        report.Results.Select(r => r.Success).Should().Equal(true, true);
        Json(report.Results[0].Result.ObservedValue).Should().Be("""["2024-01-01","2024-01-02","2024-01-03"]""");
    }

    [Fact]
    public void Most_common_value_handles_ties_as_gx_does()
    {
        // s: x once, y twice, z once → single mode y. i: 2 twice → single mode 2. With row_condition g='a': i = 1, 2 → tie.
        var report = Run(
            E("expect_column_most_common_value_to_be_in_set", new { column = "s", value_set = new[] { "y", "q" } }),
            E("expect_column_most_common_value_to_be_in_set", new { column = "i", value_set = new[] { 1 }, row_condition = "g = 'a'" }),
            E("expect_column_most_common_value_to_be_in_set", new { column = "i", value_set = new[] { 1, 2 }, row_condition = "g = 'a'" }),
            E("expect_column_most_common_value_to_be_in_set", new { column = "i", value_set = new[] { 1 }, ties_okay = true, row_condition = "g = 'a'" }),
            E("expect_column_most_common_value_to_be_in_set", new { column = "i", value_set = new[] { 7 }, ties_okay = true, row_condition = "g = 'a'" }));

        report.Results.Select(r => r.Success).Should().Equal(true, false, false, true, false);
        Json(report.Results[0].Result.ObservedValue).Should().Be("""["y"]""");
        Json(report.Results[1].Result.ObservedValue).Should().Be("[1,2]");
    }

    [Fact]
    public void A_suite_of_aggregates_is_one_scan_and_shares_identical_metrics()
    {
        var report = Run(
            E("expect_column_min_to_be_between", new { column = "i", min_value = 0 }),
            E("expect_column_median_to_be_between", new { column = "d", min_value = 0 }),
            E("expect_column_sum_to_be_between", new { column = "i", min_value = 0 }),
            E("expect_column_stdev_to_be_between", new { column = "d", min_value = 0 }),
            E("expect_column_unique_value_count_to_be_between", new { column = "s", min_value = 0 }),
            E("expect_column_proportion_of_unique_values_to_be_between", new { column = "s", min_value = 0 }),
            E("expect_column_quantile_values_to_be_between", new { column = "d", quantile_ranges = new { quantiles = new[] { 0.5 }, value_ranges = new[] { new int?[] { null, null } } } }),
            E("expect_column_distinct_values_to_be_in_set", new { column = "s", value_set = new[] { "x", "y", "z" } }),
            E("expect_column_distinct_values_to_contain_set", new { column = "s", value_set = new[] { "x" } }),
            E("expect_column_most_common_value_to_be_in_set", new { column = "s", value_set = new[] { "y" } }));

        Runner.LastScanCount.Should().Be(1);
        report.Results.Should().AllSatisfy(r => r.Success.Should().BeTrue());
    }
}
