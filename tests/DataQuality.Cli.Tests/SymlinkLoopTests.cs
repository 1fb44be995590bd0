using DataQuality.Cli.Tests.TestSupport;
using DataQuality.Core;
using static DataQuality.Cli.Tests.TestSupport.BoundedCli;

namespace DataQuality.Cli.Tests;

/// <summary>
/// Issue 12 item 5 and the self-referencing link of item 19: a directory link back to a parent made one
/// 100-row file read as 4,100 rows. Every command that lists a folder now stops on a loop (DQ2007) and
/// reads each real file once.
/// </summary>
public sealed class SymlinkLoopTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string DataWithLoop(string name = "d")
    {
        WriteParquet(_dir.Combine(name, "p.parquet"));
        Directory.CreateDirectory(_dir.Combine(name, "sub"));
        Directory.CreateSymbolicLink(_dir.Combine(name, "sub", "up"), "../");
        return _dir.Combine(name);
    }

    [Fact]
    public async Task Validate_stops_on_a_directory_loop_instead_of_multiplying_rows()
    {
        var data = DataWithLoop();

        var run = await RunAsync("validate", "--suite", WriteRowCountSuite(_dir), "--data", data);

        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError, run.Out + run.Error);
        run.Error.Should().Contain("error DQ2007").And.Contain("sub/up").And.Contain("symbolic link loop").And.NotContain("   at ");
    }

    [Fact]
    public async Task Glob_through_a_loop_is_refused_too()
    {
        var data = DataWithLoop();

        var run = await RunAsync("validate", "--suite", WriteRowCountSuite(_dir), "--data", data + "/**/*.parquet");

        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError, run.Out + run.Error);
        run.Error.Should().Contain("error DQ2007");
    }

    [Fact]
    public async Task Profile_stops_on_a_directory_loop()
    {
        var run = await RunAsync("profile", DataWithLoop(), "--format", "json");

        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError, run.Out + run.Error);
        run.Error.Should().Contain("error DQ2007");
    }

    [Fact]
    public async Task Compare_stops_on_a_directory_loop_in_a_tree()
    {
        WriteParquet(_dir.Combine("base", "silver", "orders", "p.parquet"));
        WriteParquet(_dir.Combine("head", "silver", "orders", "p.parquet"));
        Directory.CreateSymbolicLink(_dir.Combine("head", "silver", "orders", "again"), "..");

        var run = await RunAsync("compare", "--base", _dir.Combine("base"), "--head", _dir.Combine("head"), "--key", "orders=id");

        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError, run.Out + run.Error);
        run.Error.Should().Contain("error DQ2007");
    }

    [Fact]
    public async Task Storage_ls_and_sync_stop_on_a_directory_loop()
    {
        var data = DataWithLoop();

        var ls = await RunAsync("storage", "ls", data);
        var sync = await RunAsync("storage", "sync", data, _dir.Combine("copy"));

        ls.ExitCode.Should().Be(ExitCodes.UsageOrInputError, ls.Out + ls.Error);
        ls.Error.Should().Contain("error DQ2007");
        sync.ExitCode.Should().Be(ExitCodes.UsageOrInputError, sync.Out + sync.Error);
        Directory.Exists(_dir.Combine("copy")).Should().BeFalse("nothing is copied from a looping tree");
    }

    [Fact]
    public async Task Accept_all_stops_on_a_directory_loop_below_the_root()
    {
        _dir.Write("snapshots/Pipeline.Orders.received.md", "new");
        Directory.CreateSymbolicLink(_dir.Combine("snapshots", "again"), "..");

        var run = await RunAsync("accept", "--all", "--root", _dir.Combine("snapshots"));

        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError, run.Out + run.Error);
        run.Error.Should().Contain("error DQ2007").And.Contain("again");
        File.Exists(_dir.Combine("snapshots", "Pipeline.Orders.received.md")).Should().BeTrue("nothing is accepted from a looping tree");
    }

    [Fact]
    public async Task Two_links_to_one_partition_count_its_rows_once()
    {
        WriteParquet(_dir.Combine("orders", "ds=1", "p.parquet"));
        Directory.CreateSymbolicLink(_dir.Combine("orders", "latest"), "ds=1");
        File.CreateSymbolicLink(_dir.Combine("orders", "ds=1", "copy.parquet"), "p.parquet");

        var run = await RunAsync("validate", "--suite", WriteRowCountSuite(_dir), "--data", _dir.Combine("orders"));
        var profile = await RunAsync("profile", _dir.Combine("orders"), "--format", "json");

        run.ExitCode.Should().Be(ExitCodes.Passed, run.Out + run.Error);
        profile.ExitCode.Should().Be(ExitCodes.Passed, profile.Error);
        System.Text.Json.Nodes.JsonNode.Parse(profile.Out)!["rowCount"]!.GetValue<long>().Should().Be(100);
    }

    [Fact]
    public async Task A_self_referencing_link_is_an_input_error_as_data_and_inside_a_folder()
    {
        Directory.CreateDirectory(_dir.Combine("d"));
        WriteParquet(_dir.Combine("d", "p.parquet"));
        File.CreateSymbolicLink(_dir.Combine("d", "self.parquet"), "self.parquet");
        var suite = WriteRowCountSuite(_dir);

        var direct = await RunAsync("validate", "--suite", suite, "--data", _dir.Combine("d", "self.parquet"));
        var folder = await RunAsync("validate", "--suite", suite, "--data", _dir.Combine("d"));
        var profile = await RunAsync("profile", _dir.Combine("d", "self.parquet"));

        foreach (var run in new[] { direct, folder, profile })
        {
            run.ExitCode.Should().Be(ExitCodes.UsageOrInputError, run.Out + run.Error);
            run.Error.Should().Contain("error DQ2007").And.Contain("self.parquet").And.NotContain("please report");
        }
    }
}
