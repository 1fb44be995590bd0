using DataQuality.Cli.Tests.TestSupport;
using DataQuality.Core;
using static DataQuality.Cli.Tests.TestSupport.BoundedCli;

namespace DataQuality.Cli.Tests;

/// <summary>
/// Issue 12 item 19 and its messages list, the file parts: user mistakes about paths that were internal
/// errors (exit 3) or the wrong code. Each is exit 2 with the documented DQ code.
/// </summary>
public sealed class FileArgumentErrorTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static void AssertInputError(CliRun run, string code)
    {
        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError, run.Out + run.Error);
        run.Error.Should().Contain($"error {code}").And.NotContain("   at ").And.NotContain("please report");
    }

    [Fact]
    public async Task Demo_where_a_file_has_the_folder_name_is_DQ2009()
    {
        var blocker = _dir.Write("dq-demo", "a file, not the demo folder");

        var run = await RunAsync("demo", "--output", blocker);

        AssertInputError(run, "DQ2009");
        run.Error.Should().Contain("dq-demo");
        File.ReadAllText(blocker).Should().Be("a file, not the demo folder");
    }

    [Fact]
    public async Task Accept_all_with_a_missing_root_is_DQ6100()
    {
        var run = await RunAsync("accept", "--all", "--root", _dir.Combine("missing"));

        AssertInputError(run, "DQ6100");
    }

    [Theory]
    [InlineData("gs://bucket/orders/p.parquet")]
    [InlineData("az://container/orders/")]
    [InlineData("https://example.com/p.parquet")]
    public async Task Unsupported_schemes_are_DQ3001_in_every_command(string location)
    {
        var suite = WriteRowCountSuite(_dir);

        AssertInputError(await RunAsync("validate", "--suite", suite, "--data", location), "DQ3001");
        AssertInputError(await RunAsync("profile", location), "DQ3001");
        AssertInputError(await RunAsync("suggest", location), "DQ3001");
        AssertInputError(await RunAsync("compare", "--base", location, "--head", _dir.Path), "DQ3001");
        AssertInputError(await RunAsync("storage", "ls", location), "DQ3001");
    }
}
