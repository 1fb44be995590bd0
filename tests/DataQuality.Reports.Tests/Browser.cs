using System.Diagnostics;
using Microsoft.Playwright;

namespace DataQuality.Reports.Tests;

/// <summary>
/// One headless Debian chromium for the whole test run, driven by Playwright. Installed with apt-get
/// when missing (as .ci/run does). Every page blocks the network: a route fails each request that is
/// not a file: URL and records it, so a test can assert the report asked for nothing.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Instance { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath)) InstallChromium();
        _playwright = await Playwright.CreateAsync();
        Instance = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh page with the network blocked; <paramref name="blocked"/> collects every refused URL; <paramref name="scale"/> is device pixels per CSS pixel (screenshots).</summary>
    public async Task<IPage> NewPageAsync(List<string> blocked, int width = 1280, int height = 900, float scale = 1)
    {
        var page = await Instance.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, DeviceScaleFactor = scale });
        await page.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith("file:", StringComparison.Ordinal)) { await route.ContinueAsync(); return; }
            lock (blocked) blocked.Add(route.Request.Url);
            await route.AbortAsync("blockedbyclient");
        });
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (Instance is not null) await Instance.CloseAsync();
        _playwright?.Dispose();
    }

    private static void InstallChromium()
    {
        foreach (var args in new[] { "update -qq", "install -y -qq chromium" })
        {
            using var p = Process.Start(new ProcessStartInfo("apt-get", args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            p.StandardOutput.ReadToEnd();
            p.StandardError.ReadToEnd();
            p.WaitForExit();
        }
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing and 'apt-get install -y chromium' did not provide it; install Debian's chromium to run the report tests.");
    }
}
