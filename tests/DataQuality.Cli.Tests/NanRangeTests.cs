using System.Text.Json.Nodes;
using DataQuality.Cli.Tests.TestSupport;
using DataQuality.Core;
using DataQuality.Core.Datasets;

namespace DataQuality.Cli.Tests;

/// <summary>
/// NaN is in no range. DuckDB orders NaN above every number, so a minimum alone (`x &lt; 0` is false for NaN)
/// passed a NaN that a maximum failed: the verdict depended on which bound the author wrote. Now NaN is
/// unexpected for any bound on a floating column, through a suite and through a contract alike.
/// </summary>
public sealed class NanRangeTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string _data;

    public NanRangeTests()
    {
        _data = Write("amounts.parquet", "SELECT i AS id, CASE WHEN i = 5 THEN 'NaN'::DOUBLE WHEN i = 6 THEN NULL ELSE i * 1.5 END AS amount FROM range(20) t(i)");
    }

    /// <summary>The rows of <paramref name="select"/> as a Parquet file in the test's folder.</summary>
    private string Write(string name, string select)
    {
        var path = _dir.Combine(name);
        using var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });
        db.Execute($"COPY ({select}) TO {SqlText.Literal(path)} (FORMAT parquet)");
        return path;
    }

    /// <summary>dq validate of a one-expectation YAML suite, JSON output, every unexpected value listed.</summary>
    private async Task<CliRun> ValidateOne(string expectation, string data)
    {
        var suite = _dir.Write("one.yaml", $"suite: s\nexpectations:\n  - {expectation}\n");
        return await CliRunner.RunAsync("validate", "--suite", suite, "--data", data, "--format", "json", "--quiet", "--result-format", "complete");
    }

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("min_value: 0")]
    [InlineData("max_value: 1000")]
    [InlineData("min_value: 0, max_value: 1000")]
    public async Task A_nan_fails_a_range_whichever_bounds_are_written(string bounds)
    {
        var suite = _dir.Write("suite.yaml", $"suite: s\nexpectations:\n  - expect_column_values_to_be_between: {{column: amount, {bounds}}}\n");

        var run = await CliRunner.RunAsync("validate", "--suite", suite, "--data", _data, "--format", "json", "--quiet");

        run.ExitCode.Should().Be(ExitCodes.ChecksFailed, run.Out + run.Error);
        var result = JsonNode.Parse(run.Out)!["results"]![0]!["result"]!;
        result["unexpected_count"]!.GetValue<long>().Should().Be(1);
        result["missing_count"]!.GetValue<long>().Should().Be(1, "NULL is missing, NaN is a value outside the range");
    }

    [Fact]
    public async Task A_contract_minimum_fails_the_nan_too()
    {
        var contract = _dir.Write("contract.yaml", """
            apiVersion: v3.1.0
            kind: DataContract
            id: amounts
            version: 1.0.0
            status: active
            servers:
              - server: local
                type: local
                format: parquet
                path: ./amounts.parquet
            schema:
              - name: amounts
                properties:
                  - name: amount
                    logicalType: number
                    logicalTypeOptions: {minimum: 0}
            """);

        var run = await CliRunner.RunAsync("validate", "--contract", contract, "--quiet");

        run.ExitCode.Should().Be(ExitCodes.ChecksFailed, run.Out + run.Error);
        run.Out.Should().Contain("1 unexpected of 19 non-missing rows").And.Contain("NaN");
    }

    [Fact]
    public async Task A_nan_on_either_side_of_a_pair_comparison_is_unexpected()
    {
        // amount is NaN at id 5 (NaN > 5 was true in DuckDB's order); floor is NaN at id 9 (9 * 1.5 > NaN is false either way).
        var pairs = Write("pairs.parquet", $"SELECT id, amount, CASE WHEN id = 9 THEN 'NaN'::DOUBLE ELSE id::DOUBLE END AS floor FROM read_parquet({SqlText.Literal(_data)}) WHERE id > 0");

        var run = await ValidateOne("expect_column_pair_values_a_to_be_greater_than_b: {column_A: amount, column_B: floor, ignore_row_if: either_value_is_missing}", pairs);

        run.ExitCode.Should().Be(ExitCodes.ChecksFailed, run.Out + run.Error);
        var result = JsonNode.Parse(run.Out)!["results"]![0]!["result"]!;
        result["unexpected_list"]!.ToJsonString().Should().Be("[[\"NaN\",5],[13.5,\"NaN\"]]");
    }

    [Fact]
    public async Task Z_scores_over_data_with_nan_and_infinity_judge_those_values_instead_of_erroring()
    {
        // DuckDB's stddev_samp raises "out of range" on NaN or infinity: the whole check was an error.
        var data = Write("z.parquet", "SELECT i AS id, CASE WHEN i = 5 THEN 'NaN'::DOUBLE WHEN i = 6 THEN 'inf'::DOUBLE ELSE i % 7 END AS v FROM range(50) t(i)");

        var run = await ValidateOne("expect_column_value_z_scores_to_be_less_than: {column: v, threshold: 3, double_sided: true}", data);

        run.ExitCode.Should().Be(ExitCodes.ChecksFailed, run.Out + run.Error);
        var result = JsonNode.Parse(run.Out)!["results"]![0]!;
        result["status"]!.GetValue<string>().Should().Be("failed");
        result["result"]!["unexpected_list"]!.ToJsonString().Should().Be("[\"NaN\",\"Infinity\"]");
    }

    [Fact]
    public async Task A_standard_deviation_over_a_nan_fails_instead_of_erroring_and_a_row_condition_can_leave_it_out()
    {
        var suite = _dir.Write("stdev.yaml", """
            suite: s
            expectations:
              - expect_column_stdev_to_be_between: {column: amount, min_value: 0, max_value: 100}
              - expect_column_stdev_to_be_between: {column: amount, min_value: 0, max_value: 100, row_condition: "id <> 5", condition_parser: great_expectations}
            """);

        var run = await CliRunner.RunAsync("validate", "--suite", suite, "--data", _data, "--format", "json", "--quiet");

        run.ExitCode.Should().Be(ExitCodes.ChecksFailed, run.Out + run.Error);
        var results = JsonNode.Parse(run.Out)!["results"]!.AsArray();
        results.Select(r => r!["status"]!.GetValue<string>()).Should().Equal("failed", "passed");
        results[0]!["result"]!["observed_value"].Should().BeNull();
        results[1]!["result"]!["observed_value"]!.GetValue<double>().Should().BeApproximately(9.1237408478553, 1e-9, "the sample stdev of the other 18 amounts");

        // observed_value null is GX's answer; the text says why.
        var text = await CliRunner.RunAsync("validate", "--suite", suite, "--data", _data, "--quiet");
        text.Out.Should().Contain("FAIL  amount · expect_column_stdev_to_be_between  — the standard deviation is NaN (the values in scope include a NaN or an infinity)");
    }
}
