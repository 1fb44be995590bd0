namespace DataQuality.Cli.Tests;

/// <summary><c>dq report</c>: the JSON that validate, profile and compare write, turned into one HTML page.</summary>
public sealed class ReportCommandTests
{
    [Fact]
    public async Task Validation_profile_and_comparison_json_become_one_self_contained_page()
    {
        using var t = CompareTrees.Orders();
        var suite = t.Combine("suite.yaml");
        File.WriteAllText(suite, """
            suite: orders
            primary_key: [id]
            expectations:
              - expect_column_values_to_be_between: { column: amount, min_value: 0, max_value: 40 }
              - expect_column_values_to_be_unique: { column: id }
            """);
        var data = Path.Combine(t.Head, "silver", "orders");
        (await CliRunner.RunAsync("validate", "--suite", suite, "--data", data, "--format", "json", "--output", t.Combine("v.json"))).ExitCode.Should().Be(1);
        (await CliRunner.RunAsync("profile", data, "--format", "json", "--out", t.Combine("p.json"))).ExitCode.Should().Be(0);
        (await CliRunner.RunAsync("compare", "--base", t.Base, "--head", t.Head, "--key", "orders=id", "--format", "json", "--output", t.Combine("c.json"))).ExitCode.Should().Be(0);

        var run = await CliRunner.RunAsync("report", "--validation", t.Combine("v.json"), "--profile", t.Combine("p.json"), "--compare", t.Combine("c.json"), "--output", t.Combine("out", "report.html"),
            "--markdown", t.Combine("out", "comment.md"), "--link", "https://ci.example/42/report.html");

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Contain(t.Combine("out", "report.html"));
        var html = File.ReadAllText(t.Combine("out", "report.html"));
        html.Should().StartWith("<!DOCTYPE html>").And.Contain("FAILED")
            .And.Contain("amount · expect_column_values_to_be_between").And.Contain("declared at").And.Contain("suite.yaml(4")
            .And.Contain("id=\"profile\"").And.Contain("<svg class=\"chart overlay\"")
            .And.Contain("silver/orders").And.Contain("Rows per partition");
        File.ReadAllText(t.Combine("out", "comment.md")).Should().StartWith("## ❌ Data quality report: failed")
            .And.Contain("](https://ci.example/42/report.html#check-").And.Contain("<details>");
        html.Should().NotContain("http://").And.NotContain("https://").And.NotContain(" src=");
    }

    [Fact]
    public async Task A_missing_result_file_is_an_input_error_naming_the_file()
    {
        using var t = CompareTrees.Orders();
        var run = await CliRunner.RunAsync("report", "--validation", t.Combine("nope.json"), "--output", t.Combine("r.html"));
        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("DQ8501").And.Contain("nope.json").And.NotContain("   at ");
        File.Exists(t.Combine("r.html")).Should().BeFalse();
    }

    [Fact]
    public async Task A_file_of_the_wrong_kind_or_not_json_is_an_input_error()
    {
        using var t = CompareTrees.Orders();
        File.WriteAllText(t.Combine("p.json"), """{"formatVersion": 1, "rowCount": 3, "columns": []}""");
        File.WriteAllText(t.Combine("bad.json"), "{ not json");
        var wrongKind = await CliRunner.RunAsync("report", "--compare", t.Combine("p.json"), "--output", t.Combine("r.html"));
        wrongKind.ExitCode.Should().Be(2);
        wrongKind.Error.Should().Contain("DQ8502").And.Contain("p.json").And.Contain("dq compare --format json");
        var notJson = await CliRunner.RunAsync("report", "--validation", t.Combine("bad.json"), "--output", t.Combine("r.html"));
        notJson.ExitCode.Should().Be(2);
        notJson.Error.Should().Contain("DQ8502").And.Contain("bad.json(1)");
    }

    [Fact]
    public async Task No_inputs_is_a_usage_error()
    {
        using var t = CompareTrees.Orders();
        var run = await CliRunner.RunAsync("report", "--output", t.Combine("r.html"));
        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("DQ8503");
    }
}
