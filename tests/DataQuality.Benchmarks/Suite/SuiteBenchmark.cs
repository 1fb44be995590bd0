using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using DataQuality.Core.Checks;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Datasets;
using DataQuality.Core.Expectations;

namespace DataQuality.Benchmarks.Suite;

/// <summary>
/// The single-scan plan against its two honest contenders on a 10M-row, 10-column Parquet file:
/// the same expectations run one query each (each as its own one-expectation suite, so each pays
/// its own scan), and one hand-written DuckDB aggregate query over the same metrics.
/// </summary>
public sealed class SuiteBenchmark : IBenchmark
{
    public string Name => "suite";

    public string Description => "30+ expectation suite on 10M rows x 10 columns: single scan vs one query per expectation vs hand-written SQL";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var rows = context.Rows(10_000_000);
        var path = Path.Combine(context.WorkDirectory, $"suite-orders-{rows.ToString(CultureInfo.InvariantCulture)}.parquet");
        var options = DuckDbOptions.FromEnvironment();
        if (!File.Exists(path))
        {
            var sw = Stopwatch.StartNew();
            using var gen = DuckDbSession.Open(options);
            gen.Execute(SuiteData.GenerateSql(rows, path));
            context.Report($"generate {rows:N0} rows (DuckDB → Parquet)", sw.Elapsed, $"{new FileInfo(path).Length / (1024.0 * 1024.0):F0} MiB");
        }

        var source = new DataSource("orders", $"read_parquet({SqlText.Literal(path)})");
        // DQ_SUITE_FORMAT=csv runs the same rows from CSV: every query must parse the whole file, so this
        // is where one scan instead of one per expectation pays most (Parquet lets each small query read
        // only its columns).
        if (Environment.GetEnvironmentVariable("DQ_SUITE_FORMAT") == "csv")
        {
            var csv = Path.ChangeExtension(path, ".csv");
            if (!File.Exists(csv))
            {
                using var gen = DuckDbSession.Open(options);
                gen.Execute($"COPY (SELECT * FROM read_parquet({SqlText.Literal(path)})) TO {SqlText.Literal(csv)} (FORMAT csv, HEADER)");
            }
            source = new DataSource("orders", $"read_csv({SqlText.Literal(csv)}, header=true)");
            context.Line($"format: CSV, {new FileInfo(csv).Length / (1024.0 * 1024.0):F0} MiB");
        }
        using var db = DuckDbSession.Open(options);
        context.Line($"DuckDB threads {db.Scalar("SELECT current_setting('threads')")}; machine load average {BenchContext.LoadAverage()}");
        // With the uniqueness check the scan carries a window (PARTITION BY id) over every column it reads;
        // without it the plan is a pure aggregate scan. Both suites are at least 30 expectations.
        // DQ_SUITE_VARIANT=with|without runs one suite only, so a full-size run fits a 10-minute slot.
        var variant = Environment.GetEnvironmentVariable("DQ_SUITE_VARIANT") ?? "both";
        if (variant is "both" or "with")
            await CompareAsync(context, db, source, SuiteData.Suite(rows), SuiteData.HandWrittenSql(source.RelationSql, rows), "with unique(id)");
        if (variant is "both" or "without")
            await CompareAsync(context, db, source, SuiteData.SuiteWithoutUnique(rows), SuiteData.HandWrittenSql(source.RelationSql, rows, withUnique: false), "without unique");
        context.Line(string.Create(CultureInfo.InvariantCulture, $"peak working set: {BenchContext.PeakWorkingSetMiB():F0} MiB; load average after: {BenchContext.LoadAverage()}"));
    }

    private static async Task CompareAsync(BenchContext context, DuckDbSession db, DataSource source, ExpectationSuite suite, string handSql, string label)
    {
        context.Line($"### suite {label}: {suite.Expectations.Count} expectations, {suite.Expectations.Select(e => e.Type).Distinct().Count()} types");

        // Full size on a shared 2-core machine: one measured run after the warm-up keeps a variant within minutes.
        var full = context.Scale >= 1;
        var repeats = full ? 1 : 3;
        if (full)
        {
            // No per-contender warm-up at full size: one pass over every column warms file and DuckDB caches for all three.
            var sw = Stopwatch.StartNew();
            // The aggregates must be returned, or DuckDB prunes them and reads nothing.
            using (var command = db.CreateCommand($"SELECT min(COLUMNS(*)) FROM {source.RelationSql}"))
            using (var reader = command.ExecuteReader())
                reader.Read();
            context.Report("warm-up read of every column", sw.Elapsed);
        }
        var runner = new SuiteRunner(db);
        ValidationReport? report = null;
        var single = await context.MeasureAsync($"single scan (SuiteRunner) [{label}]", () =>
        {
            report = runner.Run(suite, source);
            return Task.CompletedTask;
        }, repeats, warmUp: !full);
        context.Line($"  scans issued by the plan: {runner.LastScanCount}");
        // Sanity: every expectation is meant to pass, so the timings compare scans, not failure samples.
        foreach (var r in report!.Results.Where(r => r.Status != CheckStatus.Passed))
            context.Line($"  ! {r.Expectation.DisplayName}: {r.Status} {r.Exception?.Message ?? r.Result.ObservedValue?.ToJsonString()}");

        var perQuery = await context.MeasureAsync($"one query per expectation [{label}]", () =>
        {
            foreach (var e in suite.Expectations)
                new SuiteRunner(db).Run(new ExpectationSuite(suite.Name, [e]), source);
            return Task.CompletedTask;
        }, repeats, warmUp: !full);

        var handValues = new Dictionary<string, object?>(StringComparer.Ordinal);
        var hand = await context.MeasureAsync($"hand-written aggregate query [{label}]", () =>
        {
            using var command = db.CreateCommand(handSql);
            using var reader = command.ExecuteReader();
            reader.Read();
            for (var i = 0; i < reader.FieldCount; i++) handValues[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            return Task.CompletedTask;
        }, repeats, warmUp: !full);
        CheckAgreement(context, handValues, report);

        context.Line(string.Create(CultureInfo.InvariantCulture,
            $"  speed-up vs one query per expectation: {perQuery / single:F2}x (target >= 5x); single scan / hand-written: {single / hand:F2}x (target <= 1.5x)"));
    }


    /// <summary>The hand-written query must compute the same numbers the engine reported, or the comparison is meaningless.</summary>
    private static void CheckAgreement(BenchContext context, Dictionary<string, object?> hand, ValidationReport report)
    {

        var mismatches = 0;
        for (var i = 0; i < report.Results.Count; i++)
        {
            var r = report.Results[i].Result;
            var key = report.Results[i].Expectation.Meta?["metric"]?.GetValue<string>() ?? "";
            if (!hand.TryGetValue(key, out var value)) continue;
            var ours = r.UnexpectedCount is { } u ? (double)u : r.ObservedValue is JsonValue v && JsonNumber.TryGetDouble(v, out var d) ? d : double.NaN;
            var theirs = DuckValue.ToDouble(value) ?? double.NaN;
            if (Math.Abs(ours - theirs) > 1e-6 * Math.Max(1, Math.Abs(theirs)))
            {
                mismatches++;
                context.Line($"  ! {report.Results[i].Expectation.DisplayName}: engine {ours}, hand-written {theirs}");
            }
        }
        context.Line(mismatches == 0 ? "  hand-written query agrees with the engine's metrics" : $"  {mismatches} metric(s) disagree");
    }
}
