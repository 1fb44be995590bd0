using DataQuality.Core.Benchmarking;
using DataQuality.Core.Comparison;
using DataQuality.Core.Tests.TestSupport;
using DataQuality.Reports.Html;
using DataQuality.Reports.Input;
using DataQuality.Reports.Markdown;
using DataQuality.Reports.Model;
using Microsoft.Playwright;

namespace DataQuality.Reports.Tests;

/// <summary>The bench section: a bench result written by <see cref="BenchJson"/>, read back and rendered, in text and in a real browser.</summary>
public sealed class BenchReportTests(Browser browser, PlainReport report)
{
    private const string Hostile = "</pre><script>window.__pwned=1</script>";

    /// <summary>Base ran twice (p50 2.0 s, p95 ~2.2 s), head's first measured run failed with a hostile stderr; the comparison is the plain report's real one.</summary>
    internal static BenchResult Sample(ComparisonReport? comparison, bool headAllFailed = false)
    {
        var context = new BenchContext
        {
            BenchId = "20260211-101500-acme-2026-02-11",
            StartedAt = new DateTimeOffset(2026, 2, 11, 10, 15, 0, TimeSpan.Zero),
            Client = "acme",
            Env = "dev",
            Partition = ["ds=2026-02-11"],
            Outputs = "/data/out",
            Namespace = "/data/bench",
            Layout = "{layer}/{entity}/{partition}",
            Layers = ["silver"],
            Command = "make run DS={ds} <fast>",
            Base = new BranchCheckout("base", "main", "0123456789abcdef0123", ""),
            Head = new BranchCheckout("head", "feature/x", "fedcba9876543210fedc", ""),
            Repeat = 2,
            DqVersion = "1.0.0",
            Cores = 2,
            MemoryBytes = 8L << 30,
        };
        RunMeasurement Run(string label, int i, bool warm, double wall, int exit = 0) =>
            new(label, i, warm, wall, wall / 2, 300L << 20, exit, false, exit == 0 ? "" : "boom\n" + Hostile);
        var runs = new List<RunMeasurement>
        {
            Run("base", 0, true, 2.5), Run("head", 0, true, 3.5),
            Run("base", 1, false, 1.8), Run("head", 1, false, 3.0, headAllFailed ? 2 : 0),
            Run("base", 2, false, 2.2), Run("head", 2, false, 3.0, 2),
        };
        return new BenchResult(context, runs, RuntimeSummary.Of(runs.Where(r => r.Label == "base"), 3.6), RuntimeSummary.Of(runs.Where(r => r.Label == "head"), 3.6), comparison, null);
    }

    private static ReportModel RoundTrip(BenchResult result)
    {
        var inputs = new ReportInputs();
        inputs.Benches.Add(("result.json", BenchJsonReader.Read(BenchJson.Render(result), "result.json")));
        return ReportBuilder.Build(inputs);
    }

    [Fact]
    public void The_bench_json_reads_back_to_the_same_runs_runtime_and_comparison()
    {
        var original = Sample(report.Model.Comparisons[0].Report);
        var read = BenchJsonReader.Read(BenchJson.Render(original), "result.json");

        read.Context.BenchId.Should().Be(original.Context.BenchId);
        read.Context.Head.Branch.Should().Be("feature/x");
        read.Context.Partition.Should().Equal("ds=2026-02-11");
        read.Runs.Should().HaveCount(6);
        read.Runs.Select(r => r.Succeeded).Should().Equal(original.Runs.Select(r => r.Succeeded));
        read.Runs[^1].StderrTail.Should().Contain(Hostile);
        read.Base.P50.Should().BeApproximately(2.0, 1e-9);
        read.Head.P50.Should().BeApproximately(3.0, 1e-9);
        read.Base.CostPerRun.Should().BeApproximately(original.Base.CostPerRun!.Value, 1e-6);
        read.RatioP50.Should().BeApproximately(1.5, 1e-9);
        read.ExitCode.Should().Be(original.ExitCode).And.Be(1);
        read.Comparison!.Entities.Select(e => e.Name).Should().Equal(original.Comparison!.Entities.Select(e => e.Name));

        // No successful head run: NaN percentiles are written as "NaN" and read back as NaN.
        var none = BenchJsonReader.Read(BenchJson.Render(Sample(null, headAllFailed: true)), "result.json");
        double.IsNaN(none.Head.P50).Should().BeTrue();
        none.Head.CostPerRun.Should().BeNull();
        none.Comparison.Should().BeNull();
    }

    [Fact]
    public void A_file_that_is_not_a_bench_result_is_an_input_error_naming_it()
    {
        var act = () => BenchJsonReader.Read("""{"entities": [], "verdict": {}}""", "c.json");
        act.Should().Throw<Core.Diagnostics.InputException>().Where(e => e.Code == ReportErrors.BadResultJson && e.Message.Contains("c.json") && e.Message.Contains("dq bench run"));
    }

    [Fact]
    public void The_bench_section_shows_context_chart_runs_cost_ratios_and_escaped_stderr_and_counts_in_the_summary()
    {
        var model = RoundTrip(Sample(report.Model.Comparisons[0].Report));
        var bench = model.Benches.Should().ContainSingle().Subject;
        model.Comparisons.Should().ContainSingle().Which.Anchor.Should().Be(bench.ComparisonAnchor);
        model.Summary.Verdict.Should().Be(ReportVerdict.Failed);
        model.Summary.BenchesFailed.Should().Be(1);
        model.Summary.Findings.Should().Contain(f => f.Anchor == bench.Anchor && f.Detail.Contains("head run 2 exited 2"));

        var html = HtmlReport.Render(model);
        html.Should().Contain("<section id=\"bench\">").And.Contain($"id=\"{bench.Anchor}\"").And.Contain("href=\"#bench\"")
            .And.Contain("0123456789ab").And.Contain("ds=2026-02-11").And.Contain("make run DS={ds} &lt;fast&gt;")
            .And.Contain("<svg class=\"chart\"").And.Contain("class=\"b\"").And.Contain("class=\"h\"")
            .And.Contain("head / base: p50 <b>1.50×</b>")
            .And.Contain("0.0020") // base p50 2 s at 3.60 an hour
            .And.Contain("bench runs passed").And.Contain($"href=\"#{bench.ComparisonAnchor}\"").And.Contain($"id=\"{bench.ComparisonAnchor}\"");
        html.Should().Contain("&lt;/pre&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt;").And.NotContain(Hostile);
        html.Split("<tr data-status=").Should().HaveCount(7, "one row per run, warm-ups included");

        var md = MarkdownReport.Render(model, "report.html");
        md.Should().Contain("Bench: main → feature/x: head/base p50 1.50×").And.Contain($"(report.html#{bench.Anchor})").And.Contain("bench runs: 0 passed, 1 failed");
    }

    [Fact]
    public void A_branch_without_a_successful_run_shows_dashes_not_NaN_bars()
    {
        var html = HtmlReport.Render(RoundTrip(Sample(null, headAllFailed: true)));
        html.Should().Contain("head / base: p50 <b>-</b>").And.Contain("Not compared").And.NotContain("width=\"NaN\"");
    }

    [Fact]
    public async Task The_bench_chart_renders_real_boxes_in_the_browser()
    {
        using var dir = new TempDirectory();
        var file = dir.Combine("bench.html");
        await ReportWriter.WriteAsync(new FileInfo(file), RoundTrip(Sample(report.Model.Comparisons[0].Report)), TestContext.Current.CancellationToken);
        var blocked = new List<string>();
        var page = await browser.NewPageAsync(blocked);
        await page.GotoAsync(new Uri(file).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        var chart = page.Locator("#bench svg.chart").First;
        await chart.ScrollIntoViewIfNeededAsync();
        var bars = await chart.Locator("rect").EvaluateAllAsync<double[]>("rs => rs.map(r => { const b = r.getBoundingClientRect(); return b.width * b.height; })");
        bars.Should().HaveCount(4).And.OnlyContain(a => a > 0, "p50 and p95 of both branches are drawn");
        (await page.EvaluateAsync<bool>("() => window.__pwned === 1")).Should().BeFalse();
        await page.Locator($".filter[data-for^='runs-'] select").SelectOptionAsync("failed");
        (await page.Locator("[id^='runs-'] > [data-status]:visible").CountAsync()).Should().Be(1);
        blocked.Should().BeEmpty();
    }
}
