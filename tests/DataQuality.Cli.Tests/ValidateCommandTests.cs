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

    /// <summary>
    /// GX 1.x saves a suite with each expectation's arguments under "kwargs" (json.dumps of
    /// ExpectationSuite.to_json_dict, indent=2, keys sorted), not beside "type": this is such a file, ids and all.
    /// dq read "kwargs" as one unknown argument and reported every expectation as an error.
    /// </summary>
    [Fact]
    public async Task Gx_1x_suite_as_gx_saves_it_with_kwargs_runs_each_check_on_its_arguments()
    {
        var suite = _dir.Write("saved.json", """
            {
              "expectations": [
                {
                  "id": "3f1c2d7a-8b4e-4c1a-9a57-0d6e5f4b2c11",
                  "kwargs": {
                    "column": "order_id",
                    "max_value": 100,
                    "min_value": 1
                  },
                  "meta": {},
                  "severity": "critical",
                  "type": "expect_column_values_to_be_between"
                },
                {
                  "id": "9b0e1f3c-2d4a-4e6b-8c7d-5a1b2c3d4e5f",
                  "kwargs": {
                    "column": "status",
                    "value_set": [
                      "open"
                    ]
                  },
                  "meta": {
                    "notes": "half the orders are closed"
                  },
                  "type": "expect_column_values_to_be_in_set"
                }
              ],
              "id": "a4c1e2f3-5b6d-4e7f-8a9b-0c1d2e3f4a5b",
              "meta": {
                "great_expectations_version": "1.3.1"
              },
              "name": "orders",
              "notes": null
            }
            """);

        var run = await CliRunner.RunAsync("validate", "--suite", suite, "--data", _data, "--format", "json");

        run.ExitCode.Should().Be(ExitCodes.ChecksFailed, run.Error);
        var results = JsonNode.Parse(run.Out)!["results"]!.AsArray();
        results.Select(r => r!["success"]!.GetValue<bool>()).Should().Equal(true, false);
        results[1]!["result"]!["unexpected_count"]!.GetValue<long>().Should().Be(50);
        results[1]!["kwargs"]!["value_set"]!.ToJsonString().Should().Be("[\"open\"]");
        (await CliRunner.RunAsync("lint", suite)).ExitCode.Should().Be(ExitCodes.Passed);
    }

    [Fact]
    public async Task An_argument_both_inside_kwargs_and_beside_it_or_a_kwargs_that_is_not_an_object_is_DQ4006()
    {
        var twice = _dir.Write("twice.json", """
            {"name": "orders", "expectations": [
              {"type": "expect_column_values_to_be_in_set", "column": "status", "kwargs": {"column": "status", "value_set": ["open"]}}
            ]}
            """);
        var list = _dir.Write("list.json", """
            {"name": "orders", "expectations": [
              {"type": "expect_column_values_to_not_be_null",
               "kwargs": ["order_id"]}
            ]}
            """);

        var run = await CliRunner.RunAsync("validate", "--suite", twice, "--data", _data);
        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError);
        run.Error.Should().Contain("twice.json(2)").And.Contain("DQ4006").And.Contain("'column' is given both inside 'kwargs' and beside it");
        run = await CliRunner.RunAsync("lint", list);
        run.ExitCode.Should().Be(ExitCodes.ChecksFailed, "lint reports what it finds as findings, exit 1");
        run.Out.Should().Contain("list.json(2)").And.Contain("DQ4006").And.Contain("'kwargs' must be an object");
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
