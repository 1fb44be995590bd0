using DataQuality.Core.Comparison;
using DataQuality.Core.Datasets;
using DataQuality.Core.Reporting;

namespace DataQuality.Xunit.Tests;

/// <summary>
/// The real thing: a main-vs-feature comparison of generated Parquet trees, approved against
/// the committed <c>ComparisonSnapshotTests.*.verified.*</c> files beside this source file.
/// </summary>
public sealed class ComparisonSnapshotTests
{
    private static async Task<ComparisonReport> CompareAsync()
    {
        using var folder = new TempFolder();
        using (var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 }))
        {
            void Write(string side, string relative, string select)
            {
                var path = folder.Combine(side, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                db.Execute($"COPY ({select}) TO {SqlText.Literal(path)} (FORMAT parquet)");
            }
            const string orders = "SELECT i::BIGINT AS order_id, 'c' || (i % 4) AS customer, round(i * 9.99, 2)::DOUBLE AS amount, CASE WHEN i % 5 = 0 THEN 'refunded' ELSE 'paid' END AS status FROM range(1, 101) t(i)";
            Write("main", "silver/orders/ds=2026-02-10/part-0.parquet", orders);
            Write("main", "silver/orders/ds=2026-02-11/part-0.parquet", orders.Replace("range(1, 101)", "range(101, 201)"));
            Write("main", "silver/customers/ds=2026-02-11/part-0.parquet", "SELECT 'c' || i AS customer_id, 'name ' || i AS name FROM range(0, 4) t(i)");
            File.Copy(folder.Combine("main", "silver/orders/ds=2026-02-10/part-0.parquet"), CreateDir(folder.Combine("feature", "silver/orders/ds=2026-02-10/part-0.parquet")));
            Write("feature", "silver/orders/ds=2026-02-11/part-0.parquet", $"""
                SELECT order_id, customer,
                       CASE WHEN order_id % 25 = 0 THEN amount * 1.1 WHEN order_id = 151 THEN amount + 0.004 ELSE amount END AS amount,
                       CASE WHEN order_id = 120 THEN NULL ELSE status END AS status
                FROM ({orders.Replace("range(1, 101)", "range(101, 203)")}) WHERE order_id <> 199
                """);
            Write("feature", "silver/customers/ds=2026-02-11/part-0.parquet", "SELECT 'c' || i AS customer_id, 'name ' || i AS name, i % 2 = 0 AS active FROM range(0, 4) t(i)");
            Write("feature", "gold/revenue/ds=2026-02-11/part-0.parquet", "SELECT 'paid' AS status, 1234.5::DOUBLE AS revenue");
        }
        File.WriteAllText(folder.Combine("main", "silver/orders/manifest.json"), """{"layer":"silver","entity":"orders","record_count":200,"model_versions":{"orders_clean":"1.4.0"},"run_id":"r-1"}""");
        File.WriteAllText(folder.Combine("feature", "silver/orders/manifest.json"), """{"layer":"silver","entity":"orders","record_count":201,"model_versions":{"orders_clean":"1.5.0"},"run_id":"r-2"}""");

        var options = new ComparisonOptions
        {
            Keys = new Dictionary<string, IReadOnlyList<string>> { ["orders"] = ["order_id"], ["customers"] = ["customer_id"] },
            AbsoluteTolerance = new Dictionary<string, double> { ["amount"] = 0.005 },
            Thresholds = new ComparisonThresholds { MaxChangedRows = 10, FailOnSchemaChange = true, MaxDriftPsi = 0.2 },
        };
        return await new TreeComparer(duckDb: new DuckDbOptions { Threads = 1 })
            .CompareAsync(folder.Combine("main"), folder.Combine("feature"), options, TestContext.Current.CancellationToken);
    }

    private static string CreateDir(string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        return file;
    }

    [Fact]
    public async Task Main_vs_feature_markdown() => await DataSnapshot.VerifyAsync(await CompareAsync(), new SnapshotSettings { LaunchDiffTool = false });

    [Fact]
    public async Task Main_vs_feature_json() =>
        await DataSnapshot.VerifyAsync(await CompareAsync(), new SnapshotSettings { ReportFormat = ReportFormat.Json, LaunchDiffTool = false });

    [Theory]
    [InlineData(ReportFormat.Text)]
    [InlineData(ReportFormat.Junit)]
    public async Task A_comparison_has_no_text_or_junit_snapshot(ReportFormat format)
    {
        var act = async () => await DataSnapshot.VerifyAsync(await CompareAsync(), new SnapshotSettings { ReportFormat = format, LaunchDiffTool = false });

        (await act.Should().ThrowAsync<ArgumentOutOfRangeException>()).WithMessage($"*Markdown or Json, not {format}*");
    }
}
