using DataQuality.Cli.Tests.TestSupport;
using DataQuality.Core;
using DataQuality.Core.Datasets;

namespace DataQuality.Cli.Tests;

/// <summary>A misspelled argument must never silently weaken a check: dq lint and dq validate both name it, with a did-you-mean.</summary>
public sealed class ArgumentCheckTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private const string TypoSuite = """
        suite: orders
        expectations:
          - type: expect_column_values_to_be_between
            column: amount
            min_value: 0
            max_vlaue: 1
          - expect_column_values_to_be_unique: { column: order_id }
        """;

    [Fact]
    public async Task Lint_of_a_suite_reports_a_misspelled_argument_at_its_line_with_a_did_you_mean()
    {
        var suite = _dir.Write("orders.yaml", TypoSuite);

        var run = await CliRunner.RunAsync("lint", suite);

        run.ExitCode.Should().Be(ExitCodes.ChecksFailed);
        run.Out.Should().Contain($"{suite}(6,16): error DQ4110: unknown argument 'max_vlaue' of expect_column_values_to_be_between; did you mean 'max_value'?")
            .And.Contain("1 error(s), 0 warning(s)");
    }

    [Fact]
    public async Task Validate_does_not_run_a_check_with_a_misspelled_argument_as_a_weaker_one()
    {
        var data = _dir.Combine("orders.parquet");
        using (var db = DuckDbSession.Open())
            db.Execute($"COPY (SELECT i AS order_id, i * 10.0 AS amount FROM range(1, 11) r(i)) TO {SqlText.Literal(data)} (FORMAT parquet)");
        var suite = _dir.Write("orders.yaml", TypoSuite);

        var run = await CliRunner.RunAsync("validate", "--suite", suite, "--data", data);

        // Without the check, min_value: 0 alone would pass every row.
        run.ExitCode.Should().NotBe(ExitCodes.Passed);
        run.Out.Should().Contain("DQ4110").And.Contain("unknown argument 'max_vlaue' of expect_column_values_to_be_between; did you mean 'max_value'?");
    }

    [Fact]
    public async Task Lint_of_a_contract_checks_the_arguments_a_rule_passes_to_its_check()
    {
        var contract = _dir.Write("orders.odcs.yaml", """
            apiVersion: v3.1.0
            kind: DataContract
            id: orders
            schema:
              - name: orders
                properties:
                  - name: order_id
                    logicalType: integer
                quality:
                  - type: library
                    metric: rowCount
                    arguments:
                      history:
                        maxDecreasPercent: 10
            """);

        var run = await CliRunner.RunAsync("lint", contract);

        run.ExitCode.Should().Be(ExitCodes.ChecksFailed);
        run.Out.Should().Contain($"{contract}(10,").And.Contain("error DQ4110: unknown argument 'max_decreas_percent' of dq_metric_within_history; did you mean 'max_decrease_percent'?");
    }

    [Fact]
    public async Task Validate_contract_fails_the_presence_of_a_missing_property_and_reports_its_other_checks_not_evaluable()
    {
        var data = _dir.Combine("orders", "part-0.parquet");
        Directory.CreateDirectory(Path.GetDirectoryName(data)!);
        using (var db = DuckDbSession.Open())
            db.Execute($"COPY (SELECT i AS order_id FROM range(1, 11) r(i)) TO {SqlText.Literal(data)} (FORMAT parquet)");
        var contract = _dir.Write("orders.odcs.yaml", """
            apiVersion: v3.1.0
            kind: DataContract
            id: orders
            version: 1.0.0
            status: active
            servers:
              - server: local
                type: local
                format: parquet
                path: ./{model}/*.parquet
            schema:
              - name: orders
                properties:
                  - name: order_id
                    logicalType: integer
                  - name: discount
                    logicalType: number
                    required: true
            """);

        var run = await CliRunner.RunAsync("validate", "--contract", contract);

        run.ExitCode.Should().Be(ExitCodes.ChecksFailed);
        run.Out.Should().Contain("FAIL  orders · discount · present");
        run.Out.Split("DQ4201: not evaluable: column missing: 'discount' is not in orders.").Length.Should().Be(3, "type and required: one not-evaluable result each\n" + run.Out);
        run.Out.Should().NotContain("10 unexpected");
    }
}
