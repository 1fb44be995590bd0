using DataQuality.Cli.Tests.TestSupport;
using DataQuality.Core;
using DataQuality.Core.Datasets;

namespace DataQuality.Cli.Tests;

/// <summary>
/// Issue 12 item 20: a suite's SQL runs in the same DuckDB sandbox as a contract's SQL rules: it reads
/// the dataset's files and nothing else, unless <c>--trust-suite-sql</c> says the suite is trusted.
/// </summary>
public sealed class SuiteSandboxTests : IDisposable
{
    private const string Secret = "runner-credential-7f3a";
    private readonly TempDirectory _dir = new();
    private readonly TempDirectory _outside = new();
    private readonly string _data;
    private readonly string _secretFile;

    public SuiteSandboxTests()
    {
        _data = _dir.Combine("orders.parquet");
        using var db = DuckDbSession.Open();
        db.Execute($"COPY (SELECT i AS id FROM range(1, 11) r(i)) TO {SqlText.Literal(_data)} (FORMAT parquet)");
        _secretFile = _outside.Write("secret.txt", Secret + "\n");
    }

    public void Dispose()
    {
        _dir.Dispose();
        _outside.Dispose();
    }

    private string Suite(string expectation) => _dir.Write("suite.yaml", "name: orders\nexpectations:\n" + expectation);

    [Fact]
    public async Task An_unexpected_rows_query_cannot_read_a_file_outside_the_dataset()
    {
        var suite = Suite($"""
              - type: unexpected_rows_expectation
                unexpected_rows_query: SELECT * FROM read_text('{_secretFile}')
            """);

        var run = await CliRunner.RunAsync("validate", "--suite", suite, "--data", _data, "--format", "json");

        run.Out.Should().NotContain(Secret);
        run.ExitCode.Should().Be(ExitCodes.ChecksFailed, run.Error);
        run.Out.Should().Contain("DQ4705").And.Contain("Permission Error");
    }

    [Fact]
    public async Task A_row_condition_cannot_read_a_file_outside_the_dataset()
    {
        var suite = Suite($"""
              - type: expect_column_values_to_be_between
                column: id
                min_value: 100
                row_condition: "id > (SELECT count(*) FROM read_text('{_secretFile}') WHERE content LIKE '%credential%')"
            """);

        var run = await CliRunner.RunAsync("validate", "--suite", suite, "--data", _data, "--format", "json");

        run.ExitCode.Should().Be(ExitCodes.ChecksFailed, run.Error);
        run.Out.Should().Contain("Permission Error").And.NotContain(Secret);
    }

    [Fact]
    public async Task Trust_suite_sql_runs_the_suite_without_the_sandbox()
    {
        var suite = Suite($"""
              - type: unexpected_rows_expectation
                unexpected_rows_query: SELECT * FROM read_text('{_secretFile}')
            """);

        var run = await CliRunner.RunAsync("validate", "--suite", suite, "--data", _data, "--format", "json", "--trust-suite-sql");

        run.ExitCode.Should().Be(ExitCodes.ChecksFailed, run.Error);
        run.Out.Should().Contain(Secret, "the opt-out is for trusted local suites, and it does open the sandbox");
    }

    [Fact]
    public async Task The_dataset_itself_and_another_table_in_the_suites_folder_stay_readable()
    {
        var other = _dir.Combine("other.parquet");
        using (var db = DuckDbSession.Open())
            db.Execute($"COPY (SELECT i AS id FROM range(1, 11) r(i)) TO {SqlText.Literal(other)} (FORMAT parquet)");
        var suite = Suite($"""
              - type: unexpected_rows_expectation
                unexpected_rows_query: SELECT * FROM {"{batch}"} WHERE id > 10
              - type: expect_table_row_count_to_equal_other_table
                other_table_name: {other}
            """);

        var run = await CliRunner.RunAsync("validate", "--suite", suite, "--data", _data);

        run.ExitCode.Should().Be(ExitCodes.Passed, run.Out + run.Error);
    }

    [Fact]
    public async Task Another_table_outside_the_suites_repository_needs_allow_path()
    {
        var other = _outside.Combine("other.parquet");
        using (var db = DuckDbSession.Open())
            db.Execute($"COPY (SELECT i AS id FROM range(1, 11) r(i)) TO {SqlText.Literal(other)} (FORMAT parquet)");
        var suite = Suite($"""
              - type: expect_table_row_count_to_equal_other_table
                other_table_name: {other}
            """);

        var refused = await CliRunner.RunAsync("validate", "--suite", suite, "--data", _data);
        var allowed = await CliRunner.RunAsync("validate", "--suite", suite, "--data", _data, "--allow-path", _outside.Path);

        refused.ExitCode.Should().Be(ExitCodes.UsageOrInputError, refused.Out + refused.Error);
        refused.Error.Should().Contain("error DQ1036").And.Contain("--allow-path");
        allowed.ExitCode.Should().Be(ExitCodes.Passed, allowed.Out + allowed.Error);
    }
}
