using DataQuality.Core;

namespace DataQuality.Cli.Tests;

public sealed class ExitCodeTests
{
    [Fact]
    public async Task Unknown_command_is_a_usage_error_with_exit_code_2()
    {
        var run = await CliRunner.RunAsync("no-such-command");

        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError);
        run.Error.Should().Contain("no-such-command").And.NotContain("   at ");
    }

    [Fact]
    public async Task Version_prints_the_bundled_duckdb_version()
    {
        var run = await CliRunner.RunAsync("version");

        run.ExitCode.Should().Be(ExitCodes.Passed);
        run.Out.Should().MatchRegex(@"^dq \S+ \(DuckDB v\d+\.\d+");
    }
}
