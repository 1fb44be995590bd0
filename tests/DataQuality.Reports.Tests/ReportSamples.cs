using System.Text.Json.Nodes;
using DataQuality.Core.Checks;
using DataQuality.Core.Comparison;
using DataQuality.Core.Datasets;
using DataQuality.Core.Expectations.Readers;
using DataQuality.Core.Profiling;
using DataQuality.Core.Tests.TestSupport;
using DataQuality.Reports.Model;

namespace DataQuality.Reports.Tests;

/// <summary>
/// Real inputs for the report: Parquet trees written by DuckDB (main and a feature branch with
/// deliberate defects), validated by the engine, profiled by the profiler and compared by the
/// tree comparer. <paramref name="name"/> decides every user-visible name, so the same pipeline runs with hostile names.
/// </summary>
internal static class ReportSamples
{
    public sealed record Names(string Column, string Value, string Entity, string Suite, string Check);

    public static readonly Names Plain = new("status", "paid", "orders", "silver.orders", "status is known");

    /// <summary>Strings that break pages which do not escape: markup, attribute breakers, SVG terminators, RTL overrides, emoji, a 5,000-character run.</summary>
    public static readonly string[] HostileStrings =
    [
        "<script>window.__pwned=1</script>",
        "\"><img src=x onerror=\"window.__pwned=1\">",
        "</svg><script>window.__pwned=1</script><svg>",
        "' onmouseover='window.__pwned=1' x='",
        "مرحبا \u202Egnp.exe \u05E9\u05DC\u05D5\u05DD",
        "📦🚚✅ 👩‍👩‍👧 ${window.__pwned=1}",
        new string('W', 5000),
    ];

    public static readonly Names Hostile = new(
        "</svg><script>window.__pwned=1</script>\"'",
        "\"><img src=x onerror=\"window.__pwned=1\">",
        "ord<script>window.__pwned=1<\u202Eers 📦",
        "<script>window.__pwned=1</script>" + new string('S', 3000),
        "' onmouseover='window.__pwned=1' x=' مرحبا 👩‍👩‍👧");

    public static async Task<ReportModel> BuildAsync(TempDirectory dir, Names names, CancellationToken ct)
    {
        var inputs = new ReportInputs();
        var main = dir.Combine("main");
        var feature = dir.Combine("feature");
        using (var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 }))
        {
            var col = SqlText.Identifier(names.Column);
            string Orders(string range, bool defects) => $"""
                SELECT i::BIGINT AS order_id,
                       'c' || (i % 40) AS customer,
                       round({(defects ? "150 + (i % 97) * 3.1" : "100 + (i % 97) * 2.5")}, 2)::DOUBLE AS amount,
                       CASE WHEN {(defects ? "i % 50 = 0" : "false")} THEN NULL WHEN i % 7 = 0 THEN {SqlText.Literal(names.Value)} ELSE 'paid' END AS {col},
                       (DATE '2026-02-01' + (i % 28)::INTEGER) AS order_date
                FROM {range} t(i)
                """;
            void Write(string root, string relative, string select)
            {
                var path = Path.Combine(root, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                db.Execute($"COPY ({select}) TO {SqlText.Literal(path)} (FORMAT parquet)");
            }
            var entity = Path.Combine("silver", names.Entity);
            Write(main, Path.Combine(entity, "ds=2026-02-10", "part-0.parquet"), Orders("range(1, 1001)", false));
            Write(main, Path.Combine(entity, "ds=2026-02-11", "part-0.parquet"), Orders("range(1001, 2001)", false));
            Write(feature, Path.Combine(entity, "ds=2026-02-10", "part-0.parquet"), Orders("range(1, 1001)", false));
            Write(feature, Path.Combine(entity, "ds=2026-02-11", "part-0.parquet"), Orders("range(1011, 2101)", true));
            Write(main, Path.Combine("silver", "customers", "ds=2026-02-11", "part-0.parquet"), "SELECT 'c' || i AS customer_id, 'name ' || i AS name FROM range(0, 40) t(i)");
            Write(feature, Path.Combine("silver", "customers", "ds=2026-02-11", "part-0.parquet"), "SELECT 'c' || i AS customer_id, 'name ' || i AS name, i % 2 = 0 AS active FROM range(0, 40) t(i)");
        }

        // A GX JSON suite (JSON escapes any name), read by the engine's reader so checks carry their file and line.
        var suitePath = dir.Combine("suite.json");
        var expectations = new JsonArray(
            Expectation("expect_column_values_to_not_be_null", new JsonObject { ["column"] = names.Column }, names.Check),
            Expectation("expect_column_values_to_be_in_set", new JsonObject { ["column"] = names.Column, ["value_set"] = new JsonArray("paid", names.Value) }),
            Expectation("expect_column_values_to_be_between", new JsonObject { ["column"] = "amount", ["min_value"] = 0, ["max_value"] = 400 }),
            Expectation("expect_column_values_to_be_unique", new JsonObject { ["column"] = "order_id" }),
            Expectation("expect_column_mean_to_be_between", new JsonObject { ["column"] = "amount", ["min_value"] = 100, ["max_value"] = 250 }, severity: "warn"),
            Expectation("expect_column_values_to_be_between", new JsonObject { ["column"] = "amount", ["min_value"] = 0, ["max_value"] = 300 }, severity: "warn"),
            Expectation("expect_table_row_count_to_be_between", new JsonObject { ["min_value"] = 1000, ["max_value"] = 5000 }),
            Expectation("expect_column_to_exist", new JsonObject { ["column"] = "no_such_column" }));
        var suiteJson = new JsonObject { ["name"] = names.Suite, ["meta"] = new JsonObject { ["primary_key"] = new JsonArray("order_id") }, ["expectations"] = expectations };
        File.WriteAllText(suitePath, suiteJson.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        var suite = SuiteReader.ReadFile(suitePath);
        var data = Path.Combine(feature, "silver", names.Entity);
        var report = await new DatasetValidator(DatasetResolver.LocalOnly, new DuckDbOptions { Threads = 1 }).ValidateAsync(
            suite, DatasetRef.Parse(data), ResultFormat.Default with { UnexpectedIndexColumnNames = ["order_id"] }, ct);
        inputs.Validations.Add((suitePath, report));

        var files = Directory.GetFiles(data, "*.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        inputs.Profiles.Add((names.Entity, await ParquetProfiler.ProfileAsync(files, cancellationToken: ct)));

        var comparison = await new TreeComparer(duckDb: new DuckDbOptions { Threads = 1 }).CompareAsync(main, feature, new ComparisonOptions
        {
            Keys = new Dictionary<string, IReadOnlyList<string>> { [names.Entity] = ["order_id"], ["customers"] = ["customer_id"] },
            Thresholds = new ComparisonThresholds { MaxChangedRows = 100, MaxDriftPsi = 0.2 },
        }, ct);
        inputs.Comparisons.Add(("compare.json", comparison));
        return ReportBuilder.Build(inputs, names == Plain ? "Data quality report" : names.Suite);
    }

    private static JsonObject Expectation(string type, JsonObject kwargs, string? displayName = null, string severity = "error")
    {
        var e = new JsonObject { ["expectation_type"] = type, ["kwargs"] = kwargs, ["severity"] = severity };
        if (displayName is not null) e["meta"] = new JsonObject { ["display_name"] = displayName };
        return e;
    }
}
