using DataQuality.Cli.Tests.TestSupport;
using DataQuality.Core;
using DataQuality.Core.Datasets;

namespace DataQuality.Cli.Tests;

/// <summary>
/// Issue 12 item 15: thread counts, memory limits and retry counts from flags or environment variables
/// are checked in one place; a value dq cannot use is exit 2 with a DQ code naming the flag or variable.
/// </summary>
public sealed class SettingValidationTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string _data;
    private readonly string _suite;

    public SettingValidationTests()
    {
        _data = _dir.Combine("orders.parquet");
        using var db = DuckDbSession.Open();
        db.Execute($"COPY (SELECT i AS id FROM range(1, 11) r(i)) TO {SqlText.Literal(_data)} (FORMAT parquet)");
        _suite = _dir.Write("suite.yaml", "name: s\nexpectations:\n  - type: expect_table_row_count_to_equal\n    value: 10\n");
    }

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("100000")]
    public async Task Threads_flag_out_of_range_is_an_input_error(string threads)
    {
        var run = await CliRunner.RunAsync("validate", "--suite", _suite, "--data", _data, "--threads", threads);

        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError, run.Out + run.Error);
        run.Error.Should().Contain("error DQ1040: --threads must be a whole number from 1 to 1024").And.NotContain("DQ9000");
    }

    [Fact]
    public async Task Profile_threads_flag_out_of_range_is_an_input_error()
    {
        var run = await CliRunner.RunAsync("profile", _data, "--threads", "0");

        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError, run.Out + run.Error);
        run.Error.Should().Contain("error DQ1040: --threads");
    }

    [Fact]
    public async Task A_thread_count_above_four_per_core_is_capped_and_runs()
    {
        var run = await CliRunner.RunAsync("validate", "--suite", _suite, "--data", _data, "--threads", "1024");

        run.ExitCode.Should().Be(ExitCodes.Passed, run.Out + run.Error);
    }

    [Theory]
    [InlineData("DQ_THREADS", "-5", "DQ1040: DQ_THREADS")]
    [InlineData("DQ_THREADS", "abc", "DQ1040: DQ_THREADS")]
    [InlineData("DQ_MEMORY_LIMIT", "lots", "DQ1040: DQ_MEMORY_LIMIT")]
    [InlineData("DQ_S3_MAX_RETRIES", "abc", "DQ3010: DQ_S3_MAX_RETRIES")]
    public async Task An_unusable_environment_value_is_an_input_error_naming_the_variable(string name, string value, string expected)
    {
        var run = await DqProcess.RunAsync(new Dictionary<string, string> { [name] = value }, "validate", "--suite", _suite, "--data", _data);

        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError, run.Out + run.Error);
        run.Error.Should().Contain(expected).And.Contain(value).And.NotContain("   at ");
    }

    [Fact]
    public async Task Valid_environment_values_are_used()
    {
        var run = await DqProcess.RunAsync(
            new Dictionary<string, string> { ["DQ_THREADS"] = "2", ["DQ_MEMORY_LIMIT"] = "512MB", ["DQ_S3_MAX_RETRIES"] = "3" },
            "validate", "--suite", _suite, "--data", _data);

        run.ExitCode.Should().Be(ExitCodes.Passed, run.Out + run.Error);
    }
}
