using DataQuality.Cli.Tests.TestSupport;
using DataQuality.Core;
using DataQuality.Core.Datasets;

namespace DataQuality.Cli.Tests;

/// <summary>
/// Issue 12 item 8: a suite's SQL fragments (row_condition, unexpected_rows_query) must stay inside the
/// parentheses dq puts them in; what is not one expression or one query stops the run (exit 2) with a
/// DQ code and the suite's file and line.
/// </summary>
public sealed class UserSqlFragmentTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string _data;

    public UserSqlFragmentTests()
    {
        _data = _dir.Combine("orders.parquet");
        using var db = DuckDbSession.Open();
        db.Execute($"COPY (SELECT i AS id, CASE WHEN i % 2 = 0 THEN 'a;b' ELSE 'c' END AS status FROM range(1, 101) r(i)) TO {SqlText.Literal(_data)} (FORMAT parquet)");
    }

    public void Dispose() => _dir.Dispose();

    private string Suite(string expectation) => _dir.Write("suite.yaml", "name: orders\nexpectations:\n" + expectation);

    [Theory]
    [InlineData("id > 0) OR (1=1")]
    [InlineData("id > 0; DROP TABLE x")]
    [InlineData("status = 'unterminated")]
    [InlineData("id > 0 /* unterminated")]
    [InlineData("id IN (1, 2")]
    [InlineData("status = E'\\') OR (1=1 --'")]
    [InlineData("status = $$a$$")]
    [InlineData("id >")]
    public async Task A_row_condition_that_is_not_one_expression_is_an_input_error_naming_the_suite_line(string condition)
    {
        var suite = Suite($"""
              - type: expect_column_values_to_be_between
                column: id
                min_value: 50
                row_condition: "{condition.Replace("\\", "\\\\").Replace("\"", "\\\"")}"
            """);

        var run = await CliRunner.RunAsync("validate", "--suite", suite, "--data", _data);

        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError, run.Out + run.Error);
        run.Error.Should().Contain("error DQ4105").And.Contain("suite.yaml(3,").And.Contain("row_condition").And.NotContain("   at ");
        run.Out.Should().BeEmpty("no check ran");
    }

    [Fact]
    public async Task A_semicolon_inside_a_string_literal_is_accepted()
    {
        var suite = Suite("""
              - type: expect_column_values_to_be_in_set
                column: status
                value_set: ["a;b"]
                row_condition: "status <> 'c' AND id > 0 -- a comment is fine"
            """);

        var run = await CliRunner.RunAsync("validate", "--suite", suite, "--data", _data);

        run.ExitCode.Should().Be(ExitCodes.Passed, run.Out + run.Error);
        run.Out.Should().Contain("1 checks: 1 passed");
    }

    [Theory]
    [InlineData("SELECT * FROM {batch} WHERE id < 0) AS x, (SELECT 1")]
    [InlineData("SELECT * FROM {batch}; SELECT 1")]
    [InlineData("SELECT * FROM {batch} WHERE")]
    public async Task An_unexpected_rows_query_that_is_not_one_query_is_an_input_error(string query)
    {
        var suite = Suite($"""
              - type: unexpected_rows_expectation
                unexpected_rows_query: "{query}"
            """);

        var run = await CliRunner.RunAsync("validate", "--suite", suite, "--data", _data);

        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError, run.Out + run.Error);
        run.Error.Should().Contain("error DQ4704").And.Contain("suite.yaml(3,");
    }
}
