using DataQuality.Core.Checks;
using DataQuality.Core.Tests.TestSupport;
using DataQuality.Reports.Html;
using DataQuality.Reports.Model;
using Microsoft.Playwright;

namespace DataQuality.Reports.Tests;

/// <summary>The HTML report in a real headless chromium, loaded from a file: URL with the network blocked.</summary>
public sealed class ReportBrowserTests(Browser browser, PlainReport report, ITestOutputHelper output)
{
    private readonly List<string> _blocked = [];

    private async Task<IPage> OpenAsync(string hash = "")
    {
        var page = await browser.NewPageAsync(_blocked);
        await page.GotoAsync(report.Url + hash, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        return page;
    }

    [Fact]
    public async Task Charts_render_as_svg_with_real_boxes_in_every_section_once_expanded()
    {
        var page = await OpenAsync();
        var profile = report.Model.Profiles[0];
        await ReportPage.ExpandAllAsync(page, "section > details, details.block");
        foreach (var selector in new[] { "#profile svg.chart", "#comparison svg.chart:not(.overlay)", "#comparison svg.overlay" })
        {
            var chart = page.Locator(selector).First;
            await chart.ScrollIntoViewIfNeededAsync();
            var box = await chart.BoundingBoxAsync();
            box.Should().NotBeNull(selector);
            box!.Width.Should().BeGreaterThan(50, selector);
            box.Height.Should().BeGreaterThan(20, selector);
            var bars = await chart.Locator("rect").EvaluateAllAsync<double[]>("rs => rs.map(r => { const b = r.getBoundingClientRect(); return b.width * b.height; })");
            bars.Should().Contain(a => a > 0, $"{selector} draws at least one visible bar");
        }
        (await page.Locator("#profile svg.chart").CountAsync()).Should().Be(profile.Columns.Count(c => c.Column.Histogram is { Count: > 0 } || c.Column.TopValues.Count > 0));
        _blocked.Should().BeEmpty("the report needs nothing from the network");
        await SaveScreenshotAsync(page, "report.png");
    }

    [Fact]
    public async Task A_large_report_renders_only_what_is_near_the_window_and_the_rest_on_scroll_filter_or_link()
    {
        // 40 datasets of the plain report's checks (far more rows than one window holds), then the profile.
        var inputs = new ReportInputs();
        for (var i = 0; i < 40; i++) inputs.Validations.Add(($"results/{i}.json", report.Model.Validations[0].Report));
        inputs.Profiles.Add((report.Model.Profiles[0].Name, report.Model.Profiles[0].Profile));
        var model = ReportBuilder.Build(inputs);
        using var dir = new TempDirectory();
        var file = dir.Combine("large.html");
        await ReportWriter.WriteAsync(new FileInfo(file), model, TestContext.Current.CancellationToken);
        var total = model.Validations.Sum(v => v.Checks.Count);

        var page = await browser.NewPageAsync(_blocked);
        await page.GotoAsync(new Uri(file).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        var rendered = page.Locator(".row[data-status]");
        await ReportPage.NextFramesAsync(page);
        // The summary lists 200 findings: the first dataset starts below the window, so at load no row is rendered.
        (await rendered.CountAsync()).Should().Be(0, "nothing below the window is rendered at load");
        (await page.Locator("svg.chart").CountAsync()).Should().Be(0, "nor the profile's charts at the end of the page");
        (await page.Locator(".lazy").CountAsync()).Should().Be(40 + (report.Model.Profiles[0].Columns.Count + 5) / 6);

        // Scrolling to the validation renders the rows near the window, not the rest.
        await page.Locator("#validation").ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(rendered.First).ToBeAttachedAsync();
        await ReportPage.NextFramesAsync(page);
        var near = await rendered.CountAsync();
        near.Should().BeGreaterThan(0).And.BeLessThan(total / 2, "only the rows near the window are rendered");

        // Scrolling to the end renders the charts there.
        await page.EvaluateAsync("() => window.scrollTo(0, document.body.scrollHeight)");
        await Assertions.Expect(page.Locator("#profile svg.chart").First).ToBeVisibleAsync();

        // A filter searches its whole list, rendered or not.
        var middle = model.Validations[20];
        await page.Locator($".filter[data-for='rows-{middle.Anchor}'] select").SelectOptionAsync("passed");
        (await page.Locator($"#rows-{middle.Anchor} > [data-status]:visible").CountAsync()).Should().Be(middle.Checks.Count(c => c.Status == CheckStatus.Passed));
        (await page.Locator($".filter[data-for='rows-{middle.Anchor}'] .count").TextContentAsync()).Should().Be($"{middle.Checks.Count(c => c.Status == CheckStatus.Passed)} of {middle.Checks.Count}");

        // A deep link into a chunk nobody has rendered yet renders it and scrolls there.
        var fresh = await browser.NewPageAsync(_blocked);
        var target = model.Validations[33].Checks[^1];
        await fresh.GotoAsync(new Uri(file).AbsoluteUri + "#" + target.Anchor, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        await AssertInViewAsync(fresh, target.Anchor);
        _blocked.Should().BeEmpty();
    }

    [Fact]
    public async Task Screenshot_of_the_report_with_its_sections_open_shows_the_charts()
    {
        // DQ_REPORT_SCREENSHOT_OF=<report.html> DQ_REPORT_SCREENSHOT_TO=<png> takes the picture of another report
        // (docs/refresh-report-png.sh: dq demo's report.html into docs/report.png); by default the test report with a bench run.
        var of = Environment.GetEnvironmentVariable("DQ_REPORT_SCREENSHOT_OF");
        using var dir = new TempDirectory();
        if (string.IsNullOrEmpty(of))
        {
            of = dir.Combine("with-bench.html");
            var inputs = new ReportInputs();
            inputs.Validations.AddRange(report.Model.Validations.Select(v => (v.Source, v.Report)));
            inputs.Profiles.AddRange(report.Model.Profiles.Select(p => (p.Name, p.Profile)));
            inputs.Benches.Add(("bench/result.json", BenchReportTests.Sample(report.Model.Comparisons[0].Report)));
            await ReportWriter.WriteAsync(new FileInfo(of), ReportBuilder.Build(inputs, "main vs feature"), TestContext.Current.CancellationToken);
        }
        var page = await browser.NewPageAsync(_blocked, width: 1280, height: 1000, scale: 0.75f);
        await page.GotoAsync(new Uri(Path.GetFullPath(of)).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        await ReportPage.ExpandAllAsync(page, "section > details, details.block");
        // A picture of the charts, not of every row: check tables, all but the first profile and comparison, and
        // all but the entity with the most drift charts fold away (the summary above still lists the failures).
        await page.EvaluateAsync("""
            () => {
              document.querySelectorAll('#validation > details, #profile > details ~ details, #comparison > details ~ details').forEach(d => d.open = false);
              const entities = [...document.querySelectorAll('#comparison > details:first-of-type details.block')];
              const most = entities.reduce((a, d) => d.querySelectorAll('svg.overlay').length > (a ? a.querySelectorAll('svg.overlay').length : 0) ? d : a, null);
              entities.forEach(d => d.open = d === most);
            }
            """);
        foreach (var section in new[] { "#profile", "#comparison", "#bench" })
        {
            var areas = await page.Locator($"{section} svg.chart rect").EvaluateAllAsync<double[]>("rs => rs.map(r => { const b = r.getBoundingClientRect(); return b.width * b.height; })");
            areas.Should().Contain(a => a > 0, $"{section} has charts with visible bars");
        }
        // The top 4,500 CSS px at 0.75 device pixels each (summary, profile, bench, the first comparison's bars and drift) keep the PNG under ~500 KB.
        var path = await SaveScreenshotAsync(page, "report-full.png", fullPage: true, maxHeight: 4500);
        if (Environment.GetEnvironmentVariable("DQ_REPORT_SCREENSHOT_TO") is { Length: > 0 } to) File.Copy(path, to, overwrite: true);
        _blocked.Should().BeEmpty();
    }

    [Fact]
    public async Task Filtering_a_table_hides_the_rows_that_do_not_match()
    {
        var page = await OpenAsync();
        var section = report.Model.Validations[0];
        var rows = page.Locator($"#rows-{section.Anchor} > [data-status]");
        await Assertions.Expect(rows).ToHaveCountAsync(section.Checks.Count);
        var failed = section.Checks.Count(c => c.Status == CheckStatus.Failed);
        failed.Should().BeGreaterThan(0).And.BeLessThan(section.Checks.Count);

        await page.Locator($".filter[data-for='rows-{section.Anchor}'] select").SelectOptionAsync("failed");
        (await page.Locator($"#rows-{section.Anchor} > [data-status]:visible").CountAsync()).Should().Be(failed);
        (await page.Locator($"#rows-{section.Anchor} > [data-status='passed']:visible").CountAsync()).Should().Be(0);

        await page.Locator($".filter[data-for='rows-{section.Anchor}'] select").SelectOptionAsync("");
        await page.Locator($".filter[data-for='rows-{section.Anchor}'] input").FillAsync("unique");
        (await page.Locator($"#rows-{section.Anchor} > [data-status]:visible").CountAsync()).Should().Be(1);
        (await page.Locator($".filter[data-for='rows-{section.Anchor}'] .count").TextContentAsync()).Should().Be($"1 of {section.Checks.Count}");
    }

    [Fact]
    public async Task A_finding_link_and_a_deep_link_scroll_to_their_check()
    {
        var page = await OpenAsync();
        var finding = report.Model.Summary.Findings.Last(f => f.Status == CheckStatus.Failed && f.Anchor.StartsWith("check-", StringComparison.Ordinal));
        await page.Locator($"#summary a[href='#{finding.Anchor}']").ClickAsync();
        await AssertInViewAsync(page, finding.Anchor);

        // A deep link from a pull-request comment opens the collapsed section around its target.
        var deep = await OpenAsync();
        var last = report.Model.Validations[0].Checks[^1];
        await deep.EvaluateAsync($"() => document.getElementById('{report.Model.Validations[0].Anchor}').open = false");
        await deep.EvaluateAsync($"() => location.hash = '#{last.Anchor}'");
        await AssertInViewAsync(deep, last.Anchor);
        (await deep.EvaluateAsync<bool>($"() => document.getElementById('{report.Model.Validations[0].Anchor}').open")).Should().BeTrue();
    }

    private static async Task AssertInViewAsync(IPage page, string id)
    {
        var inView = $"() => {{ const r = document.getElementById('{id}').getBoundingClientRect(); return r.height > 0 && r.top >= -1 && r.top < window.innerHeight; }}";
        for (var i = 0; i < 50 && !await page.EvaluateAsync<bool>(inView); i++) await Task.Delay(100);
        var where = await page.EvaluateAsync<string>($"() => {{ const r = document.getElementById('{id}').getBoundingClientRect(); return `top ${{r.top}} height ${{r.height}} scrollY ${{window.scrollY}} hash ${{location.hash}}`; }}");
        (await page.EvaluateAsync<bool>(inView)).Should().BeTrue($"#{id} is scrolled into the window ({where})");
        var top = await page.EvaluateAsync<double>($"() => document.getElementById('{id}').getBoundingClientRect().top");
        var scrolled = await page.EvaluateAsync<double>("() => window.scrollY");
        top.Should().BeLessThan(200, "the check is at the top of the window");
        scrolled.Should().BeGreaterThan(0, "the page scrolled to it");
    }

    private async Task<string> SaveScreenshotAsync(IPage page, string name, bool fullPage = false, int? maxHeight = null)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await ReportPage.NextFramesAsync(page);
        var options = new PageScreenshotOptions { Path = path, FullPage = fullPage };
        if (maxHeight is { } most)
        {
            var size = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]");
            options.Clip = new Clip { X = 0, Y = 0, Width = size[0], Height = Math.Min(size[1], most) };
        }
        await page.ScreenshotAsync(options);
        new FileInfo(path).Length.Should().BeGreaterThan(10_000);
        output.WriteLine($"screenshot: {path}");
        return path;
    }
}
