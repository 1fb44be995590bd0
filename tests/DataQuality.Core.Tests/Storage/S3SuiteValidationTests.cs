using System.Text.Json.Nodes;
using DataQuality.Core.Checks;
using DataQuality.Core.Datasets;
using DataQuality.Core.Expectations;
using DataQuality.Core.Storage;
using DataQuality.Core.Tests.TestSupport;
using DataQuality.Core.Tests.TestSupport.S3rver;

namespace DataQuality.Core.Tests.Storage;

/// <summary>The expectation engine validates s3:// data exactly as it validates local files.</summary>
public sealed class S3SuiteValidationTests(S3rverFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ExpectationConfig E(string type, object kwargs) =>
        new(type, JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(kwargs))!.AsObject());

    [Fact]
    public async Task Suite_on_an_s3_hive_tree_gives_the_same_results_as_on_the_local_copy()
    {
        var server = await fixture.GetServerAsync();
        var bucket = await server.CreateBucketAsync("suite", Ct);
        using var dir = new TempDirectory();
        using (var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 }))
        {
            foreach (var ds in new[] { "2026-02-10", "2026-02-11" })
            {
                Directory.CreateDirectory(dir.Combine("local", $"ds={ds}"));
                var offset = ds.EndsWith("10") ? 0 : 50;
                db.Execute($"COPY (SELECT i + {offset} AS order_id, CASE WHEN i = 7 THEN NULL ELSE (i + {offset}) * 1.5 END AS amount FROM range(1, 51) r(i)) " +
                           $"TO {SqlText.Literal(dir.Combine("local", $"ds={ds}", "part-0.parquet"))} (FORMAT parquet)");
            }
        }
        var options = server.Options(dir.Combine("cache"));
        using var store = S3ObjectStore.Create(options);
        await StorageOperations.SyncAsync(LocalObjectStore.Instance, StorageUri.Local(dir.Combine("local")), store, StorageUri.S3(bucket, "orders/"), cancellationToken: Ct);
        var suite = new ExpectationSuite("orders", [
            E("expect_table_row_count_to_be_between", new { min_value = 100, max_value = 100 }),
            E("expect_column_values_to_be_unique", new { column = "order_id" }),
            E("expect_column_values_to_not_be_null", new { column = "amount" }),
            E("expect_column_values_to_be_in_set", new { column = "ds", value_set = new[] { "2026-02-10", "2026-02-11" } }),
        ]);

        var (resolver, fetcher) = StorageFactory.CreateResolver(options);
        using var _ = fetcher;
        var remote = await new DatasetValidator(resolver, new DuckDbOptions { Threads = 1 }).ValidateAsync(suite, DatasetRef.Parse($"s3://{bucket}/orders/"), cancellationToken: Ct);
        var local = await new DatasetValidator(DatasetResolver.LocalOnly, new DuckDbOptions { Threads = 1 }).ValidateAsync(suite, DatasetRef.Parse(dir.Combine("local")), cancellationToken: Ct);

        remote.Results.Select(r => r.Status).Should().Equal(CheckStatus.Passed, CheckStatus.Passed, CheckStatus.Failed, CheckStatus.Passed);
        remote.Results[2].Result.UnexpectedCount.Should().Be(2, "amount is null once per partition");
        remote.Results.Select(r => (r.Status, r.Result.UnexpectedCount)).Should().Equal(local.Results.Select(r => (r.Status, r.Result.UnexpectedCount)));
    }
}
