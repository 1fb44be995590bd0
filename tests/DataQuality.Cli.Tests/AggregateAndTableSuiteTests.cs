using System.Text.Json.Nodes;
using DataQuality.Cli.Tests.TestSupport;
using DataQuality.Core;
using DataQuality.Core.Datasets;

namespace DataQuality.Cli.Tests;

/// <summary>Aggregate and table expectations end to end: a YAML suite over Parquet through <c>dq validate</c>.</summary>
public sealed class AggregateAndTableSuiteTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string _data;
    private readonly string _other;

    public AggregateAndTableSuiteTests()
    {
        _data = _dir.Combine("orders.parquet");
        _other = _dir.Combine("orders_copy.parquet");
        using var db = DuckDbSession.Open();
        db.Execute($"COPY (SELECT i AS order_id, i * 10.0 AS amount, CASE WHEN i % 4 = 0 THEN 'open' ELSE 'closed' END AS status, DATE '2026-01-01' + i::INTEGER AS day FROM range(1, 101) r(i)) TO {SqlText.Literal(_data)} (FORMAT parquet)");
        db.Execute($"COPY (SELECT * FROM read_parquet({SqlText.Literal(_data)})) TO {SqlText.Literal(_other)} (FORMAT parquet)");
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_yaml_suite_of_aggregate_and_table_expectations_reports_gx_shaped_results()
    {
        var suite = _dir.Write("suite.yaml", $"""
            suite: orders
            expectations:
              - expect_column_median_to_be_between: {"{"} column: amount, min_value: 500, max_value: 510 {"}"}
              - expect_column_quantile_values_to_be_between:
                  column: order_id
                  quantile_ranges: {"{"} quantiles: [0.5, 0.9], value_ranges: [[50, 50], [90, 90]] {"}"}
              - expect_column_distinct_values_to_equal_set: {"{"} column: status, value_set: [open, closed] {"}"}
              - expect_column_most_common_value_to_be_in_set: {"{"} column: status, value_set: [closed] {"}"}
              - expect_column_max_to_be_between: {"{"} column: day, max_value: "2026-04-11" {"}"}
              - expect_table_columns_to_match_ordered_list: {"{"} column_list: [order_id, amount, status, day] {"}"}
              - expect_table_row_count_to_equal_other_table: {"{"} other_table_name: "{_other.Replace("\\", "/")}" {"}"}
              - type: unexpected_rows_expectation
                unexpected_rows_query: "SELECT * FROM {"{"}batch{"}"} WHERE amount > 990"
                severity: warn
            """);

        var run = await CliRunner.RunAsync("validate", "--suite", suite, "--data", _data, "--format", "json");

        run.ExitCode.Should().Be(ExitCodes.Passed, run.Out + run.Error);
        var results = JsonNode.Parse(run.Out)!["results"]!.AsArray();
        results.Select(r => r!["success"]!.GetValue<bool>()).Should().Equal(true, true, true, true, true, true, true, false);
        results[0]!["result"]!["observed_value"]!.GetValue<double>().Should().Be(505.0);
        results[1]!["result"]!["observed_value"]!["values"]!.ToJsonString().Should().Be("[50,90]");
        results[2]!["result"]!["observed_value"]!.ToJsonString().Should().Be("""["closed","open"]""");
        results[4]!["result"]!["observed_value"]!.GetValue<string>().Should().Be("2026-04-11");
        results[6]!["result"]!["observed_value"]!.ToJsonString().Should().Be("""{"self":100,"other":100}""");
        results[7]!["result"]!["observed_value"]!.GetValue<string>().Should().Be("1 unexpected row");
        results[7]!["severity"]!.GetValue<string>().Should().Be("warn");
    }
}
