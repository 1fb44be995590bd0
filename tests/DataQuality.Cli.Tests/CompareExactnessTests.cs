using System.Text.Json;
using DataQuality.Cli.Tests.TestSupport;
using DataQuality.Core;

namespace DataQuality.Cli.Tests;

/// <summary>
/// dq compare gives the exact verdict on NaN, infinities and type changes, and prints what a
/// person needs: real paths and values (issue 12 items 1-4, issue 14's scrubbed standard output).
/// </summary>
public sealed class CompareExactnessTests
{
    private const string Part = "silver/orders/ds=2026-01-01/p.parquet";

    private static string Doubles(params (int Id, string Value)[] rows) =>
        "SELECT id::BIGINT AS id, v::DOUBLE AS v FROM (VALUES " + string.Join(", ", rows.Select(r => $"({r.Id}, '{r.Value}')")) + ") t(id, v)";

    /// <summary>Base and head: 1 NaN→4, 2 4→NaN, 3 -inf→inf, 4 inf→inf, 5 NaN→NaN, 6 1→1.005, 7 inf→5.</summary>
    private static CompareTrees NonFinite() => new CompareTrees()
        .Write("base", Part, Doubles((1, "NaN"), (2, "4"), (3, "-inf"), (4, "inf"), (5, "NaN"), (6, "1"), (7, "inf")))
        .Write("head", Part, Doubles((1, "4"), (2, "NaN"), (3, "inf"), (4, "inf"), (5, "NaN"), (6, "1.005"), (7, "5")));

    private static JsonElement Rows(CliRun run) => JsonDocument.Parse(run.Out).RootElement.GetProperty("entities")[0].GetProperty("rows");

    [Theory]
    [InlineData("v=0.01", 4, 1)]
    [InlineData("v=0", 5, 0)]
    public async Task A_non_finite_value_is_within_no_tolerance_of_anything_but_itself(string tolerance, long changed, long withinTolerance)
    {
        using var t = NonFinite();

        var run = await CliRunner.RunAsync("compare", "--base", t.Base, "--head", t.Head, "--key", "orders=id", "--abs-tol", tolerance, "--format", "json");

        run.ExitCode.Should().Be(ExitCodes.Passed, run.Error);
        var rows = Rows(run);
        rows.GetProperty("changed").GetProperty("rows").GetInt64().Should().Be(changed);
        rows.GetProperty("identicalWithinTolerance").GetInt64().Should().Be(withinTolerance);
        rows.GetProperty("identical").GetProperty("rows").GetInt64().Should().Be(7 - changed, "inf = inf and NaN = NaN (both NaN) are identical");
        var keys = rows.GetProperty("samples").GetProperty("changed").EnumerateArray().Select(s => s.GetProperty("key").GetString()).ToList();
        keys.Should().StartWith(["1", "2", "3"], "NaN vs 4 is a change in either direction, and -inf is not inf");
        keys.Should().Contain("7");
        // A NaN against a number has no finite difference: the max is NaN, written as the string.
        rows.GetProperty("columns")[0].GetProperty("maxAbsoluteDifference").GetString().Should().Be("NaN");
    }

    [Fact]
    public async Task Json_writes_an_infinite_difference_as_a_string_and_keeps_null_for_not_applicable()
    {
        using var t = new CompareTrees()
            .Write("base", Part, "SELECT 1::BIGINT AS id, 1.0::DOUBLE AS v, 'a' AS s")
            .Write("head", Part, "SELECT 1::BIGINT AS id, 'inf'::DOUBLE AS v, 'b' AS s");

        var run = await CliRunner.RunAsync("compare", "--base", t.Base, "--head", t.Head, "--key", "orders=id", "--format", "json");

        run.ExitCode.Should().Be(ExitCodes.Passed, run.Error);
        var columns = Rows(run).GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("column").GetString()!);
        columns["v"].GetProperty("maxAbsoluteDifference").GetString().Should().Be("Infinity");
        columns["s"].GetProperty("maxAbsoluteDifference").ValueKind.Should().Be(JsonValueKind.Null, "a string column has no difference");
        var markdown = await CliRunner.RunAsync("compare", "--base", t.Base, "--head", t.Head, "--key", "orders=id");
        markdown.Out.Should().Contain("| v | 1 | 0 | 0 | Infinity | exact | 0 |");
    }

    [Fact]
    public async Task A_type_change_compares_values_in_a_common_type_and_reports_both_changes()
    {
        // amount DOUBLE -> BIGINT rounds 1.1 and 2.2; loaded TIMESTAMP -> VARCHAR drops the time on
        // row 2; label VARCHAR -> TIMESTAMP reformats row 1 and loses 'n/a' on row 2. Row 3 is unchanged.
        using var t = new CompareTrees()
            .Write("base", Part, """
                SELECT * FROM (VALUES
                    (1::BIGINT, 1.1::DOUBLE, TIMESTAMP '2017-01-01 00:00:00', '2017-01-01'),
                    (2, 2.2, TIMESTAMP '2017-01-01 00:00:00', 'n/a'),
                    (3, 3.0, TIMESTAMP '2017-01-02 10:00:00', '2017-01-03 00:00:00')) t(id, amount, loaded, label)
                """)
            .Write("head", Part, """
                SELECT * FROM (VALUES
                    (1::BIGINT, 1::BIGINT, '2017-01-01 00:00:00', TIMESTAMP '2017-01-01 00:00:00'),
                    (2, 2, '2017-01-01', NULL),
                    (3, 3, '2017-01-02 10:00:00', TIMESTAMP '2017-01-03 00:00:00')) t(id, amount, loaded, label)
                """);

        var run = await CliRunner.RunAsync("compare", "--base", t.Base, "--head", t.Head, "--key", "orders=id", "--format", "json");

        run.ExitCode.Should().Be(ExitCodes.Passed, run.Error);
        var entity = JsonDocument.Parse(run.Out).RootElement.GetProperty("entities")[0];
        entity.GetProperty("schemaChanges").EnumerateArray().Select(c => $"{c.GetProperty("column").GetString()} {c.GetProperty("kind").GetString()} {c.GetProperty("before").GetString()} -> {c.GetProperty("after").GetString()}")
            .Should().BeEquivalentTo("amount TypeChanged DOUBLE -> BIGINT", "loaded TypeChanged TIMESTAMP -> VARCHAR", "label TypeChanged VARCHAR -> TIMESTAMP");
        var rows = entity.GetProperty("rows");
        rows.GetProperty("changed").GetProperty("rows").GetInt64().Should().Be(2);
        rows.GetProperty("identical").GetProperty("rows").GetInt64().Should().Be(1);
        var unequal = rows.GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("column").GetString()!, c => c.GetProperty("unequal").GetInt64());
        unequal.Should().BeEquivalentTo(new Dictionary<string, long> { ["amount"] = 2, ["label"] = 2, ["loaded"] = 1, ["ds"] = 0 });
        var first = rows.GetProperty("samples").GetProperty("changed")[0];
        first.GetProperty("key").GetString().Should().Be("1");
        var amount = first.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("column").GetString() == "amount");
        (amount.GetProperty("base").GetString(), amount.GetProperty("head").GetString()).Should().Be(("1.1", "1"), "each side shows its own value");
    }

    [Fact]
    public async Task Standard_output_shows_real_paths_and_values_and_never_rewrites_names()
    {
        using var t = new CompareTrees();
        const string rows = "SELECT 1::BIGINT AS id, 'example.org' AS domain, 'bh' AS schemaVersion, TIMESTAMP '{0}' AS loaded_at";
        foreach (var (b, h) in new[] { ("main", "feature"), ("b", "h") })
        {
            t.Write(b, Part, string.Format(System.Globalization.CultureInfo.InvariantCulture, rows, "2026-01-01 10:00:00"));
            t.Write(h, Part, string.Format(System.Globalization.CultureInfo.InvariantCulture, rows, "2026-01-02 11:30:00"));
        }

        foreach (var (b, h) in new[] { ("main", "feature"), ("b", "h") })
        {
            var run = await DqProcess.RunAsync(t.Root, "compare", "--base", b, "--head", h, "--key", "orders=id", "--no-profile");

            run.ExitCode.Should().Be(ExitCodes.Passed, run.Error);
            run.Out.Should().Contain($"- base: `{b}`\n- head: `{h}`\n")
                .And.Contain("| domain |").And.Contain("| schemaVersion |")
                .And.Contain("| `1` | loaded_at | `2026-01-01 10:00:00` | `2026-01-02 11:30:00` |")
                .And.NotContain("{base}").And.NotContain("{head}").And.NotContain("{timestamp}");
            var json = await DqProcess.RunAsync(t.Root, "compare", "--base", b, "--head", h, "--key", "orders=id", "--no-profile", "--format", "json");
            using var doc = JsonDocument.Parse(json.Out);
            (doc.RootElement.GetProperty("base").GetString(), doc.RootElement.GetProperty("head").GetString()).Should().Be((b, h));
            json.Out.Should().Contain("\"schemaVersion\"").And.Contain("\"domain\"").And.NotContain("{base}").And.NotContain("{head}");
        }

        var absolute = await CliRunner.RunAsync("compare", "--base", t.Combine("main"), "--head", t.Combine("feature"), "--key", "orders=id");
        absolute.Out.Should().Contain($"- base: `{t.Combine("main")}`").And.NotContain("{temp}");
    }
}
