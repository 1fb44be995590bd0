using DataQuality.Core.Datasets;
using DataQuality.Core.Storage;
using DataQuality.Core.Tests.TestSupport;
using DataQuality.Core.Tests.TestSupport.S3rver;

namespace DataQuality.Xunit.Tests;

/// <summary>Hand-written assertions on an s3:// dataset, against the s3rver test server on loopback.</summary>
public sealed class S3AssertionTests(S3rverFixture fixture) : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Assertions_read_s3_datasets_through_the_fetcher()
    {
        var ct = TestContext.Current.CancellationToken;
        var server = await fixture.GetServerAsync();
        var bucket = await server.CreateBucketAsync("xunit", ct);
        using var store = S3ObjectStore.Create(server.Options());
        var local = _dir.Combine("part-0.parquet");
        using (var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 }))
            db.Execute($"COPY (SELECT CASE WHEN i = 3 THEN 2 ELSE i END AS order_id, i * 10.0 AS amount FROM range(1, 6) r(i)) TO {SqlText.Literal(local)} (FORMAT parquet)");
        await store.UploadAsync(local, StorageUri.Parse($"s3://{bucket}/silver/orders/ds=2026-02-11/part-0.parquet"), ct);
        using var fetcher = new S3DatasetFetcher(server.Options(_dir.Combine("cache")));

        var orders = Dataset.Load($"s3://{bucket}/silver/orders/", new DatasetResolver(fetcher)).WithPrimaryKey("order_id");

        orders.Column("amount").Should().BeBetween(0, 100);
        var act = () => orders.Should().HaveUniqueValues("order_id");
        act.Should().Throw<Exception>().Which.Message.Should().Contain("order_id · expect_column_values_to_be_unique failed").And.Contain("2 unexpected of 5 non-missing rows");
    }
}
