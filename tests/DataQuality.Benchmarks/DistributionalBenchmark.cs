using System.Globalization;
using System.Text.Json.Nodes;
using DataQuality.Core.Checks;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Datasets;
using DataQuality.Core.Expectations;
using DataQuality.Core.Profiling;

namespace DataQuality.Benchmarks;

/// <summary>
/// What the distributional expectations and drift add to the single scan: a baseline suite (mean,
/// row count) against the same suite plus KL divergence over 20 bins, chi-square, PSI and KS drift
/// against a profile of the same file (profiled once, outside the timings).
/// </summary>
public sealed class DistributionalBenchmark : IBenchmark
{
    public string Name => "distributional";

    public string Description => "KL divergence, chi-square and PSI/KS drift in the single scan vs a baseline suite (10M rows)";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var rows = context.Rows(10_000_000);
        var n = rows.ToString(CultureInfo.InvariantCulture);
        var file = Path.Combine(context.WorkDirectory, $"distributional-{n}.parquet");
        using var session = DuckDbSession.Open(DuckDbOptions.FromEnvironment());
        if (!File.Exists(file))
        {
            var partial = file + ".partial";
            session.Execute($"""
                COPY (SELECT i AS id, ((i * 7919) % 100000) / 1000.0 AS amount, 'c' || ((i * 13) % 5)::VARCHAR AS category
                      FROM range({n}) r(i)) TO {SqlText.Literal(partial)} (FORMAT parquet)
                """);
            File.Move(partial, file, overwrite: true);
        }
        var profile = await ParquetProfiler.ProfileFileAsync(file, cancellationToken: cancellationToken);
        var profilePath = Path.Combine(context.WorkDirectory, $"distributional-{n}.profile.json");
        await ProfileJson.WriteAsync(profile, profilePath, cancellationToken);

        var source = new DataSource("bench", $"read_parquet({SqlText.Literal(file)})");
        var bins = Enumerable.Range(0, 21).Select(i => i * 5.0).ToArray();
        var baseline = new[]
        {
            E("expect_column_mean_to_be_between", new { column = "amount", min_value = 0, max_value = 100 }),
            E("expect_table_row_count_to_be_between", new { min_value = 1 }),
        };
        var distributional = baseline.Concat(
        [
            E("expect_column_kl_divergence_to_be_less_than", new { column = "amount", partition_object = new { bins, weights = Enumerable.Repeat(0.05, 20).ToArray() }, threshold = 0.01 }),
            E("expect_column_chisquare_test_p_value_to_be_greater_than", new { column = "category", partition_object = new { values = new[] { "c0", "c1", "c2", "c3", "c4" }, weights = Enumerable.Repeat(0.2, 5).ToArray() } }),
            E("dq_column_distribution_drift", new { column = "amount", reference_profile = profilePath, method = "psi", threshold = 0.1 }),
            E("dq_column_distribution_drift", new { column = "amount", reference_profile = profilePath, method = "ks", threshold = 0.05 }),
            E("dq_column_distribution_drift", new { column = "category", reference_profile = profilePath, threshold = 0.1 }),
        ]).ToArray();

        context.Line($"rows {n}, threads {DuckDbOptions.FromEnvironment().Threads?.ToString(CultureInfo.InvariantCulture) ?? "default"}");
        var runner = new SuiteRunner(session);
        ValidationReport? report = null;
        var b = await context.MeasureAsync("baseline suite (mean, row count)", () => { report = runner.Run(new ExpectationSuite("b", baseline), source); return Task.CompletedTask; });
        var d = await context.MeasureAsync("+ KL(20 bins), chi-square, drift psi/ks/psi-text", () => { report = runner.Run(new ExpectationSuite("d", distributional), source); return Task.CompletedTask; });
        context.Line($"  scans: {runner.LastScanCount}, passed: {report!.Results.Count(r => r.Success)}/{report.Results.Count}; " +
            string.Join(", ", report.Results.Skip(2).Select(r => r.Result.ObservedValue?.ToJsonString() ?? r.Exception?.Message)));
        context.Line(string.Create(CultureInfo.InvariantCulture, $"  added by the distributional checks: {(d - b).TotalMilliseconds:F0} ms"));
        foreach (var e in distributional.Skip(baseline.Length))
        {
            var label = e.Type.Replace("expect_column_", "", StringComparison.Ordinal) + (e.Kwargs["method"] is { } m ? $" {m}" : "") + $" ({e.Kwargs["column"]})";
            await context.MeasureAsync("  alone: " + label, () => { runner.Run(new ExpectationSuite("one", [e]), source); return Task.CompletedTask; });
        }
    }

    private static ExpectationConfig E(string type, object kwargs) =>
        new(type, JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(kwargs))!.AsObject());
}
