using System.Text.Json;
using DataQuality.Core.Comparison;
using DataQuality.Core.Snapshots;
using DataQuality.Core.Tests.Comparison;

namespace DataQuality.Core.Tests.Snapshots;

public sealed class ComparisonRenderingTests
{
    private const string Part = "silver/orders/ds=2026-01-01/part-0.parquet";

    private static async Task<ComparisonReport> CompareAsync()
    {
        using var f = new ComparisonFixture();
        f.Base.Write(Part, ComparisonFixture.Orders);
        f.Head.Write(Part, ComparisonFixture.ChangedOrders);
        return await f.CompareAsync(ComparisonFixture.Keyed("orders", "id") with { AbsoluteTolerance = new Dictionary<string, double> { ["amount"] = 0.01 } });
    }

    [Fact]
    public async Task Markdown_is_identical_for_the_same_data_in_different_directories()
    {
        var first = ComparisonMarkdown.Render(await CompareAsync());
        var second = ComparisonMarkdown.Render(await CompareAsync());

        first.Should().Be(second);
        first.Should().NotContain(Path.GetTempPath().TrimEnd('/')).And.Contain("- base: `{base}`");
        first.Should().Contain("| silver/orders | both | 10 | 10 | 0 | 0.00% | 1 | 1 | 3 | 6 | 0 |");
        first.Should().Contain("| added | 1 | 9.09% |").And.Contain("| changed | 3 | 27.27% |");
        first.Should().Contain("| amount | 1 | 0 | 0 | 5 | abs 0.01 | 1 |");
        first.Should().Contain("| `4` | amount | `6.0` | `11.0` |");
        first.Should().Contain("| `5` | name | `n5` | null |");
        first.Should().EndWith("\n").And.NotEndWith("\n\n").And.NotContain("\r");
    }

    [Fact]
    public async Task Json_is_strict_deterministic_and_writes_zeros()
    {
        var report = await CompareAsync();
        var json = ComparisonJson.Render(report);

        json.Should().Be(ComparisonJson.Render(report));
        using var doc = JsonDocument.Parse(json);
        var rows = doc.RootElement.GetProperty("entities")[0].GetProperty("rows");
        rows.GetProperty("changed").GetProperty("rows").GetInt64().Should().Be(3);
        rows.GetProperty("changed").GetProperty("percent").GetDouble().Should().Be(27.27);
        rows.GetProperty("baseKeys").GetProperty("nullKeyRows").GetInt64().Should().Be(0);
        doc.RootElement.GetProperty("base").GetString().Should().Be("{base}");
        doc.RootElement.GetProperty("verdict").GetProperty("exitCode").GetInt32().Should().Be(0);
    }

    [Fact]
    public async Task Samples_are_bounded_by_the_render_options()
    {
        var md = ComparisonMarkdown.Render(await CompareAsync(), new SnapshotRenderOptions { MaxSamples = 1 });

        md.Should().Contain("Changed (1 of 3, by key):").And.Contain("| `2` | name |").And.NotContain("| `4` | amount |");
    }

    [Fact]
    public async Task Snapshots_scrub_only_the_printed_roots_never_names_or_values()
    {
        var report = await CompareAsync();
        var markdown = ComparisonMarkdown.Render(report);
        var json = ComparisonJson.Render(report);

        // Roots that are also common text ("b", "h", "main" inside "domain") scrub only as paths.
        foreach (var (b, h) in new[] { ("b", "h"), ("main", "n") })
        {
            var renamed = report with { BaseRoot = b, HeadRoot = h };
            ComparisonMarkdown.Render(renamed).Should().Be(markdown);
            ComparisonJson.Render(renamed).Should().Be(json);
        }
        markdown.Should().Contain("| `2` | name | `n2` | `renamed` |");
    }

    [Fact]
    public async Task Snapshot_values_keep_their_timestamps_and_reports_keep_their_paths()
    {
        using var f = new ComparisonFixture();
        f.Base.Write(Part, "SELECT 1::BIGINT AS id, TIMESTAMP '2026-01-01 10:00:00' AS loaded_at");
        f.Head.Write(Part, "SELECT 1::BIGINT AS id, TIMESTAMP '2026-01-02 11:30:00' AS loaded_at");
        var report = await f.CompareAsync(ComparisonFixture.Keyed("orders", "id"));

        ComparisonMarkdown.Render(report).Should().Contain("| `1` | loaded_at | `2026-01-01 10:00:00` | `2026-01-02 11:30:00` |")
            .And.Contain("- base: `{base}`");
        ComparisonMarkdown.Render(report, SnapshotRenderOptions.Report).Should().Contain($"- base: `{report.BaseRoot}`").And.NotContain("{base}");
        using var doc = JsonDocument.Parse(ComparisonJson.Render(report, SnapshotRenderOptions.Report));
        doc.RootElement.GetProperty("head").GetString().Should().Be(report.HeadRoot);
    }
}
