using DataQuality.Core.Checks;
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
    public async Task Charts_render_as_svg_with_real_boxes_in_every_section()
    {
        var page = await OpenAsync();
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
        (await page.Locator("svg.chart").CountAsync()).Should().BeGreaterThan(report.Model.Profiles[0].Columns.Count - 1);
        _blocked.Should().BeEmpty("the report needs nothing from the network");
        await SaveScreenshotAsync(page, "report.png");
    }

    [Fact]
    public async Task Filtering_a_table_hides_the_rows_that_do_not_match()
    {
        var page = await OpenAsync();
        var section = report.Model.Validations[0];
        var rows = page.Locator($"#rows-{section.Anchor} > [data-status]");
        (await rows.CountAsync()).Should().Be(section.Checks.Count);
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

    private async Task SaveScreenshotAsync(IPage page, string name)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        new FileInfo(path).Length.Should().BeGreaterThan(10_000);
        output.WriteLine($"screenshot: {path}");
    }
}
