using DataQuality.Cli.Tests.TestSupport;
using DataQuality.Core;

namespace DataQuality.Cli.Tests;

/// <summary>Issue 12, messages: suite options and contract options mixed on one <c>dq validate</c> are a usage error (exit 2).</summary>
public sealed class ValidateOptionConflictTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("--contract", "c.yaml", "--suite, --data cannot be combined with --contract")]
    [InlineData("--dry-run", null, "--dry-run only apply to --contract")]
    [InlineData("--model", "orders", "--model only apply to --contract")]
    [InlineData("--server", "local", "--server only apply to --contract")]
    public async Task Suite_with_a_contract_option_is_a_usage_error(string option, string? value, string message)
    {
        var suite = _dir.Write("s.yaml", "name: s\nexpectations:\n  - type: expect_table_row_count_to_equal\n    value: 1\n");
        var contract = _dir.Write("c.yaml", "apiVersion: v3.1.0\nkind: DataContract\nid: c\nversion: 1.0.0\nstatus: active\nschema: []\n");
        string[] args = value is null
            ? ["validate", "--suite", suite, "--data", _dir.Combine("d.parquet"), option]
            : ["validate", "--suite", suite, "--data", _dir.Combine("d.parquet"), option, value == "c.yaml" ? contract : value];

        var run = await CliRunner.RunAsync(args);

        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError, run.Out + run.Error);
        run.Error.Should().Contain("error DQ1041").And.Contain(message);
    }
}
