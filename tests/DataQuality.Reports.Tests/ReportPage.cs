using Microsoft.Playwright;

namespace DataQuality.Reports.Tests;

/// <summary>What a reader does to a loaded report: open its sections and scroll until every lazy chunk has rendered.</summary>
internal static class ReportPage
{
    /// <summary>Two animation frames: intersection callbacks of the last scroll have run and painted.</summary>
    public static Task NextFramesAsync(IPage page) =>
        page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");

    /// <summary>
    /// Opens the sections (<paramref name="selector"/> picks which details; all of them by default) and scrolls
    /// each remaining placeholder into view until none is left: the way a reader reaches every row, so the
    /// page's own script renders everything (nothing here renders markup itself).
    /// </summary>
    public static async Task ExpandAllAsync(IPage page, string selector = "details")
    {
        var lazy = page.Locator(".lazy");
        for (var i = 0; i < 2_000; i++)
        {
            await page.EvaluateAsync($"s => document.querySelectorAll(s).forEach(d => d.open = true)", selector);
            if (await lazy.CountAsync() == 0) break;
            await lazy.First.ScrollIntoViewIfNeededAsync();
            await NextFramesAsync(page);
        }
        (await lazy.CountAsync()).Should().Be(0, "scrolling past every placeholder renders it");
    }
}
