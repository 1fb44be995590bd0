using DataQuality.Core;

namespace DataQuality.Cli.Tests;

public sealed class SnapshotCommandTests
{
    private static CompareTrees Repo()
    {
        var t = new CompareTrees();
        Directory.CreateDirectory(t.Combine("tests"));
        File.WriteAllText(t.Combine("tests", "OrdersTests.cs"), "public sealed class OrdersTests { public async Task Main_vs_feature() { } public void Totals() { } }");
        File.WriteAllText(t.Combine("tests", "OrdersTests.Main_vs_feature.verified.md"), "old\n");
        File.WriteAllText(t.Combine("tests", "OrdersTests.Main_vs_feature.received.md"), "new\n");
        File.WriteAllText(t.Combine("tests", "OrdersTests.Totals.received.md"), "totals\n");
        File.WriteAllText(t.Combine("tests", "OrdersTests.Deleted.verified.md"), "gone\n");
        return t;
    }

    [Fact]
    public async Task Check_lists_received_leftovers_and_unused_verified_files_and_exits_1()
    {
        using var t = Repo();

        var run = await CliRunner.RunAsync("snapshots", "check", "--root", t.Root);

        run.ExitCode.Should().Be(ExitCodes.ChecksFailed);
        run.Out.Should().Contain("received (not accepted): tests/OrdersTests.Main_vs_feature.received.md")
            .And.Contain("received (not accepted): tests/OrdersTests.Totals.received.md")
            .And.Contain("verified (no test uses it): tests/OrdersTests.Deleted.verified.md")
            .And.Contain("2 received, 1 unused verified");
    }

    [Fact]
    public async Task Accept_one_file_then_all_then_check_is_clean()
    {
        using var t = Repo();

        var one = await CliRunner.RunAsync("accept", t.Combine("tests", "OrdersTests.Main_vs_feature.received.md"));
        one.ExitCode.Should().Be(0, one.Error);
        File.ReadAllText(t.Combine("tests", "OrdersTests.Main_vs_feature.verified.md")).Should().Be("new\n");
        File.Exists(t.Combine("tests", "OrdersTests.Totals.received.md")).Should().BeTrue();

        var all = await CliRunner.RunAsync("accept", "--all", "--root", t.Root);
        all.ExitCode.Should().Be(0, all.Error);
        all.Out.Should().Contain("1 snapshot(s) accepted");
        File.Delete(t.Combine("tests", "OrdersTests.Deleted.verified.md"));

        var check = await CliRunner.RunAsync("snapshots", "check", "--root", t.Root);
        check.ExitCode.Should().Be(0, check.Out);
        check.Out.Should().Contain("0 received, 0 unused verified");
    }

    [Fact]
    public async Task Accept_without_paths_or_with_a_bad_path_exits_2()
    {
        using var t = Repo();

        (await CliRunner.RunAsync("accept")).ExitCode.Should().Be(ExitCodes.UsageOrInputError);
        var bad = await CliRunner.RunAsync("accept", t.Combine("tests", "OrdersTests.cs"));
        bad.ExitCode.Should().Be(ExitCodes.UsageOrInputError);
        bad.Error.Should().Contain("DQ6101");
        var noRoot = await CliRunner.RunAsync("snapshots", "check", "--root", t.Combine("nowhere"));
        noRoot.ExitCode.Should().Be(ExitCodes.UsageOrInputError);
        noRoot.Error.Should().Contain("DQ6100");
    }
}
