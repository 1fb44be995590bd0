using System.Text.Json.Nodes;
using DataQuality.Cli.Tests.TestSupport;
using DataQuality.Core;
using DataQuality.Core.Datasets;

namespace DataQuality.Cli.Tests;

/// <summary>
/// Parquet timestamps and dates outside DateTime's years 1..9999 (DuckDB writes years up to 294247 and back to
/// 290309 BC). The profile showed such a maximum as 9999-12-31T23:59:59.9999999, a value the data does not hold,
/// and <c>dq suggest</c> turned it into a bound the same data then failed.
/// </summary>
public sealed class FarTemporalValueTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string _file;

    public FarTemporalValueTests()
    {
        _file = _dir.Combine("far.parquet");
        using var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });
        db.Execute($"""
            COPY (SELECT i AS id,
                         CASE WHEN i = 7 THEN TIMESTAMP '20000-01-01 12:30:00.25' ELSE TIMESTAMP '2024-01-01' + to_minutes(i) END AS ts,
                         CASE WHEN i = 3 THEN DATE '0044-03-15 (BC)' ELSE DATE '2024-01-01' + i::INT END AS day
                  FROM range(500) t(i))
            TO {SqlText.Literal(_file)} (FORMAT parquet)
            """);
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Profile_shows_the_real_extremes_and_a_suggested_contract_passes_on_the_data_it_came_from()
    {
        var run = await CliRunner.RunAsync("profile", _file, "--format", "json", "--quiet");

        run.ExitCode.Should().Be(ExitCodes.Passed, run.Error);
        var columns = JsonNode.Parse(run.Out)!["columns"]!.AsArray().ToDictionary(c => c!["path"]!.GetValue<string>());
        columns["ts"]!["max"]!.GetValue<string>().Should().Be("20000-01-01T12:30:00.25");
        columns["ts"]!["min"]!.GetValue<string>().Should().Be("2024-01-01T00:00:00");
        columns["day"]!["min"]!.GetValue<string>().Should().Be("-0043-03-15", "44 BC is astronomical year -43");

        var contract = _dir.Combine("contract.yaml");
        (await CliRunner.RunAsync("suggest", _file, "--output", contract)).ExitCode.Should().Be(ExitCodes.Passed);
        var validate = await CliRunner.RunAsync("validate", "--contract", contract, "--quiet");
        validate.ExitCode.Should().Be(ExitCodes.Passed, validate.Out + validate.Error);
    }

    [Fact]
    public async Task A_far_value_breaking_a_bound_is_a_failure_that_names_it_not_an_internal_error()
    {
        var contract = _dir.Write("bounded.yaml", """
            apiVersion: v3.1.0
            kind: DataContract
            id: far
            version: 1.0.0
            status: active
            servers:
              - server: local
                type: local
                format: parquet
                path: ./far.parquet
            schema:
              - name: far
                properties:
                  - name: ts
                    logicalType: timestamp
                    logicalTypeOptions: {maximum: "2100-01-01T00:00:00"}
            """);
        var suite = _dir.Write("suite.yaml", """
            suite: far
            expectations:
              - expect_column_max_to_be_between: {column: ts, max_value: "2100-01-01T00:00:00"}
              - expect_column_values_to_be_between: {column: day, min_value: "0001-01-01"}
            """);

        var run = await CliRunner.RunAsync("validate", "--contract", contract, "--quiet", "--format", "json");
        run.ExitCode.Should().Be(ExitCodes.ChecksFailed, run.Out + run.Error);
        run.Out.Should().Contain("20000-01-01T12:30:00.25");

        run = await CliRunner.RunAsync("validate", "--suite", suite, "--data", _file, "--quiet", "--format", "json");
        run.ExitCode.Should().Be(ExitCodes.ChecksFailed, run.Out + run.Error);
        var results = JsonNode.Parse(run.Out)!["results"]!.AsArray();
        results.Select(r => r!["status"]!.GetValue<string>()).Should().Equal("failed", "failed");
        results[0]!["result"]!["observed_value"]!.GetValue<string>().Should().Be("20000-01-01T12:30:00.25");
        results[1]!["result"]!["partial_unexpected_list"]!.ToJsonString().Should().Be("[\"-0043-03-15\"]");
    }
}
