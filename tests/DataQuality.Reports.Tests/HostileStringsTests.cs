using DataQuality.Core.Tests.TestSupport;
using DataQuality.Reports.Html;
using Microsoft.Playwright;

namespace DataQuality.Reports.Tests;

/// <summary>Names and values written to break the page (markup, quotes, SVG terminators, RTL overrides, emoji, very long) stay text.</summary>
public sealed class HostileStringsTests(Browser browser)
{
    [Fact]
    public async Task Hostile_names_and_values_are_shown_as_text_and_nothing_runs()
    {
        using var dir = new TempDirectory();
        var model = await ReportSamples.BuildAsync(dir, ReportSamples.Hostile, TestContext.Current.CancellationToken);
        var file = dir.Combine("hostile.html");
        await ReportWriter.WriteAsync(new FileInfo(file), model, TestContext.Current.CancellationToken);

        var blocked = new List<string>();
        var console = new List<string>();
        var page = await browser.NewPageAsync(blocked);
        page.Console += (_, m) => console.Add($"{m.Type}: {m.Text}");
        page.PageError += (_, e) => console.Add($"pageerror: {e}");
        await page.GotoAsync(new Uri(file).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        // Render every lazy chunk, then hover and open everything an attribute injection could hook.
        await ReportPage.ExpandAllAsync(page);
        await page.Mouse.MoveAsync(300, 300);

        (await page.EvaluateAsync<bool>("() => window.__pwned === undefined")).Should().BeTrue("no injected script or handler ran");
        console.Should().BeEmpty();
        blocked.Should().BeEmpty();
        (await page.Locator("script:not([type])").CountAsync()).Should().Be(1, "the page's own script is the only one");
        (await page.Locator($"script:not([type='{HtmlReport.LazyBlockType}'])").CountAsync()).Should().Be(1, "the rest are data blocks, which never run");
        (await page.Locator("img").CountAsync()).Should().Be(0);
        (await page.Locator("svg.chart").CountAsync()).Should().BeGreaterThan(3, "the charts still render");

        var text = await page.EvaluateAsync<string>("() => document.body.innerText");
        text.Should().Contain("<script>window.__pwned=1</script>").And.Contain("📦").And.Contain("مرحبا");
        // Very long names are cut, and nothing pushes the page wider than the window.
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth")).Should().BeLessThanOrEqualTo(0);
    }

    [Fact]
    public void Every_hostile_string_is_escaped_in_the_html_source()
    {
        foreach (var s in ReportSamples.HostileStrings)
        {
            HtmlText.Escape(s).Should().NotContainAny("<", ">", "\"", "'");
            var shown = HtmlText.Show(s);
            shown.Should().NotContain("<script").And.NotContain("</svg").And.NotContain("onerror=\"");
            HtmlText.DataBlock(shown).Should().Be(shown, "escaped text never needs the data-block guard");
        }
        // Markup in a lazy data block can neither end the block nor switch the tokenizer into its escaped states.
        foreach (var breaker in new[] { "</script>", "</SCRIPT >", "<!--<script>", "<script>" })
        {
            var guarded = HtmlText.DataBlock($"<p>{breaker}</p>");
            guarded.Should().NotContainEquivalentOf("</script").And.NotContain("<!--").And.NotContainEquivalentOf("<script");
            guarded.Should().StartWith("<p>").And.EndWith("</p>");
        }
    }
}
