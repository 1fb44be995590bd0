using System.Text.Json;
using DataQuality.Core;

namespace DataQuality.Cli.Tests;

public sealed class CompareCommandTests
{
    [Fact]
    public async Task Prints_a_markdown_report_and_passes_without_thresholds()
    {
        using var t = CompareTrees.Orders();

        var run = await CliRunner.RunAsync("compare", "--base", t.Base, "--head", t.Head, "--key", "orders=id");

        run.ExitCode.Should().Be(ExitCodes.Passed, run.Error);
        run.Out.Should().StartWith("# Comparison: base vs head")
            .And.Contain("| silver/orders | both | 20 | 20 | 0 | 0.00% | 1 | 1 | 1 | 18 | 0 |")
            .And.Contain("| `3` | amount | `7.5` | `99.0` |")
            .And.Contain($"- base: `{t.Base}`", "standard output shows the real paths");
    }

    [Fact]
    public async Task Threads_bounds_the_scan_and_changes_nothing_in_the_report()
    {
        // --threads, as validate and profile have it: DuckDB's threads and the drift's profiler pass.
        using var t = CompareTrees.Orders();

        var all = await CliRunner.RunAsync("compare", "--base", t.Base, "--head", t.Head, "--key", "orders=id", "--format", "json", "--quiet");
        var one = await CliRunner.RunAsync("compare", "--base", t.Base, "--head", t.Head, "--key", "orders=id", "--format", "json", "--quiet", "--threads", "1");

        one.ExitCode.Should().Be(ExitCodes.Passed, one.Error);
        one.Out.Should().Contain("\"psi\"", "the drift ran").And.Be(all.Out);
    }

    [Fact]
    public async Task Breached_threshold_exits_1_and_names_the_breach()
    {
        using var t = CompareTrees.Orders();

        var run = await CliRunner.RunAsync("compare", "--base", t.Base, "--head", t.Head, "--key", "orders=id", "--max-changed-rows", "2");

        run.ExitCode.Should().Be(ExitCodes.ChecksFailed);
        run.Error.Should().Contain("silver/orders: threshold max-changed-rows breached: 3 (limit 2)");
        (await CliRunner.RunAsync("compare", "--base", t.Base, "--head", t.Head, "--key", "orders=id", "--max-changed-rows", "3")).ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task Json_report_goes_to_the_output_file_with_tolerance_and_exclusions_applied()
    {
        using var t = CompareTrees.Orders();
        var output = t.Combine("out", "report.json");

        var run = await CliRunner.RunAsync("compare", "--base", t.Base, "--head", t.Head, "--key", "silver/orders=id",
            "--abs-tol", "amount=100", "--format", "json", "--output", output, "--max-row-count-delta-pct", "0");

        run.ExitCode.Should().Be(ExitCodes.Passed, run.Error);
        run.Out.Should().Contain("verdict passed").And.Contain("report written to");
        using var doc = JsonDocument.Parse(File.ReadAllText(output));
        var rows = doc.RootElement.GetProperty("entities")[0].GetProperty("rows");
        rows.GetProperty("changed").GetProperty("rows").GetInt64().Should().Be(0);
        rows.GetProperty("identicalWithinTolerance").GetInt64().Should().Be(1);

        var excluded = await CliRunner.RunAsync("compare", "--base", t.Base, "--head", t.Head, "--key", "orders=id", "--exclude", "amount", "--format", "json");
        JsonDocument.Parse(excluded.Out).RootElement.GetProperty("entities")[0].GetProperty("rows").GetProperty("changed").GetProperty("rows").GetInt64().Should().Be(0);
    }

    [Fact]
    public async Task Schema_change_fails_only_when_asked_and_custom_layouts_work()
    {
        using var t = new CompareTrees()
            .Write("base", "silver/v1/orders/ds=2026-01-01/p.parquet", "SELECT 1 AS id")
            .Write("head", "silver/v1/orders/ds=2026-01-01/p.parquet", "SELECT 1 AS id, 'x' AS extra");
        var layout = "{layer}/v{schema}/{entity}/ds={ds}/*.parquet";

        (await CliRunner.RunAsync("compare", "--base", t.Base, "--head", t.Head, "--layout", layout)).ExitCode.Should().Be(0);
        var strict = await CliRunner.RunAsync("compare", "--base", t.Base, "--head", t.Head, "--layout", layout, "--fail-on-schema-change");
        strict.ExitCode.Should().Be(1);
        strict.Out.Should().Contain("| extra | column added | - | VARCHAR |");
    }

    [Theory]
    [InlineData("--key", "orders", "DQ6005")]
    [InlineData("--abs-tol", "amount=lots", "DQ6005")]
    [InlineData("--key", "orders=nope", "DQ6010")]
    [InlineData("--layout", "{layer}/*.parquet", "DQ6001")]
    [InlineData("--threads", "0", "DQ1040")]
    public async Task Bad_arguments_are_input_errors_with_exit_2(string option, string value, string code)
    {
        using var t = CompareTrees.Orders();

        var run = await CliRunner.RunAsync("compare", "--base", t.Base, "--head", t.Head, option, value);

        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError);
        run.Error.Should().Contain(code).And.NotContain("   at ");
    }

    [Fact]
    public async Task Missing_tree_and_missing_required_option_exit_2()
    {
        using var t = CompareTrees.Orders();

        var missing = await CliRunner.RunAsync("compare", "--base", t.Combine("nowhere"), "--head", t.Head);
        var noHead = await CliRunner.RunAsync("compare", "--base", t.Base);
        var badFormat = await CliRunner.RunAsync("compare", "--base", t.Base, "--head", t.Head, "--format", "html");

        missing.ExitCode.Should().Be(2);
        missing.Error.Should().Contain("DQ6002").And.Contain("nowhere");
        noHead.ExitCode.Should().Be(2);
        badFormat.ExitCode.Should().Be(2);
    }
}
