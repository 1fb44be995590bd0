using System.Diagnostics;
using System.Globalization;
using System.Text;
using DataQuality.Core.Checks;
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

        var reportPath = Path.Combine(_root, "report.md");
        await File.WriteAllTextAsync(reportPath, _report.ToString(), cancellationToken).ConfigureAwait(false);
        await _context.Out.WriteLineAsync($"Report: {reportPath}").ConfigureAwait(false);
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

    private async Task Step(string name, string title, Func<Task> action)
    {
        await _context.Out.WriteLineAsync($"== {title}").ConfigureAwait(false);
        _report.AppendLine(CultureInfo.InvariantCulture, $"## {title}").AppendLine();
        var sw = Stopwatch.StartNew();
        await action().ConfigureAwait(false);
        await _context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"   ({name}: {sw.Elapsed.TotalMilliseconds:F0} ms)")).ConfigureAwait(false);
    }
}
