using System.Globalization;
using System.Text.Json.Nodes;
using DataQuality.Core.Checks;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Datasets;
using DataQuality.Core.Expectations;

namespace DataQuality.Benchmarks;

/// <summary>
/// The column map, pair and multicolumn expectations (regex, LIKE, lengths, strftime, dateutil,
/// JSON, JSON Schema, increasing, z-scores, pairs, compound uniqueness, sums) over one Parquet
/// file: the single-scan plan against one scan per expectation, plus each expectation alone so the
/// expensive ones show.
/// </summary>
public sealed class MapFamilyBenchmark : IBenchmark
{
    public string Name => "map";

    public string Description => "map-family suite (26 expectations): one scan vs one scan per expectation, and per-expectation cost";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var rows = context.Rows(10_000_000);
        var file = Path.Combine(context.WorkDirectory, $"map-{rows.ToString(CultureInfo.InvariantCulture)}.parquet");
        using var db = DuckDbSession.Open(DuckDbOptions.FromEnvironment());
        if (!File.Exists(file))
        {
            var start = DateTime.UtcNow;
            db.Execute($$"""
                COPY (SELECT i AS id,
                             chr(97 + (i % 26)::INTEGER) || (i % 1000)::VARCHAR AS s,
                             '{"k":' || (i % 100)::VARCHAR || ',"t":["a","b"]}' AS j,
                             strftime(DATE '2020-01-01' + (i % 3000)::INTEGER, '%Y-%m-%d') AS d,
                             (i % 997) * 1.5 AS x,
                             (i % 997) AS y,
                             i * 2 AS z
                      FROM range({{rows.ToString(CultureInfo.InvariantCulture)}}) r(i))
                TO {{SqlText.Literal(file)}} (FORMAT parquet)
                """);
            context.Report($"generate {rows:N0} rows", DateTime.UtcNow - start);
        }

        var suite = Suite();
        var source = new DataSource("map", $"read_parquet({SqlText.Literal(file)})");
        var runner = new SuiteRunner(db);
        ValidationReport? report = null;
        var single = await context.MeasureAsync($"single scan, {suite.Count} expectations", () =>
        {
            report = runner.Run(new ExpectationSuite("map", suite), source);
            return Task.CompletedTask;
        });
        foreach (var failed in report!.Results.Where(r => r.Status == CheckStatus.Failed))
            context.Line($"  failed (samples fetched): {failed.Expectation.Type}");
        await context.MeasureAsync("single scan, BOOLEAN_ONLY (no samples)", () =>
        {
            runner.Run(new ExpectationSuite("map", suite), source, new ResultFormat { Level = ResultFormatLevel.BooleanOnly });
            return Task.CompletedTask;
        });
        // Order-dependent checks need a source-order row number (row_number() OVER ()), which DuckDB
        // computes in one thread; everything evaluated above it in the plan then loses parallelism.
        var unordered = suite.Where(c => !c.Type.EndsWith("creasing", StringComparison.Ordinal)).ToList();
        await context.MeasureAsync($"single scan without increasing/decreasing ({unordered.Count})", () =>
        {
            runner.Run(new ExpectationSuite("map", unordered), source, new ResultFormat { Level = ResultFormatLevel.BooleanOnly });
            return Task.CompletedTask;
        });
        // And without any window column (order, z-scores, compound uniqueness): predicates only.
        string[] windowed = ["creasing", "z_scores", "compound_columns"];
        var plain = suite.Where(c => !windowed.Any(w => c.Type.Contains(w, StringComparison.Ordinal))).ToList();
        var plainSingle = await context.MeasureAsync($"single scan without window-based checks ({plain.Count})", () =>
        {
            runner.Run(new ExpectationSuite("map", plain), source, new ResultFormat { Level = ResultFormatLevel.BooleanOnly });
            return Task.CompletedTask;
        });
        var plainAlone = TimeSpan.Zero;
        foreach (var config in plain)
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            runner.Run(new ExpectationSuite("one", [config]), source, new ResultFormat { Level = ResultFormatLevel.BooleanOnly });
            plainAlone += sw.Elapsed;
        }
        context.Report($"  the same {plain.Count}, one scan each (sum, BOOLEAN_ONLY)", plainAlone,
            string.Create(CultureInfo.InvariantCulture, $"single scan: {plainAlone / plainSingle:F2}x the speed"));
        var errors = report!.Results.Where(r => r.Status == CheckStatus.Error).Select(r => $"{r.Expectation.Type}: {r.Exception!.Message}").ToList();
        foreach (var e in errors) context.Line("  ERROR " + e);
        context.Line($"  scans: {runner.LastScanCount}, passed {report.Results.Count(r => r.Success)}/{report.Results.Count}, peak working set {BenchContext.PeakWorkingSetMiB():F0} MiB");

        var perExpectation = TimeSpan.Zero;
        foreach (var config in suite)
        {
            var alone = await context.MeasureAsync($"  alone: {config.Type.Replace("expect_", "", StringComparison.Ordinal)}", () =>
            {
                runner.Run(new ExpectationSuite("one", [config]), source);
                return Task.CompletedTask;
            }, repeats: 1);
            perExpectation += alone;
        }
        context.Report("one scan per expectation (sum)", perExpectation,
            string.Create(CultureInfo.InvariantCulture, $"single scan: {perExpectation / single:F2}x the speed; {rows / single.TotalSeconds / 1e6:F2} M rows/s"));
    }

    private static List<ExpectationConfig> Suite() =>
    [
        E("expect_column_values_to_not_be_in_set", new { column = "s", value_set = new[] { "zz1", "zz2" } }),
        E("expect_column_values_to_match_regex", new { column = "s", regex = @"^[a-z]\d+$" }),
        E("expect_column_values_to_not_match_regex", new { column = "s", regex = "zz" }),
        E("expect_column_values_to_match_regex_list", new { column = "s", regex_list = new[] { "^a", "^b", "\\d" } }),
        E("expect_column_values_to_not_match_regex_list", new { column = "s", regex_list = new[] { "x{3}", "y{3}" } }),
        E("expect_column_values_to_match_like_pattern", new { column = "s", like_pattern = "_%" }),
        E("expect_column_values_to_not_match_like_pattern", new { column = "s", like_pattern = "zz%" }),
        E("expect_column_values_to_match_like_pattern_list", new { column = "s", like_pattern_list = new[] { "a%", "b%", "%1" } }),
        E("expect_column_values_to_not_match_like_pattern_list", new { column = "s", like_pattern_list = new[] { "%zz%" } }),
        E("expect_column_value_lengths_to_be_between", new { column = "s", min_value = 2, max_value = 4 }),
        E("expect_column_value_lengths_to_equal", new { column = "d", value = 10 }),
        E("expect_column_values_to_be_of_type", new { column = "y", type_ = "int64" }),
        E("expect_column_values_to_be_in_type_list", new { column = "x", type_list = new[] { "DOUBLE_PRECISION", "DECIMAL" } }),
        E("expect_column_values_to_be_increasing", new { column = "z", strictly = true }),
        E("expect_column_values_to_be_decreasing", new { column = "y", mostly = 0.001 }),
        E("expect_column_values_to_match_strftime_format", new { column = "d", strftime_format = "%Y-%m-%d" }),
        E("expect_column_values_to_be_dateutil_parseable", new { column = "d" }),
        E("expect_column_values_to_be_json_parseable", new { column = "j" }),
        E("expect_column_values_to_match_json_schema", new { column = "j", json_schema = new { type = "object", required = new[] { "k" }, properties = new { k = new { type = "integer", minimum = 0 }, t = new { type = "array", items = new { type = "string" } } } } }),
        E("expect_column_value_z_scores_to_be_less_than", new { column = "x", threshold = 5, double_sided = true }),
        E("expect_column_pair_values_a_to_be_greater_than_b", new { column_A = "x", column_B = "y", or_equal = true }),
        E("expect_column_pair_values_to_be_equal", new { column_A = "y", column_B = "y" }),
        E("expect_column_pair_values_to_be_in_set", new { column_A = "y", column_B = "y", value_pairs_set = new[] { new[] { 1, 1 }, new[] { 2, 2 } }, mostly = 0.0 }),
        E("expect_compound_columns_to_be_unique", new { column_list = new[] { "id", "s" } }),
        E("expect_select_column_values_to_be_unique_within_record", new { column_list = new[] { "id", "z" }, mostly = 0.99 }),
        E("expect_multicolumn_sum_to_equal", new { column_list = new[] { "id", "z" }, sum_total = 0, mostly = 0.0 }),
    ];

    private static ExpectationConfig E(string type, object kwargs) =>
        new(type, JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(kwargs))!.AsObject());
}
