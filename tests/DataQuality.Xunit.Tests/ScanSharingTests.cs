using DataQuality.Xunit.Sdk;

namespace DataQuality.Xunit.Tests;

public sealed class ScanSharingTests : IDisposable
{
    private readonly OrdersData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task All_rows_of_one_dataset_share_one_planned_scan_even_when_run_concurrently()
    {
        var suite = _data.OrdersSuite();
        var target = new SuiteTarget(suite, "orders", OrdersData.Dataset);
        var rows = target.Rows().Select(r => (string)r.GetData()[0]!).ToList();
        var key = $"{Path.GetFullPath(suite)}|{target.ResolveLocation(OrdersData.Settings())}";
        DatasetRuns.ScansFor(key).Should().Be(0);

        // Every row, twice, concurrently: what xunit does with a theory's rows across a run.
        var runs = rows.Concat(rows).Select(i => Task.Run(async () =>
        {
            try { await target.AssertAsync(i, OrdersData.Settings()); return true; }
            catch (CheckFailedException) { return false; }
        }, TestContext.Current.CancellationToken));
        var outcomes = await Task.WhenAll(runs);

        outcomes.Count(passed => !passed).Should().Be(4, "amount and uniqueness fail, each run twice");
        DatasetRuns.ScansFor(key).Should().Be(1);
    }

    [Fact]
    public async Task Another_dataset_location_is_another_scan()
    {
        var suite = _data.OrdersSuite();
        var target = new SuiteTarget(suite, "orders", OrdersData.Dataset);
        var feb12 = new DataQualitySettings(null, new Dictionary<string, string> { ["ds"] = "2026-02-12" });

        await target.AssertAsync(0, OrdersData.Settings());
        await FluentActions.Awaiting(() => target.AssertAsync(0, feb12)).Should().ThrowAsync<CheckFailedException>("there is no 2026-02-12 partition");

        DatasetRuns.ScansFor($"{Path.GetFullPath(suite)}|{target.ResolveLocation(OrdersData.Settings())}").Should().Be(1);
        DatasetRuns.ScansFor($"{Path.GetFullPath(suite)}|{target.ResolveLocation(feb12)}").Should().Be(1);
    }
}
