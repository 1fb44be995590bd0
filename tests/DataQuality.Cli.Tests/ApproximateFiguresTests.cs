using DataQuality.Cli.Tests.TestSupport;
using DataQuality.Core;
using DataQuality.Core.Datasets;
using DataQuality.Core.Profiling;

namespace DataQuality.Cli.Tests;

/// <summary>
/// Issue 14: profile output marks sketch estimates as approximate, and drift on a handful of rows says
/// "too few rows" in compare and in the drift check instead of a meaningless PSI.
/// </summary>
public sealed class ApproximateFiguresTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Write(string name, string select)
    {
        var path = _dir.Combine(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });
        db.Execute($"COPY ({select}) TO {SqlText.Literal(path)} (FORMAT parquet)");
        return path;
    }

    // 20,000 rows: a unique key, a column where half the rows are 'hot' and the rest distinct, and a 3-value status.
    private string Wide() => Write("wide.parquet", """
        SELECT i::BIGINT AS uid,
               CASE WHEN i % 2 = 0 THEN 'hot' ELSE 'v' || i::VARCHAR END AS skewed,
               ['new','paid','shipped'][1 + (i % 3)::INT] AS status
        FROM range(20000) t(i)
        """);

    [Fact]
    public async Task Table_marks_sketch_counts_approximate_and_calls_a_unique_key_unique()
    {
        var run = await CliRunner.RunAsync("profile", Wide());

        run.ExitCode.Should().Be(ExitCodes.Passed, run.Error);
        run.Out.Should().MatchRegex(@"\| uid\s+\|[^\n]*\| unique \(~[\d,]+ distinct\)\s+\|");
        run.Out.Should().MatchRegex(@"\| skewed\s+\|[^\n]*\| hot \(~[\d,]+\)\s+\|", "the one frequent value, its count an estimate");
        run.Out.Should().Contain("new (6,667)", "exact counts stay bare").And.NotContain("new (~");
    }

    [Fact]
    public async Task Markdown_and_json_say_whether_top_value_counts_are_exact()
    {
        var data = Wide();
        var markdown = await CliRunner.RunAsync("profile", data, "--format", "markdown");
        var json = await CliRunner.RunAsync("profile", data, "--format", "json");

        markdown.ExitCode.Should().Be(ExitCodes.Passed, markdown.Error);
        markdown.Out.Should().MatchRegex(@"\| uid \|[^\n]*\| unique \(~[\d,]+ distinct\) \|");
        json.ExitCode.Should().Be(ExitCodes.Passed, json.Error);
        using var doc = System.Text.Json.JsonDocument.Parse(json.Out);
        bool Exact(string column) => doc.RootElement.GetProperty("columns").EnumerateArray()
            .Single(c => c.GetProperty("path").GetString() == column).GetProperty("topValuesExact").GetBoolean();
        Exact("status").Should().BeTrue();
        Exact("uid").Should().BeFalse();
        Exact("skewed").Should().BeFalse();
        ProfileJson.Deserialize(json.Out).Column("status")!.TopValuesExact.Should().BeTrue("the flag is derived, so it reads back");
    }

    [Fact]
    public async Task Compare_of_five_row_tables_says_too_few_rows_instead_of_a_psi()
    {
        Write("base/silver/t/ds=2026-01-01/p.parquet", "SELECT i::BIGINT AS id, (i * 1.5)::DOUBLE AS v, ['a','b'][1 + (i % 2)::INT] AS s FROM range(5) t(i)");
        Write("head/silver/t/ds=2026-01-01/p.parquet", "SELECT i::BIGINT AS id, (i * 100.0)::DOUBLE AS v, 'c' AS s FROM range(5) t(i)");

        var run = await CliRunner.RunAsync("compare", "--base", _dir.Combine("base"), "--head", _dir.Combine("head"), "--key", "t=id", "--max-drift-psi", "0.2");
        var json = await CliRunner.RunAsync("compare", "--base", _dir.Combine("base"), "--head", _dir.Combine("head"), "--key", "t=id", "--format", "json");

        run.ExitCode.Should().Be(ExitCodes.Passed, "the values differ, but PSI on 5 rows is noise, not a breach: " + run.Error);
        run.Out.Should().Contain("### Drift").And.MatchRegex(@"\| v \| numeric \| too few rows \(n=5;[^|]*\| \|");
        run.Out.Should().MatchRegex(@"\| s \| string \| too few rows \(n=5;");
        run.Error.Should().NotContain("max-drift-psi");
        json.Out.Should().MatchRegex(@"""notEvaluable"":\s*""too few rows \(n=5;");
    }

    [Fact]
    public async Task Drift_check_on_five_rows_warns_not_evaluable_instead_of_failing()
    {
        var reference = Write("ref.parquet", "SELECT (i * 1.5)::DOUBLE AS v FROM range(1000) t(i)");
        var current = Write("cur.parquet", "SELECT (i * 1.5)::DOUBLE AS v FROM range(5) t(i)");
        var profile = await CliRunner.RunAsync("profile", reference, "--format", "json", "--output", _dir.Combine("ref.json"));
        profile.ExitCode.Should().Be(ExitCodes.Passed, profile.Error);
        var suite = _dir.Write("drift.yaml", """
            suite: drift
            expectations:
              - type: dq_column_distribution_drift
                column: v
                reference_profile: ref.json
                threshold: 0.2
            """);

        var text = await CliRunner.RunAsync("validate", "--suite", suite, "--data", current);
        var json = await CliRunner.RunAsync("validate", "--suite", suite, "--data", current, "--format", "json");

        text.ExitCode.Should().Be(ExitCodes.Passed, text.Out + text.Error);
        text.Out.Should().Contain("WARN").And.Contain("not evaluable: too few rows (n=5;");
        json.Out.Should().MatchRegex(@"""not_evaluable"":\s*""too few rows \(n=5;");
        (await CliRunner.RunAsync("validate", "--suite", suite, "--data", current, "--fail-on", "warn")).ExitCode.Should().Be(ExitCodes.ChecksFailed);
    }
}
