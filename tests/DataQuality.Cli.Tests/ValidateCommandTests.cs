using System.Text.Json.Nodes;
using DataQuality.Cli.Tests.TestSupport;
using DataQuality.Core;
using DataQuality.Core.Datasets;

namespace DataQuality.Cli.Tests;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string _data;

    public ValidateCommandTests()
    {
        _data = _dir.Combine("orders.parquet");
        using var db = DuckDbSession.Open();
        db.Execute($"COPY (SELECT i AS order_id, i * 10.0 AS amount, CASE WHEN i % 2 = 0 THEN 'open' ELSE 'closed' END AS status FROM range(1, 101) r(i)) TO {SqlText.Literal(_data)} (FORMAT parquet)");
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Passing_gx_1x_suite_exits_0_and_json_lists_results_in_suite_order()
    {
        var suite = _dir.Write("suite.json", """
            {"name": "orders", "expectations": [
              {"type": "expect_column_values_to_not_be_null", "column": "order_id"},
              {"type": "expect_column_max_to_be_between", "column": "amount", "max_value": 1000},
              {"type": "expect_table_row_count_to_be_between", "min_value": 100, "max_value": 100}
            ]}
            """);

        var run = await CliRunner.RunAsync("validate", "--suite", suite, "--data", _data, "--format", "json");

        run.ExitCode.Should().Be(ExitCodes.Passed, run.Error);
        var json = JsonNode.Parse(run.Out)!;
        json["success"]!.GetValue<bool>().Should().BeTrue();
        json["statistics"]!["evaluated_expectations"]!.GetValue<int>().Should().Be(3);
        json["results"]!.AsArray().Select(r => r!["expectation_type"]!.GetValue<string>()).Should().Equal(
            "expect_column_values_to_not_be_null", "expect_column_max_to_be_between", "expect_table_row_count_to_be_between");
        json["results"]![2]!["result"]!["observed_value"]!.GetValue<long>().Should().Be(100);
    }

    [Fact]
    public async Task Failing_legacy_suite_exits_1_and_names_the_failure_in_text()
    {
        var suite = _dir.Write("legacy.json", """
            {"expectation_suite_name": "orders", "expectations": [
              {"expectation_type": "expect_column_values_to_be_in_set", "kwargs": {"column": "status", "value_set": ["open"]}}
            ]}
            """);

        var run = await CliRunner.RunAsync("validate", "--suite", suite, "--data", _data);

        run.ExitCode.Should().Be(ExitCodes.ChecksFailed);
        run.Out.Should().Contain("FAIL").And.Contain("status · expect_column_values_to_be_in_set").And.Contain("50 unexpected of 100");
    }

    [Fact]
    public async Task Warn_severity_failure_exits_0_unless_fail_on_warn()
    {
        var suite = _dir.Write("warn.yaml", """
            suite: orders
            expectations:
              - expect_column_values_to_be_in_set: { column: status, value_set: [open] }
                severity: warn
            """);

        (await CliRunner.RunAsync("validate", "--suite", suite, "--data", _data)).ExitCode.Should().Be(ExitCodes.Passed);
        (await CliRunner.RunAsync("validate", "--suite", suite, "--data", _data, "--fail-on", "warn")).ExitCode.Should().Be(ExitCodes.ChecksFailed);
    }

    [Fact]
    public async Task Malformed_yaml_suite_exits_2_with_file_line_and_column_and_no_stack_trace()
    {
        var suite = _dir.Write("bad.yaml", "suite: orders\nexpectations:\n  - expect_column_values_to_not_be_null: { column: order_id\n");

        var run = await CliRunner.RunAsync("validate", "--suite", suite, "--data", _data);

        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError);
        run.Error.Should().MatchRegex(@"bad\.yaml\(\d+,\d+\): error DQ1000: Malformed YAML").And.NotContain("   at ");
    }

    [Fact]
    public async Task Missing_data_exits_2_naming_the_path()
    {
        var suite = _dir.Write("s.yaml", "expectations:\n  - expect_column_to_exist: { column: order_id }\n");

        var run = await CliRunner.RunAsync("validate", "--suite", suite, "--data", _dir.Combine("nope", "*.parquet"));

        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError);
        run.Error.Should().Contain("nope").And.Contain("DQ2003").And.Contain("matches no Parquet files");
    }

    [Fact]
    public async Task Corrupt_parquet_exits_2_naming_the_file()
    {
        var bad = _dir.Write("corrupt.parquet", "PAR1 this is not parquet at all");
        var suite = _dir.Write("s.yaml", "expectations:\n  - expect_column_to_exist: { column: order_id }\n");

        var run = await CliRunner.RunAsync("validate", "--suite", suite, "--data", bad);

        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError);
        run.Error.Should().Contain("corrupt.parquet").And.Contain("error DQ5001").And.Contain("no PAR1 magic");
    }

    [Fact]
    public async Task Junit_and_markdown_formats_render_the_failures()
    {
        var suite = _dir.Write("s.yaml", "expectations:\n  - expect_column_values_to_be_between: { column: amount, max_value: 500 }\n");
        var report = _dir.Combine("out", "report.xml");

        var junit = await CliRunner.RunAsync("validate", "--suite", suite, "--data", _data, "--format", "junit", "--output", report);
        var markdown = await CliRunner.RunAsync("validate", "--suite", suite, "--data", _data, "--format", "markdown");

        junit.ExitCode.Should().Be(ExitCodes.ChecksFailed);
        File.ReadAllText(report).Should().Contain("<failure").And.Contain("tests=\"1\"");
        markdown.Out.Should().Contain("| FAIL | amount · expect_column_values_to_be_between |");
    }
}
