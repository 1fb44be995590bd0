using DataQuality.Cli.Tests.TestSupport;
using DataQuality.Core;
using DataQuality.Core.Datasets;
using DataQuality.Xunit;
using DataQuality.Xunit.Sdk;

namespace DataQuality.Cli.Tests;

/// <summary>
/// GX run-time suite parameters (<c>{"$PARAMETER": "name"}</c>, as GX writes suites whose bounds are given at
/// run time) take their values from the run's variables: <c>dq validate --var</c>, the xunit adapter's
/// <c>DataQualityVariables</c>, then <c>DQ_VAR_name</c>. The same values give the same verdict through the CLI,
/// the generated suite rows and the fluent assertions, and a missing value is the same DQ1030 everywhere.
/// </summary>
public sealed class SuiteParameterTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string _data;

    // GX JSON as GX 1.x writes it: a row-count window from a parameter, and a cut-off date from another.
    private const string Suite = """
        {"name": "orders", "meta": {"dataset": "orders.parquet"}, "expectations": [
          {"type": "expect_table_row_count_to_be_between",
           "kwargs": {"min_value": {"$PARAMETER": "sp_min_rows"}, "max_value": {"$PARAMETER": "sp_min_rows * 2"}}},
          {"type": "expect_column_max_to_be_between",
           "kwargs": {"column": "created", "max_value": {"$PARAMETER": "sp_cutoff"}}}
        ]}
        """;

    public SuiteParameterTests()
    {
        _data = _dir.Combine("orders.parquet");
        using var db = DuckDbSession.Open();
        db.Execute($"COPY (SELECT i AS id, TIMESTAMP '2026-01-01' + to_days(i::INT) AS created FROM range(10) t(i)) TO {SqlText.Literal(_data)} (FORMAT parquet)");
    }

    public void Dispose() => _dir.Dispose();

    private string SuiteFile(string name) => _dir.Write(name, Suite);

    [Theory]
    [InlineData("6", "2026-02-01", true)]     // 10 rows in [6, 12]; last day 2026-01-10 before the cut-off
    [InlineData("11", "2026-02-01", false)]   // 10 < 11
    [InlineData("4", "2026-02-01", false)]    // 10 > 4 * 2
    [InlineData("6", "2026-01-05", false)]    // the last day is after the cut-off
    public async Task The_same_values_give_the_same_verdict_in_dq_validate_suite_rows_and_fluent_assertions(string minRows, string cutoff, bool passes)
    {
        var cli = await CliRunner.RunAsync("validate", "--suite", SuiteFile("cli.json"), "--data", _data, "--quiet", "--format", "json",
            "--var", $"sp_min_rows={minRows}", "--var", $"sp_cutoff={cutoff}");

        var rowsSuite = SuiteFile($"rows-{minRows}-{cutoff}.json"); // generated rows share one run per suite file and dataset
        var settings = DataQualitySettings.FromDefaults(null, $"sp_min_rows={minRows};sp_cutoff={cutoff}");
        var target = new SuiteTarget(rowsSuite, "orders", "orders.parquet");
        var rowFailures = new List<string>();
        // Recorded: the run summary is shared with the parity tests, which read it behind the same gate.
        var fromRows = await ParityComparison.Recorded(async () =>
        {
            for (var i = 0; i < 2; i++)
            {
                try { await target.AssertAsync(i, settings); }
                catch (CheckFailedException ex) { rowFailures.Add(ex.Message); }
            }
        });
        var suite = Core.Expectations.Readers.SuiteReader.ReadFile(SuiteFile("fluent.json")) with { Parameters = settings.Variables };
        Exception? fluentFailure = null;
        var fromFluent = await ParityComparison.Recorded(() =>
        {
            fluentFailure = Record.Exception(() => Dataset.Load(_data).Should().Satisfy(suite));
            return Task.CompletedTask;
        });

        cli.ExitCode.Should().Be(passes ? ExitCodes.Passed : ExitCodes.ChecksFailed, cli.Out + cli.Error);
        var fromCli = ParityComparison.FromJson(System.Text.Json.Nodes.JsonNode.Parse(cli.Out)!).ToList();
        fromCli.Should().HaveCount(2).And.OnlyContain(t => !t.Contains("| error |", StringComparison.Ordinal));
        fromRows.Should().Equal(fromCli, "the generated rows must say what dq validate says");
        fromFluent.Should().Equal(fromCli, "the fluent assertion must say what dq validate says");
        rowFailures.Should().HaveCount(passes ? 0 : 1, string.Join("\n", rowFailures));
        (fluentFailure is null).Should().Be(passes, fluentFailure?.Message);
    }

    [Fact]
    public async Task A_parameter_without_a_value_is_DQ1030_for_that_check_in_every_front_end_and_DQ_VAR_gives_one()
    {
        var cli = await CliRunner.RunAsync("validate", "--suite", SuiteFile("unset.json"), "--data", _data, "--quiet", "--format", "json");
        var target = new SuiteTarget(SuiteFile("unset-rows.json"), "orders", "orders.parquet");
        CheckFailedException? row = null;
        await ParityComparison.Recorded(async () => row = await Record.ExceptionAsync(() => target.AssertAsync(0, DataQualitySettings.FromDefaults(null, null))) as CheckFailedException);

        cli.ExitCode.Should().Be(ExitCodes.ChecksFailed, cli.Error);
        const string Message = "Variable '${sp_min_rows}' is not set: give it as sp_min_rows=VALUE (dq --var, or the MSBuild property DataQualityVariables for dotnet test) or set the environment variable DQ_VAR_sp_min_rows.";
        cli.Out.Should().Contain("\"code\": \"DQ1030\"").And.Contain(Message);
        row.Should().NotBeNull();
        row!.Message.Should().Contain("DQ1030").And.Contain(Message);

        // DQ_VAR_name is every front end's fallback; the name is used by no other test.
        Environment.SetEnvironmentVariable("DQ_VAR_sp_env_rows", "10");
        try
        {
            var suite = _dir.Write("env.json", Suite.Replace("sp_min_rows", "sp_env_rows", StringComparison.Ordinal).Replace("{\"$PARAMETER\": \"sp_cutoff\"}", "\"2027-01-01\"", StringComparison.Ordinal));
            var env = await CliRunner.RunAsync("validate", "--suite", suite, "--data", _data, "--quiet");
            env.ExitCode.Should().Be(ExitCodes.Passed, env.Out + env.Error);
            await ParityComparison.Recorded(() =>
            {
                FluentActions.Invoking(() => Dataset.Load(_data).Should().Satisfy(suite)).Should().NotThrow();
                return Task.CompletedTask;
            });
        }
        finally
        {
            Environment.SetEnvironmentVariable("DQ_VAR_sp_env_rows", null);
        }
    }

    [Fact]
    public async Task Text_cannot_be_computed_with_and_says_so()
    {
        var run = await CliRunner.RunAsync("validate", "--suite", SuiteFile("text.json"), "--data", _data, "--quiet",
            "--var", "sp_min_rows=many", "--var", "sp_cutoff=2026-02-01");

        run.ExitCode.Should().Be(ExitCodes.ChecksFailed, run.Error);
        run.Out.Should().Contain("DQ4104").And.Contain("suite parameter 'sp_min_rows' is 'many', not a number or a date");
    }
}
