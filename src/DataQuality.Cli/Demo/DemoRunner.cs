using System.Diagnostics;
using System.Globalization;
using System.Text;
using DataQuality.Core.Benchmarking;
using DataQuality.Core.Checks;
using DataQuality.Core.Comparison;
using DataQuality.Core.Contracts.Running;
using DataQuality.Core.Profiling;
using DataQuality.Core.Snapshots;
using DataQuality.Core.Datasets;
using DataQuality.Core.Expectations.Readers;
using DataQuality.Core.Reporting;

namespace DataQuality.Cli.Demo;

/// <summary>
/// Builds the demo pipeline's outputs for main and a feature variant, then runs every landed
/// capability on them and writes one Markdown report. The demo checks its own outcome: main must
/// be green and the feature's deliberate defects must be caught, or the demo exits 1.
/// </summary>
internal sealed class DemoRunner
{
    private readonly CliContext _context;
    private readonly string _root;
    private readonly StringBuilder _report = new();
    private readonly List<string> _problems = [];
    private readonly Reports.Model.ReportInputs _html = new(); // every result, for dq-demo/report.html

    public DemoRunner(CliContext context, string root)
    {
        _context = context;
        _root = Path.GetFullPath(root);
    }

    public string MainRoot => Path.Combine(_root, "main");
    public string FeatureRoot => Path.Combine(_root, "feature");

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        _report.AppendLine("# DataQuality demo").AppendLine();
        await Step("build", "Build the pipeline outputs (main and feature)", () =>
        {
            DemoPipeline.Build(MainRoot, feature: false);
            DemoPipeline.Build(FeatureRoot, feature: true);
            _report.AppendLine(CultureInfo.InvariantCulture, $"Outputs under `{_root}`: {string.Join(", ", DemoPipeline.Entities.Select(e => $"{e.Layer}/{e.Entity}"))}, partition ds={DemoPipeline.Partition}.").AppendLine();
            return Task.CompletedTask;
        }).ConfigureAwait(false);

        await Step("validate", "Validate silver/orders with an expectation suite", () => ValidateSuiteAsync(cancellationToken)).ConfigureAwait(false);
        await Step("contracts", "Validate the data contracts (ODCS) on main and feature", () => ValidateContractsAsync(cancellationToken)).ConfigureAwait(false);
        await Step("profile", "Profile silver/orders and measure drift (main → feature)", () => ProfileAsync(cancellationToken)).ConfigureAwait(false);
        await Step("compare", "Compare main with feature and approve the snapshot", () => CompareAsync(cancellationToken)).ConfigureAwait(false);
        await Step("bench", "Run main and the feature branch of a pipeline repository into one partition, compare and time them (dq bench run --repeat 3)", () => BenchAsync(cancellationToken)).ConfigureAwait(false);

        var reportPath = Path.Combine(_root, "report.md");
        await File.WriteAllTextAsync(reportPath, _report.ToString(), cancellationToken).ConfigureAwait(false);
        await _context.Out.WriteLineAsync($"Report: {reportPath}").ConfigureAwait(false);
        var htmlPath = Path.Combine(_root, "report.html");
        await Reports.Html.ReportWriter.WriteAsync(new FileInfo(htmlPath), Reports.Model.ReportBuilder.Build(_html, "dq demo: main vs feature"), cancellationToken).ConfigureAwait(false);
        await _context.Out.WriteLineAsync($"HTML report: {htmlPath}").ConfigureAwait(false);
        if (_problems.Count == 0)
        {
            await _context.Out.WriteLineAsync("Demo finished: main is green and the feature branch's defects were caught.").ConfigureAwait(false);
            return Core.ExitCodes.Passed;
        }
        foreach (var problem in _problems)
            await _context.Error.WriteLineAsync($"demo: {problem}").ConfigureAwait(false);
        return Core.ExitCodes.ChecksFailed;
    }

    private async Task ValidateSuiteAsync(CancellationToken cancellationToken)
    {
        var suitePath = DemoResources.Extract("orders.suite.yaml", Path.Combine(_root, "suites"));
        var suite = SuiteReader.ReadFile(suitePath);
        var validator = new DatasetValidator(duckDb: new DuckDbOptions { Threads = 2 });
        foreach (var (branch, root) in new[] { ("main", MainRoot), ("feature", FeatureRoot) })
        {
            var data = DemoPipeline.EntityPath(root, "silver", "orders");
            var report = await validator.ValidateAsync(suite, DatasetRef.Parse(data), cancellationToken: cancellationToken).ConfigureAwait(false);
            _html.Validations.Add((suitePath, report));
            var s = report.Statistics;
            await _context.Out.WriteLineAsync($"  {branch,-8} {s.Evaluated} checks: {s.Successful} passed, {s.Warned} warned, {s.Failed} failed, {s.Errored} errors").ConfigureAwait(false);
            foreach (var failed in report.Results.Where(r => r.Status is CheckStatus.Failed or CheckStatus.Error))
                await _context.Out.WriteLineAsync($"           {ValidationRenderer.Badge(failed.Status)} {failed.Expectation.DisplayName} — {ValidationRenderer.Detail(failed)}").ConfigureAwait(false);
            _report.AppendLine(CultureInfo.InvariantCulture, $"#### Suite on {branch}").AppendLine().Append(ValidationRenderer.Markdown([report]));
            if (branch == "main" && !report.Success) _problems.Add("the suite should pass on main but failed");
            if (branch == "feature" && !report.Results.Any(r => r.Status == CheckStatus.Failed && r.Expectation.Column == "status"))
                _problems.Add("the suite should catch the feature branch's 'refunded' status");
        }
    }

    private static readonly string[] ContractNames = ["customers", "orders", "order_items", "daily_sales"];

    private async Task ValidateContractsAsync(CancellationToken cancellationToken)
    {
        var directory = Path.Combine(_root, "contracts");
        Directory.CreateDirectory(directory);
        foreach (var (branch, _) in new[] { ("main", MainRoot), ("feature", FeatureRoot) })
        {
            var failedModels = new List<string>();
            foreach (var name in ContractNames)
            {
                // The repository's contracts point at ../dq-demo/<branch>; here they sit inside the demo folder.
                var path = Path.Combine(directory, $"{name}.odcs.yaml");
                await File.WriteAllTextAsync(path, DemoResources.Read($"{name}.odcs.yaml").Replace("../dq-demo/", "../", StringComparison.Ordinal), cancellationToken).ConfigureAwait(false);
                var result = await ContractRunner.ValidateAsync(path, new ContractRunOptions
                {
                    Server = branch,
                    Variables = new Dictionary<string, string> { ["ds"] = DemoPipeline.Partition },
                    DuckDb = new DuckDbOptions { Threads = 2 },
                    // The demo folder is no git repository; its contracts read the sibling main/ and feature/ trees it just built.
                    AllowedPaths = [_root],
                }, DatasetResolver.LocalOnly, cancellationToken).ConfigureAwait(false);
                foreach (var model in result.Models)
                {
                    if (model.Report is not { } report) continue;
                    _html.Validations.Add((path, report));
                    var s = report.Statistics;
                    await _context.Out.WriteLineAsync($"  {branch,-8} {model.Model,-12} {s.Evaluated,3} checks: {s.Successful} passed, {s.Warned} warned, {s.Failed} failed, {s.Errored} errors").ConfigureAwait(false);
                    foreach (var failed in report.Results.Where(r => r.Status is CheckStatus.Failed or CheckStatus.Error))
                        await _context.Out.WriteLineAsync($"           {ValidationRenderer.Badge(failed.Status)} {failed.Expectation.DisplayName} — {ValidationRenderer.Detail(failed)}").ConfigureAwait(false);
                    _report.AppendLine(CultureInfo.InvariantCulture, $"#### Contract {model.Model} on {branch}").AppendLine().Append(ValidationRenderer.Markdown([report]));
                    if (!report.Success) failedModels.Add(model.Model);
                }
            }
            if (branch == "main" && failedModels.Count > 0) _problems.Add($"the contracts should pass on main but failed for {string.Join(", ", failedModels)}");
            if (branch == "feature" && !failedModels.Contains("orders")) _problems.Add("the orders contract should catch the feature branch's defects");
        }
    }

    private async Task ProfileAsync(CancellationToken cancellationToken)
    {
        var profiles = new Dictionary<string, DatasetProfile>();
        foreach (var (branch, root) in new[] { ("main", MainRoot), ("feature", FeatureRoot) })
        {
            var files = DatasetResolver.ListLocal(DatasetRef.Parse(DemoPipeline.EntityPath(root, "silver", "orders")));
            profiles[branch] = await ParquetProfiler.ProfileAsync(files, cancellationToken: cancellationToken).ConfigureAwait(false);
            var profilePath = Path.Combine(_root, "profiles", $"orders.{branch}.json");
            Directory.CreateDirectory(Path.GetDirectoryName(profilePath)!);
            await ProfileJson.WriteAsync(profiles[branch], profilePath, cancellationToken).ConfigureAwait(false);
            _html.Profiles.Add(($"silver/orders on {branch}", profiles[branch]));
        }
        var main = profiles["main"];
        await _context.Out.WriteLineAsync($"  profiled {main.Columns.Count} columns of {main.RowCount} rows; profiles under {Path.Combine(_root, "profiles")}").ConfigureAwait(false);
        _report.AppendLine("#### Profile of silver/orders on main").AppendLine().Append(Commands.ProfileRendering.Markdown(main)).AppendLine();

        _report.AppendLine("#### Drift main → feature").AppendLine().AppendLine("| column | PSI | KS |").AppendLine("|---|---:|---:|");
        foreach (var column in main.Columns.Where(c => c.Kind.IsNumeric()))
        {
            if (profiles["feature"].Column(column.Path) is not { } head) continue;
            var psi = Drift.PopulationStabilityIndex(column, head);
            var ks = Drift.KolmogorovSmirnov(column, head);
            await _context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  drift {column.Path,-12} PSI {psi:0.0000}  KS {ks:0.0000}")).ConfigureAwait(false);
            _report.AppendLine(CultureInfo.InvariantCulture, $"| {column.Path} | {psi:0.0000} | {ks:0.0000} |");
        }
        _report.AppendLine();
    }

    private async Task CompareAsync(CancellationToken cancellationToken)
    {
        // Keys come from the contracts the previous step extracted (each model's primary key).
        var options = new ComparisonOptions
        {
            ContractKeys = ContractKeys.Load(Path.Combine(_root, "contracts")),
            AbsoluteTolerance = new Dictionary<string, double> { ["revenue"] = 0.01 },
        };
        var report = await new TreeComparer(duckDb: new DuckDbOptions { Threads = 2 }).CompareAsync(MainRoot, FeatureRoot, options, cancellationToken).ConfigureAwait(false);
        _html.Comparisons.Add(("main → feature", report));
        foreach (var entity in report.Entities)
        {
            var keyed = entity.Keyed;
            await _context.Out.WriteLineAsync(keyed is null
                ? $"  {entity.Name,-22} rows {entity.RowCounts.Base} → {entity.RowCounts.Head}"
                : $"  {entity.Name,-22} rows {entity.RowCounts.Base} → {entity.RowCounts.Head}: {keyed.Added} added, {keyed.Removed} removed, {keyed.Changed} changed, {entity.SchemaChanges.Count} schema changes").ConfigureAwait(false);
        }
        var text = ComparisonMarkdown.Render(report);
        _report.AppendLine("#### Comparison").AppendLine().Append(text).AppendLine();

        // The approval flow a reviewer follows: the first run has nothing verified, so the
        // snapshot is written as received; accepting it makes it verified; the next run matches.
        var snapshot = new SnapshotFile(Path.Combine(_root, "snapshots"), "Pipeline.MainVsFeature", "md");
        Directory.CreateDirectory(snapshot.Directory);
        if (File.Exists(snapshot.VerifiedPath)) File.Delete(snapshot.VerifiedPath);
        var first = await SnapshotVerifier.VerifyAsync(text, snapshot, autoAccept: false, cancellationToken).ConfigureAwait(false);
        SnapshotStore.Accept([snapshot.ReceivedPath]);
        var second = await SnapshotVerifier.VerifyAsync(text, snapshot, autoAccept: false, cancellationToken).ConfigureAwait(false);
        await _context.Out.WriteLineAsync($"  snapshot: {first.Outcome} → accepted → {second.Outcome} ({snapshot.VerifiedPath})").ConfigureAwait(false);
        if (first.Outcome != SnapshotOutcome.MissingVerified || second.Outcome != SnapshotOutcome.Matched)
            _problems.Add("the snapshot approval flow did not go received → accepted → matched");
        var orders = report.Entities.FirstOrDefault(e => e.Name.EndsWith("orders", StringComparison.Ordinal) && !e.Name.EndsWith("order_items", StringComparison.Ordinal));
        if (orders?.Keyed is not { Changed: > 0, Added: > 0, Removed: > 0 } || orders.SchemaChanges.Count == 0)
            _problems.Add("the comparison should find changed, added and removed orders and the new discount column");
    }

    private async Task BenchAsync(CancellationToken cancellationToken)
    {
        var result = await DemoBench.RunAsync(_root, MainRoot, FeatureRoot, TextWriter.Null, cancellationToken).ConfigureAwait(false);
        if (result is null)
        {
            await _context.Out.WriteLineAsync("  skipped: git is not installed").ConfigureAwait(false);
            _report.AppendLine("Skipped: git is not installed.").AppendLine();
            return;
        }
        foreach (var (label, s) in new[] { ("main", result.Base), (DemoBench.Branch, result.Head) })
            await _context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {label,-18} {s.Succeeded}/{s.Runs} runs ok, p50 {s.P50:0.000} s, p95 {s.P95:0.000} s, peak {s.PeakRssMax / 1048576.0:0.0} MiB")).ConfigureAwait(false);
        var orders = result.Comparison?.Entities.FirstOrDefault(e => e.Name == "silver/orders");
        await _context.Out.WriteLineAsync($"  head/base p50 {result.RatioP50:0.00}x; silver/orders: {orders?.Keyed?.Changed ?? 0} changed, {orders?.Keyed?.Added ?? 0} added, {orders?.Keyed?.Removed ?? 0} removed; partition restored: {result.Restore?.Identical == true}").ConfigureAwait(false);
        await _context.Out.WriteLineAsync($"  bench folder: {Path.Combine(_root, "bench", "runs", result.Context.BenchId)}").ConfigureAwait(false);
        _report.Append(BenchMarkdown.Render(result).Replace("\n# ", "\n### ", StringComparison.Ordinal)).AppendLine();
        if (result.ExitCode != Core.ExitCodes.Passed || orders?.Keyed is not { Changed: > 0 } || result.Restore?.Identical != true)
            _problems.Add("the bench should run both branches, find the feature's changed orders and restore the partition");
    }

    private async Task Step(string name, string title, Func<Task> action)
    {
        await _context.Out.WriteLineAsync($"== {title}").ConfigureAwait(false);
        _report.AppendLine(CultureInfo.InvariantCulture, $"## {title}").AppendLine();
        var sw = Stopwatch.StartNew();
        await action().ConfigureAwait(false);
        await _context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"   ({name}: {sw.Elapsed.TotalMilliseconds:F0} ms)")).ConfigureAwait(false);
    }
}
