using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DataQuality.Core.Checks;
using DataQuality.Core.Datasets;
using DataQuality.Core.Expectations;
using DataQuality.Core.Profiling;
using DataQuality.Reports.Html;
using DataQuality.Reports.Model;
using Microsoft.Playwright;

namespace DataQuality.Benchmarks;

/// <summary>
/// The HTML report at the size where Great Expectations' Data Docs freeze: 3,000 validation results
/// (10 datasets, 6% failing with 20 sample rows each, 2% warned, 1% errored) and a real profile of
/// 200 columns, rendered, written and loaded from a file: URL in headless Debian chromium with the
/// network blocked. Reports the render time, file size, and the page's load event and first
/// (contentful) paint from the Navigation and Paint Timing APIs (median of 5 fresh pages).
/// </summary>
public sealed class ReportBenchmark : IBenchmark
{
    public string Name => "report";

    public string Description => "HTML report with 3,000 validation results and 200 profiled columns: render, size, load event and first paint in headless chromium";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var checks = (int)Math.Max(300, 3000 * context.Scale);
        var columns = (int)Math.Max(20, 200 * context.Scale);
        var dir = Path.Combine(context.WorkDirectory, "report-bench");
        Directory.CreateDirectory(dir);
        var inputs = new ReportInputs();
        inputs.Validations.AddRange(Validations(checks));
        inputs.Profiles.Add(("wide", await WideProfileAsync(dir, columns, cancellationToken)));

        var file = new FileInfo(Path.Combine(dir, "report.html"));
        await context.MeasureAsync($"build model + render + write ({checks} checks, {columns} columns)",
            () => ReportWriter.WriteAsync(file, ReportBuilder.Build(inputs), cancellationToken));
        file.Refresh();
        context.Line(string.Create(CultureInfo.InvariantCulture, $"  file size {file.Length / 1024.0 / 1024.0:F2} MiB ({file.Length:N0} bytes)"));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var loads = new List<double>();
        var paints = new List<double>();
        var contentful = new List<double>();
        var wall = new List<double>();
        var screens = new List<double>();
        for (var i = 0; i < 6; i++)
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            var blocked = 0;
            await page.RouteAsync("**/*", route => route.Request.Url.StartsWith("file:", StringComparison.Ordinal) ? route.ContinueAsync() : Count(route, ref blocked));
            var sw = Stopwatch.StartNew();
            await page.GotoAsync(new Uri(file.FullName).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            var elapsed = sw.Elapsed.TotalMilliseconds;
            // Rows near the window are rendered by the page's script in the frames after load: two animation
            // frames after this evaluation started bound when the first screen was complete (an upper bound: it
            // includes Playwright's round trip).
            var screen = await page.EvaluateAsync<double>("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now()))))");
            var t = await page.EvaluateAsync<double[]>("""
                () => {
                  const nav = performance.getEntriesByType('navigation')[0];
                  const paint = name => (performance.getEntriesByName(name)[0] || { startTime: -1 }).startTime;
                  return [nav.loadEventEnd, paint('first-paint'), paint('first-contentful-paint')];
                }
                """);
            var counts = await page.EvaluateAsync<int[]>("""
                () => [document.querySelectorAll('.row[data-status]').length,
                       [...document.querySelectorAll('.rows > .lazy')].reduce((n, l) => n + +l.dataset.n, 0)]
                """);
            var (rendered, pending) = (counts[0], counts[1]);
            await page.CloseAsync();
            if (rendered + pending != checks) throw new InvalidOperationException($"the page holds {rendered} rendered and {pending} pending check rows, expected {checks}");
            if (i == 1) context.Line(string.Create(CultureInfo.InvariantCulture, $"  rows rendered on the first screen: {rendered} of {checks}"));
            if (blocked > 0) throw new InvalidOperationException($"the page made {blocked} network request(s)");
            if (i == 0) continue; // the first load warms chromium's caches
            wall.Add(elapsed); loads.Add(t[0]); paints.Add(t[1]); contentful.Add(t[2]); screens.Add(screen);
        }
        context.Line(string.Create(CultureInfo.InvariantCulture,
            $"  load event {Median(loads):F0} ms, first paint {Median(paints):F0} ms, first contentful paint {Median(contentful):F0} ms, first screen rendered by {Median(screens):F0} ms, goto→load wall {Median(wall):F0} ms (median of {loads.Count}; max load {loads.Max():F0} ms)"));
    }

    private static Task Count(IRoute route, ref int blocked)
    {
        blocked++;
        return route.AbortAsync("blockedbyclient");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static List<(string, ValidationReport)> Validations(int checks)
    {
        var reports = new List<(string, ValidationReport)>();
        var perDataset = checks / 10;
        for (var d = 0; d < 10; d++)
        {
            var results = new List<ExpectationResult>();
            for (var i = 0; i < perDataset; i++)
            {
                var n = d * perDataset + i;
                var status = (n % 100) switch { < 6 => CheckStatus.Failed, < 8 => CheckStatus.Warned, 8 => CheckStatus.Error, _ => CheckStatus.Passed };
                var config = new ExpectationConfig("expect_column_values_to_be_between",
                    new JsonObject { ["column"] = $"metric_{i:000}", ["min_value"] = 0, ["max_value"] = 1000 },
                    status == CheckStatus.Warned ? Severity.Warn : Severity.Error, null, new Core.Diagnostics.SourceLocation($"expectations/dataset_{d}.yaml", 4 + 3 * i, 5));
                if (status == CheckStatus.Error)
                {
                    results.Add(ExpectationResult.FromError(config, "DQ2003", $"column 'metric_{i:000}' not found"));
                    continue;
                }
                var failing = status is CheckStatus.Failed or CheckStatus.Warned;
                var sample = failing ? new JsonArray(Enumerable.Range(0, 20).Select(k => (JsonNode)new JsonObject { ["order_id"] = n * 1000 + k, [$"metric_{i:000}"] = 1000 + k * 7.5 }).ToArray()) : null;
                results.Add(new ExpectationResult
                {
                    Expectation = config,
                    Success = !failing,
                    Status = status,
                    Result = new ResultDetails
                    {
                        ElementCount = 1_000_000,
                        UnexpectedCount = failing ? 20 + n : 0,
                        UnexpectedPercent = failing ? (20 + n) / 10_000.0 : 0,
                        PartialUnexpectedList = failing ? new JsonArray(Enumerable.Range(0, 20).Select(k => (JsonNode)JsonValue.Create(1000 + k * 7.5)).ToArray()) : null,
                        PartialUnexpectedIndexList = sample,
                    },
                });
            }
            reports.Add(($"results/dataset_{d}.json", new ValidationReport($"suite_{d}", $"warehouse/silver/dataset_{d}", results)));
        }
        return reports;
    }

    /// <summary>A real profile: 20,000 rows of 200 columns (integers, doubles, strings, dates, timestamps) written by DuckDB, profiled by the profiler.</summary>
    private static async Task<DatasetProfile> WideProfileAsync(string dir, int columns, CancellationToken ct)
    {
        var path = Path.Combine(dir, $"wide-{columns}.parquet");
        if (!File.Exists(path))
        {
            var select = new StringBuilder("SELECT i::BIGINT AS id");
            for (var c = 1; c < columns; c++)
            {
                select.Append(", ").Append((c % 5) switch
                {
                    0 => $"(i * {c} % 997)::INTEGER",
                    1 => $"(random() * {c} * 10)::DOUBLE",
                    2 => $"'v' || (i % {3 + c})",
                    3 => $"DATE '2026-01-01' + (i % {10 + c})::INTEGER",
                    _ => $"TIMESTAMP '2026-01-01' + to_seconds(i * {c})",
                }).Append($" AS col_{c:000}");
            }
            using var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });
            db.Execute($"COPY ({select} FROM range(0, 20000) t(i)) TO {SqlText.Literal(path)} (FORMAT parquet)");
        }
        return await ParquetProfiler.ProfileAsync([path], cancellationToken: ct);
    }
}
