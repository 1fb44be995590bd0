using System.Text.Json.Nodes;

namespace DataQuality.Cli.Tests;

/// <summary><c>--html FILE</c> on validate, profile and compare writes the report page beside the usual output.</summary>
public sealed class HtmlFlagTests
{
    [Fact]
    public async Task Validate_writes_the_page_and_keeps_json_on_stdout_clean()
    {
        using var t = CompareTrees.Orders();
        var suite = t.Combine("suite.yaml");
        File.WriteAllText(suite, "suite: orders\nexpectations:\n  - expect_column_values_to_be_between: { column: amount, min_value: 0, max_value: 40 }\n");

        var run = await CliRunner.RunAsync("validate", "--suite", suite, "--data", Path.Combine(t.Head, "silver", "orders"), "--format", "json", "--html", t.Combine("v.html"));

        run.ExitCode.Should().Be(1);
        JsonNode.Parse(run.Out)!["results"]!.AsArray().Should().HaveCount(1, "stdout is still the JSON result alone");
        run.Error.Should().Contain($"HTML report: {t.Combine("v.html")}");
        File.ReadAllText(t.Combine("v.html")).Should().Contain("amount · expect_column_values_to_be_between").And.Contain("FAILED");
    }

    [Fact]
    public async Task Profile_and_compare_write_the_page()
    {
        using var t = CompareTrees.Orders();

        var profile = await CliRunner.RunAsync("profile", Path.Combine(t.Head, "silver", "orders"), "--format", "json", "--html", t.Combine("p.html"));
        var compare = await CliRunner.RunAsync("compare", "--base", t.Base, "--head", t.Head, "--key", "orders=id", "--output", t.Combine("c.md"), "--html", t.Combine("c.html"));

        profile.ExitCode.Should().Be(0, profile.Error);
        File.ReadAllText(t.Combine("p.html")).Should().Contain("id=\"profile\"").And.Contain("<svg class=\"chart\"").And.Contain(">amount<");
        compare.ExitCode.Should().Be(0, compare.Error);
        File.ReadAllText(t.Combine("c.html")).Should().Contain("id=\"comparison\"").And.Contain("1 added, 1 removed, 1 changed");
    }

    [Fact]
    public async Task An_unwritable_html_path_is_an_input_error()
    {
        using var t = CompareTrees.Orders();
        File.WriteAllText(t.Combine("file"), "");
        var run = await CliRunner.RunAsync("compare", "--base", t.Base, "--head", t.Head, "--output", t.Combine("c.md"), "--html", t.Combine("file", "c.html"));
        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("DQ8504").And.Contain("c.html");
    }
}
