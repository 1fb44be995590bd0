using DataQuality.Cli.Tests.TestSupport;
using DataQuality.Core;

namespace DataQuality.Cli.Tests;

public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_builds_both_branches_and_catches_the_feature_defects()
    {
        using var dir = new TempDirectory();

        var run = await CliRunner.RunAsync("demo", "--output", dir.Path);

        run.ExitCode.Should().Be(ExitCodes.Passed, run.Out + run.Error);
        File.Exists(dir.Combine("main", "silver", "orders", "ds=2026-02-11", "part-0.parquet")).Should().BeTrue();
        File.Exists(dir.Combine("feature", "silver", "orders", "manifest.json")).Should().BeTrue();
        var report = File.ReadAllText(dir.Combine("report.md"));
        report.Should().Contain("#### Suite on feature").And.Contain("| FAIL | status · expect_column_values_to_be_in_set |");
        report.Should().Contain("#### Drift main → feature").And.Contain("#### Comparison");
        report.Should().Contain("#### Contract orders on feature").And.Contain("| FAIL | orders · status · enum |");
        File.Exists(dir.Combine("profiles", "orders.main.json")).Should().BeTrue();
        // The one page a newcomer opens: every section, charts included, nothing from the network.
        run.Out.Should().Contain($"HTML report: {dir.Combine("report.html")}");
        var html = File.ReadAllText(dir.Combine("report.html"));
        html.Should().Contain("dq demo: main vs feature").And.Contain("id=\"validation\"").And.Contain("id=\"profile\"").And.Contain("id=\"comparison\"")
            .And.Contain("status · expect_column_values_to_be_in_set").And.Contain("orders · status · enum")
            .And.Contain("<svg class=\"chart overlay\"").And.Contain("Rows per partition").And.Contain("Changed rows per column");
        html.Should().NotContain("https://").And.NotContain("http://");
        File.Exists(dir.Combine("snapshots", "Pipeline.MainVsFeature.verified.md")).Should().BeTrue();
        File.Exists(dir.Combine("snapshots", "Pipeline.MainVsFeature.received.md")).Should().BeFalse("accepting turns the received file into the verified one");
    }

    [Fact]
    public async Task Demo_outputs_are_byte_identical_run_to_run()
    {
        using var a = new TempDirectory();
        using var b = new TempDirectory();

        (await CliRunner.RunAsync("demo", "--output", a.Path)).ExitCode.Should().Be(ExitCodes.Passed);
        (await CliRunner.RunAsync("demo", "--output", b.Path)).ExitCode.Should().Be(ExitCodes.Passed);

        var file = Path.Combine("main", "silver", "order_items", "ds=2026-02-11", "part-0.parquet");
        File.ReadAllBytes(a.Combine(file)).Should().Equal(File.ReadAllBytes(b.Combine(file)));
    }
}
