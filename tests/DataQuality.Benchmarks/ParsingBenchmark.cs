using System.Diagnostics;
using System.Globalization;
using System.Text;
using DataQuality.Core.Contracts.Lint;
using DataQuality.Core.Contracts.Reading;
using DataQuality.Core.Contracts.Running;
using DataQuality.Core.Datasets;
using DataQuality.Core.Expectations.Readers;

namespace DataQuality.Benchmarks;

/// <summary>
/// Issue 12 item 14: reading big suites and contracts must be linear. Times, in-process and per phase,
/// a GX JSON suite of 40,000 expectations, a YAML suite of 40,000, and loading and linting a
/// 32,000-property contract. Whole-process figures (the `dq` binary) are in docs/benchmarks.md.
/// </summary>
public sealed class ParsingBenchmark : IBenchmark
{
    public string Name => "parsing";

    public string Description => "read a 40k-expectation GX JSON / YAML suite, load and lint a 32k-property contract";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var dir = Path.Combine(context.WorkDirectory, "parsing");
        Directory.CreateDirectory(dir);
        var expectations = (int)Math.Max(1000, 40_000 * context.Scale);
        var properties = (int)Math.Max(1000, 32_000 * context.Scale);

        var gx = Write(dir, $"gx-{expectations}.json", GxSuite(expectations));
        var yaml = Write(dir, $"suite-{expectations}.yaml", YamlSuite(expectations));
        var contract = Write(dir, $"contract-{properties}.yaml", Contract(properties, "wide"));
        context.Line($"load average {BenchContext.LoadAverage()} (figures are wall time, then this process's CPU time per run)");
        await Measure(context, $"GX JSON suite, {expectations} expectations", () => SuiteReader.ReadFile(gx));
        await Measure(context, $"YAML suite, {expectations} expectations", () => SuiteReader.ReadFile(yaml));
        await Measure(context, $"contract load, {properties} properties", () => ContractLoader.Load(contract));
        await Measure(context, $"lint, {properties} properties", () => ContractLinter.LintFile(contract));
    }

    /// <summary>Wall time is unreliable on a shared machine; CPU time of this process per run is printed next to it.</summary>
    private static Task Measure(BenchContext context, string label, Func<object> action) =>
        Measure(context, label, () =>
        {
            _ = action();
            return Task.CompletedTask;
        });

    internal static async Task Measure(BenchContext context, string label, Func<Task> action, int repeats = 3, bool warmUp = true)
    {
        var cpu = new List<TimeSpan>();
        await context.MeasureAsync(label, async () =>
        {
            var before = Process.GetCurrentProcess().TotalProcessorTime;
            await action();
            cpu.Add(Process.GetCurrentProcess().TotalProcessorTime - before);
        }, repeats, warmUp);
        cpu.Sort();
        context.Report("  CPU (median of the runs)", cpu[cpu.Count / 2]);
    }

    private static string Write(string dir, string name, string text)
    {
        var path = Path.Combine(dir, name);
        if (!File.Exists(path)) File.WriteAllText(path, text);
        return path;
    }

    private static string GxSuite(int n)
    {
        var sb = new StringBuilder("{\n  \"name\": \"big\",\n  \"expectations\": [\n");
        for (var i = 0; i < n; i++)
            sb.Append(CultureInfo.InvariantCulture, $"    {{\n      \"type\": \"expect_column_values_to_be_between\",\n      \"column\": \"c{i % 100}\",\n      \"min_value\": 0,\n      \"max_value\": {i}\n    }}{(i + 1 < n ? "," : "")}\n");
        return sb.Append("  ]\n}\n").ToString();
    }

    private static string YamlSuite(int n)
    {
        var sb = new StringBuilder("suite: big\nexpectations:\n");
        for (var i = 0; i < n; i++)
            sb.Append(CultureInfo.InvariantCulture, $"  - expect_column_values_to_be_between: {{column: c{i % 100}, min_value: 0, max_value: {i}}}\n");
        return sb.ToString();
    }

    public static string Contract(int properties, string model, string? path = null, bool minimum = true)
    {
        var sb = new StringBuilder("apiVersion: v3.1.0\nkind: DataContract\nid: big\nversion: 1.0.0\nstatus: active\n");
        if (path is not null) sb.Append(CultureInfo.InvariantCulture, $"servers:\n  - server: local\n    type: local\n    format: parquet\n    path: {path}\n");
        sb.Append(CultureInfo.InvariantCulture, $"schema:\n  - name: {model}\n    properties:\n");
        for (var i = 0; i < properties; i++)
            sb.Append(CultureInfo.InvariantCulture, $"      - name: c{i}\n        logicalType: integer\n        required: true\n{(minimum ? "        logicalTypeOptions: {minimum: 0}\n" : "")}");
        return sb.ToString();
    }
}

/// <summary>
/// validate --contract with 2,000, 4,000 and 8,000 integer properties (present, type, required) over a
/// 10-row Parquet file: loading, deriving and planning (--dry-run) against the whole run, with CPU time and
/// peak memory, so linear growth can be read off (each size doubles the one before). Issue 12 item 14
/// reported 3.1/10.6 s for 4k/8k; the cause was one FILTER clause per required column in the one scan
/// (DuckDB's ungrouped aggregate is quadratic in filtered aggregates, see AggregateSql). docs/benchmarks.md
/// has the figures before and after. <c>--scale 0.25</c> runs 500/1,000/2,000.
/// </summary>
public sealed class WideContractBenchmark : IBenchmark
{
    public string Name => "contract-wide";

    public string Description => "validate --contract with 2k/4k/8k properties over 10 rows: dry run (load + derive + plan) vs the whole run";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        context.Line($"load average {BenchContext.LoadAverage()} (figures are wall time, then this process's CPU time)");
        foreach (var full in new[] { 2000, 4000, 8000 })
        {
            var columns = (int)Math.Max(100, full * Math.Min(1.0, context.Scale));
            var folder = Path.Combine(context.WorkDirectory, "parsing", $"wide-{columns}");
            var data = Path.Combine(folder, "wide.parquet");
            if (!File.Exists(data))
            {
                Directory.CreateDirectory(folder);
                using var db = DuckDbSession.Open();
                var select = string.Join(", ", Enumerable.Range(0, columns).Select(i => $"i::BIGINT AS c{i}"));
                db.Execute($"COPY (SELECT {select} FROM range(10) t(i)) TO {SqlText.Literal(data)} (FORMAT parquet)");
            }
            var wide = Path.Combine(folder, "plain.yaml");
            File.WriteAllText(wide, ParsingBenchmark.Contract(columns, "wide", "./wide.parquet", minimum: false));
            var options = new ContractRunOptions { DuckDb = DuckDbOptions.FromEnvironment() };
            await ParsingBenchmark.Measure(context, $"validate --contract --dry-run, {columns} properties", () => ContractRunner.ValidateAsync(wide, options with { DryRun = true }, DatasetResolver.LocalOnly, cancellationToken), repeats: 1);
            await ParsingBenchmark.Measure(context, $"validate --contract, {columns} properties", async () =>
            {
                var result = await ContractRunner.ValidateAsync(wide, options, DatasetResolver.LocalOnly, cancellationToken);
                // A wrong verdict would make the figure meaningless: every check passes on this data.
                var failed = result.Models.SelectMany(m => m.Report!.Results).Count(r => r.Status != Core.Checks.CheckStatus.Passed);
                if (failed > 0) throw new InvalidOperationException($"{failed} checks did not pass on the generated data");
            }, repeats: 1, warmUp: false);
            context.Line(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"  peak working set so far {BenchContext.PeakWorkingSetMiB():F0} MiB"));
        }
    }
}
