using System.Globalization;
using System.Text;
using DataQuality.Core.Comparison;
using DataQuality.Core.Datasets;

namespace DataQuality.Benchmarks;

/// <summary>
/// Keyed compare of wide tables: 5,000 rows, a key and 500 or 2,000 value columns (BIGINT, DOUBLE and
/// VARCHAR in turn). Every fifth column has 50 changed values, spread over one row in ten, so the
/// column detail aggregates over 500 candidate rows. The cost to watch is the one aggregate over the
/// candidate rows, which has a few aggregates per compared column: written as FILTER clauses, DuckDB
/// 1.5 makes it quadratic in the number of columns (docs/benchmarks.md, "dq compare with wide tables").
/// </summary>
public sealed class CompareWideBenchmark : IBenchmark
{
    public string Name => "compare-wide";

    public string Description => "dq compare of 5,000 rows x 500 and 2,000 columns (keyed, --no-profile and with profile)";

    private const string Part = "silver/wide/ds=2026-01-01/part-0.parquet";

    /// <summary>Changed values per changed column: rows i = 10 j (j = 1..500) whose j % 10 matches the column.</summary>
    private const int ChangedPerColumn = 50;

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var rows = context.Rows(5_000);
        var keyed = new ComparisonOptions { Keys = new Dictionary<string, IReadOnlyList<string>> { ["wide"] = ["id"] } };
        // Narrow first, so a run that does not finish the wider table (quadratic before) still has figures; per
        // width the row comparison alone (--no-profile), then the whole compare as `dq compare` runs it.
        foreach (var width in new[] { 500, 2_000 })
            foreach (var profile in new[] { false, true })
            {
                var dir = Path.Combine(context.WorkDirectory, string.Create(CultureInfo.InvariantCulture, $"compare-wide-{rows}x{width}"));
                var baseRoot = Path.Combine(dir, "base");
                var headRoot = Path.Combine(dir, "head");
                Generate(context, rows, width, baseRoot, headRoot);
                ComparisonReport? last = null;
                await Measure(context, string.Create(CultureInfo.InvariantCulture, $"{width} columns, {(profile ? "with profile" : "--no-profile")}"), async () =>
                    last = await new TreeComparer().CompareAsync(baseRoot, headRoot, keyed with { Profile = profile }, cancellationToken), repeats: 1);
                Check(last!, rows, width);
            }
        context.Line("trees: " + Path.Combine(context.WorkDirectory, string.Create(CultureInfo.InvariantCulture, $"compare-wide-{rows}x<width>/{{base,head}}")));
    }

    /// <summary>The figures are only worth quoting if the compare found exactly the generated changes.</summary>
    private static void Check(ComparisonReport report, long rows, int width)
    {
        var k = report.Entities.Single().Keyed ?? throw new InvalidOperationException("no keyed comparison");
        var expectedChangedRows = Enumerable.Range(1, (int)(rows / 10)).Count(j => Enumerable.Range(0, width).Any(c => Changes(c, j)));
        var wrong = k.Columns.Where(c => c.Column.StartsWith('c') &&
            c.Unequal != Enumerable.Range(1, (int)(rows / 10)).Count(j => Changes(int.Parse(c.Column.AsSpan(1), CultureInfo.InvariantCulture), j))).ToList();
        if (k.Changed != expectedChangedRows || wrong.Count > 0 || k.Added != 0 || k.Removed != 0)
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"unexpected result: changed {k.Changed} (expected {expectedChangedRows}), added {k.Added}, removed {k.Removed}, wrong columns {string.Join(", ", wrong.Take(5).Select(c => $"{c.Column}={c.Unequal}"))}"));
    }

    /// <summary>Column c changes in row i = 10 j when c is a multiple of 5 and j % 10 = (c / 5) % 10.</summary>
    private static bool Changes(int column, int j) => column % 5 == 0 && j % 10 == column / 5 % 10;

    private static async Task Measure(BenchContext context, string label, Func<Task> action, int repeats)
    {
        var process = System.Diagnostics.Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        await context.MeasureAsync(label, action, repeats, warmUp: false);
        process.Refresh();
        var cpuPerRun = (process.TotalProcessorTime - cpuBefore) / repeats;
        context.Line(string.Create(CultureInfo.InvariantCulture,
            $"  CPU {cpuPerRun.TotalSeconds:F1} s per run; peak working set so far {BenchContext.PeakWorkingSetMiB():F0} MiB; load average {BenchContext.LoadAverage()}"));
    }

    private static void Generate(BenchContext context, long rows, int width, string baseRoot, string headRoot)
    {
        if (File.Exists(Path.Combine(headRoot, Part))) return;
        foreach (var root in new[] { baseRoot, headRoot })
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root, Part))!);
        string Value(int c) => (c % 3) switch
        {
            0 => $"(i * {c + 1})::BIGINT",
            1 => $"(i / {c + 1}.0)::DOUBLE",
            _ => $"'v' || (i % {c + 7})",
        };
        string Changed(int c) => (c % 3) switch
        {
            0 => $"{Value(c)} + 1",
            1 => $"{Value(c)} + 0.5",
            _ => $"{Value(c)} || 'x'",
        };
        var baseSql = new StringBuilder("i::BIGINT AS id");
        var headSql = new StringBuilder("i::BIGINT AS id");
        for (var c = 0; c < width; c++)
        {
            baseSql.Append(CultureInfo.InvariantCulture, $", {Value(c)} AS c{c}");
            if (c % 5 == 0)
                headSql.Append(CultureInfo.InvariantCulture, $", CASE WHEN i % 10 = 0 AND (i // 10) % 10 = {c / 5 % 10} THEN {Changed(c)} ELSE {Value(c)} END AS c{c}");
            else
                headSql.Append(CultureInfo.InvariantCulture, $", {Value(c)} AS c{c}");
        }
        var sw = System.Diagnostics.Stopwatch.StartNew();
        using var db = DuckDbSession.Open();
        var range = $"range(1, {SqlText.Literal(rows)} + 1) t(i)";
        db.Execute($"COPY (SELECT {baseSql} FROM {range}) TO {SqlText.Literal(Path.Combine(baseRoot, Part))} (FORMAT parquet)");
        db.Execute($"COPY (SELECT {headSql} FROM {range}) TO {SqlText.Literal(Path.Combine(headRoot, Part))} (FORMAT parquet)");
        context.Report(string.Create(CultureInfo.InvariantCulture, $"generate base and head, {width} columns"), sw.Elapsed);
    }
}
