using System.Globalization;
using System.Text.Json.Nodes;
using DataQuality.Core.Checks;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Datasets;
using DataQuality.Core.Expectations;

namespace DataQuality.Benchmarks;

/// <summary>
/// The aggregate and table expectation families: a 16-expectation suite (min/max/mean/median/sum/
/// stdev/unique count/proportion/quantiles/distinct sets/most common/row count/schema checks) over a
/// generated Parquet file, run as our single scan, as one query per expectation, and as one
/// hand-written DuckDB query computing the same statistics.
/// </summary>
public sealed class AggregateSuiteBenchmark : IBenchmark
{
    public string Name => "aggregates";

    public string Description => "aggregate/table expectations: single scan vs one query per expectation vs hand-written SQL (10M rows)";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var rows = context.Rows(10_000_000);
        var file = Path.Combine(context.WorkDirectory, $"aggregates-{rows.ToString(CultureInfo.InvariantCulture)}.parquet");
        using var session = DuckDbSession.Open(DuckDbOptions.FromEnvironment());
        if (!File.Exists(file))
        {
            // Written under a temporary name and renamed, so an interrupted run never leaves a truncated file behind.
            var partial = file + ".partial";
            session.Execute($"""
                COPY (SELECT i AS id, (i * 7919) % 100000 AS amount, ((i * 31) % 1000) / 10.0 AS price,
                             'c' || ((i * 13) % 20)::VARCHAR AS category, DATE '2020-01-01' + ((i * 17) % 1500)::INTEGER AS day
                      FROM range({rows.ToString(CultureInfo.InvariantCulture)}) r(i)) TO {SqlText.Literal(partial)} (FORMAT parquet)
                """);
            File.Move(partial, file, overwrite: true);
        }
        var source = new DataSource("bench", $"read_parquet({SqlText.Literal(file)})");
        var categories = Enumerable.Range(0, 20).Select(i => "c" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var suite = new ExpectationSuite("aggregates", [
            E("expect_column_min_to_be_between", new { column = "amount", min_value = 0 }),
            E("expect_column_max_to_be_between", new { column = "amount", max_value = 100_000 }),
            E("expect_column_mean_to_be_between", new { column = "price", min_value = 0, max_value = 100 }),
            E("expect_column_median_to_be_between", new { column = "price", min_value = 0, max_value = 100 }),
            E("expect_column_sum_to_be_between", new { column = "amount", min_value = 0 }),
            E("expect_column_stdev_to_be_between", new { column = "price", min_value = 0 }),
            E("expect_column_unique_value_count_to_be_between", new { column = "category", min_value = 1, max_value = 20 }),
            E("expect_column_proportion_of_unique_values_to_be_between", new { column = "category", max_value = 0.5 }),
            E("expect_column_quantile_values_to_be_between", new { column = "amount", quantile_ranges = new { quantiles = new[] { 0.05, 0.5, 0.95 }, value_ranges = new[] { new int?[] { 0, null }, new int?[] { 0, null }, new int?[] { null, 100_000 } } } }),
            E("expect_column_distinct_values_to_be_in_set", new { column = "category", value_set = categories }),
            E("expect_column_distinct_values_to_contain_set", new { column = "category", value_set = new[] { "c0", "c1" } }),
            E("expect_column_most_common_value_to_be_in_set", new { column = "category", value_set = categories, ties_okay = true }),
            E("expect_column_max_to_be_between", new { column = "day", max_value = "2030-01-01" }),
            E("expect_table_row_count_to_equal", new { value = rows }),
            E("expect_table_columns_to_match_set", new { column_set = new[] { "id", "amount", "price", "category", "day" } }),
            E("expect_table_column_count_to_equal", new { value = 5 }),
        ]);

        context.Line($"rows {rows.ToString(CultureInfo.InvariantCulture)}, {suite.Expectations.Count} expectations, threads {DuckDbOptions.FromEnvironment().Threads?.ToString(CultureInfo.InvariantCulture) ?? "default"}");
        var runner = new SuiteRunner(session);
        ValidationReport? report = null;
        var single = await context.MeasureAsync("single scan (SuiteRunner)", () => { report = runner.Run(suite, source); return Task.CompletedTask; });
        context.Line($"  scans: {runner.LastScanCount}, passed: {report!.Results.Count(r => r.Success)}/{report.Results.Count}");

        var perExpectation = await context.MeasureAsync("one query per expectation", () =>
        {
            foreach (var expectation in suite.Expectations)
                runner.Run(new ExpectationSuite("one", [expectation]), source);
            return Task.CompletedTask;
        });

        var handWritten = await context.MeasureAsync("hand-written DuckDB aggregate query", () =>
        {
            session.Scalar($"""
                SELECT min(amount), max(amount), avg(price), median(price), sum(amount), stddev_samp(price),
                       count(DISTINCT category), count(DISTINCT category) / count(category),
                       quantile_disc(amount, [0.05, 0.5, 0.95]), histogram(category), max(day), count(*)
                FROM {source.RelationSql}
                """);
            return Task.CompletedTask;
        });

        context.Line(string.Create(CultureInfo.InvariantCulture,
            $"  per-expectation / single scan: {perExpectation / single:F1}x; single scan / hand-written: {single / handWritten:F2}x; peak working set {BenchContext.PeakWorkingSetMiB():F0} MiB"));

        // Median and quantiles are holistic (DuckDB keeps every value and selects), and cost the same
        // whether they share a scan or not; without them the sharing of the scan is what is measured.
        var streaming = new ExpectationSuite("streaming", suite.Expectations
            .Where(e => e.Type is not ("expect_column_median_to_be_between" or "expect_column_quantile_values_to_be_between")).ToList());
        var singleStreaming = await context.MeasureAsync($"single scan, {streaming.Expectations.Count} without median/quantiles", () => { runner.Run(streaming, source); return Task.CompletedTask; });
        var perStreaming = await context.MeasureAsync("  the same, one query per expectation", () =>
        {
            foreach (var expectation in streaming.Expectations)
                runner.Run(new ExpectationSuite("one", [expectation]), source);
            return Task.CompletedTask;
        });
        context.Line(string.Create(CultureInfo.InvariantCulture, $"  per-expectation / single scan without median/quantiles: {perStreaming / singleStreaming:F1}x"));
    }

    private static ExpectationConfig E(string type, object kwargs) =>
        new(type, JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(kwargs))!.AsObject());
}
