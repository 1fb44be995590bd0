using DataQuality.Core.Checks;
using DataQuality.Core.Datasets;
using DataQuality.Core.Expectations;
using DataQuality.Core.History;
using DataQuality.Core.Storage;
using DataQuality.Core.Tests.TestSupport;
using DataQuality.Core.Tests.TestSupport.S3rver;
using static DataQuality.Core.Tests.History.HistoryTestData;

namespace DataQuality.Core.Tests.History;

/// <summary>History under an S3 prefix (s3rver on loopback): one object per run, read back in time order.</summary>
public sealed class S3HistoryStoreTests(S3rverFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Runs_on_s3_catch_a_drop_and_concurrent_writers_lose_nothing()
    {
        var server = await fixture.GetServerAsync();
        var bucket = await server.CreateBucketAsync("history", Ct);
        using var dir = new TempDirectory();
        using var store = MetricHistoryStores.Open($"s3://{bucket}/dq/history", server.Options(dir.Combine("cache")));
        store.Should().BeOfType<ObjectStoreHistoryStore>();
        var suite = new ExpectationSuite("orders", [E("dq_metric_within_history", new { metric = "row_count", max_decrease_percent = 10 })]);
        var validator = new DatasetValidator(DatasetResolver.LocalOnly, new DuckDbOptions { Threads = 1 });
        var data = dir.Combine("orders.parquet");

        var statuses = new List<CheckStatus>();
        foreach (var rows in new[] { 100, 98, 50 })
        {
            WriteOrders(data, rows);
            statuses.Add((await validator.ValidateAsync(suite, DatasetRef.Parse(data), null, new HistoryTarget(store, "orders"), Ct)).Results[0].Status);
        }
        statuses.Should().Equal(CheckStatus.Passed, CheckStatus.Passed, CheckStatus.Failed);

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => store.AppendAsync(
            new HistoryRun(HistoryRun.NewRunId(DateTime.UtcNow), DateTime.UtcNow, "suite", "s", "orders",
                [new HistoryCheck("row_count", "t", null, System.Text.Json.Nodes.JsonValue.Create(1000 + i), null, null, "passed")]), Ct)));

        var runs = await store.ReadAsync("orders", Ct);
        runs.Should().HaveCount(15);
        runs.Take(3).Select(r => r.Checks[0].Number).Should().Equal(100, 98, 50);
        runs.Skip(3).Select(r => (int)r.Checks[0].Number!.Value).Should().BeEquivalentTo(Enumerable.Range(1000, 12));
        runs.Select(r => r.TimeUtc).Should().BeInAscendingOrder();

        using var s3 = S3ObjectStore.Create(server.Options(dir.Combine("cache")));
        var keys = new List<string>();
        await foreach (var o in s3.ListAsync(StorageUri.S3(bucket, "dq/history/"), Ct)) keys.Add(o.Uri.Key);
        keys.Should().HaveCount(15).And.OnlyContain(k => k.StartsWith($"dq/history/{DatasetSlug.For("orders")}/") && k.EndsWith(".jsonl"));
    }
}
