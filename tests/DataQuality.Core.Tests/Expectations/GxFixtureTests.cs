namespace DataQuality.Core.Tests.Expectations;

/// <summary>The GX 1.2 fixtures of the aggregate and table families, case by case.</summary>
public sealed class GxFixtureTests
{
    // positive_test__exact_min_and_max_sqlalchemy pins the last bit of SQLAlchemy's stdev (…515); DuckDB gives
    // the exactly rounded …517 that the backend-neutral cases expect.
    private static readonly HashSet<string> NotApplicable =
        ["positive_test__exact_min_and_max_sqlalchemy"];

    [Theory]
    [InlineData("column_aggregate_expectations", "expect_column_min_to_be_between")]
    [InlineData("column_aggregate_expectations", "expect_column_max_to_be_between")]
    [InlineData("column_aggregate_expectations", "expect_column_mean_to_be_between")]
    [InlineData("column_aggregate_expectations", "expect_column_median_to_be_between")]
    [InlineData("column_aggregate_expectations", "expect_column_sum_to_be_between")]
    [InlineData("column_aggregate_expectations", "expect_column_stdev_to_be_between")]
    [InlineData("column_aggregate_expectations", "expect_column_unique_value_count_to_be_between")]
    [InlineData("column_aggregate_expectations", "expect_column_proportion_of_unique_values_to_be_between")]
    [InlineData("column_aggregate_expectations", "expect_column_quantile_values_to_be_between")]
    [InlineData("column_aggregate_expectations", "expect_column_distinct_values_to_be_in_set")]
    [InlineData("column_aggregate_expectations", "expect_column_distinct_values_to_contain_set")]
    [InlineData("column_aggregate_expectations", "expect_column_distinct_values_to_equal_set")]
    [InlineData("column_aggregate_expectations", "expect_column_most_common_value_to_be_in_set")]
    [InlineData("other_expectations", "expect_column_to_exist")]
    [InlineData("other_expectations", "expect_table_column_count_to_be_between")]
    [InlineData("other_expectations", "expect_table_column_count_to_equal")]
    [InlineData("other_expectations", "expect_table_columns_to_match_ordered_list")]
    [InlineData("other_expectations", "expect_table_columns_to_match_set")]
    [InlineData("other_expectations", "expect_table_row_count_to_be_between")]
    [InlineData("other_expectations", "expect_table_row_count_to_equal")]
    [InlineData("multi_table_expectations", "expect_table_row_count_to_equal_other_table")]
    [InlineData("query_expectations", "unexpected_rows_expectation")]
    public void Every_applicable_fixture_case_passes(string category, string type)
    {
        var (ran, failures) = GxFixtureCases.Run(category, type, NotApplicable);

        ran.Should().BeGreaterThan(0, "the fixture file must contribute cases");
        failures.Should().BeEmpty(GxFixtureCases.Describe(failures));
    }
}
