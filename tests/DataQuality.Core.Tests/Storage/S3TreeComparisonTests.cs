using DataQuality.Core.Comparison;
using DataQuality.Core.Datasets;
using DataQuality.Core.Storage;
using DataQuality.Core.Tests.TestSupport;
using DataQuality.Core.Tests.TestSupport.S3rver;

namespace DataQuality.Core.Tests.Storage;

/// <summary>Main-versus-feature comparison of output trees on s3:// gives the local comparison's answer.</summary>
public sealed class S3TreeComparisonTests(S3rverFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Orders = "SELECT i::BIGINT AS id, (i * 1.5)::DOUBLE AS amount FROM range(1, 11) t(i)";
    private const string ChangedOrders = "SELECT i::BIGINT AS id, CASE WHEN i = 4 THEN i * 1.5 + 5 ELSE i * 1.5 END::DOUBLE AS amount FROM range(1, 12) t(i) WHERE i <> 10";
    private const string Customers = "SELECT i::BIGINT AS id, 'c' || i AS name FROM range(1, 6) t(i)";

    private static void Write(DuckDbSession db, string root, string entity, string sql)
    {
        var folder = Path.Combine(root, "silver", entity, "ds=2026-01-01");
        Directory.CreateDirectory(folder);
        db.Execute($"COPY ({sql}) TO {SqlText.Literal(Path.Combine(folder, "part-0.parquet"))} (FORMAT parquet)");
    }

    [Fact]
    public async Task Comparing_s3_trees_matches_comparing_local_trees_and_recognises_copied_objects_by_etag()
    {
        var server = await fixture.GetServerAsync();
        var bucket = await server.CreateBucketAsync("compare", Ct);
        using var dir = new TempDirectory();
        using (var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 }))
        {
            Write(db, dir.Combine("base"), "orders", Orders);
            Write(db, dir.Combine("base"), "customers", Customers);
            Write(db, dir.Combine("head"), "orders", ChangedOrders);
        }
        Directory.CreateDirectory(Path.Combine(dir.Combine("head"), "silver", "customers", "ds=2026-01-01"));
        File.Copy(Path.Combine(dir.Combine("base"), "silver", "customers", "ds=2026-01-01", "part-0.parquet"),
            Path.Combine(dir.Combine("head"), "silver", "customers", "ds=2026-01-01", "part-0.parquet"));
        var options = server.Options(dir.Combine("cache"));
        using var store = S3ObjectStore.Create(options);
        await StorageOperations.SyncAsync(LocalObjectStore.Instance, StorageUri.Local(dir.Combine("base")), store, StorageUri.S3(bucket, "main/"), cancellationToken: Ct);
        await StorageOperations.SyncAsync(store, StorageUri.S3(bucket, "main/"), store, StorageUri.S3(bucket, "feature/"), cancellationToken: Ct); // snapshot, server-side
        await store.UploadAsync(Path.Combine(dir.Combine("head"), "silver", "orders", "ds=2026-01-01", "part-0.parquet"), StorageUri.S3(bucket, "feature/silver/orders/ds=2026-01-01/part-0.parquet"), Ct);
        var keyed = new ComparisonOptions { Keys = new Dictionary<string, IReadOnlyList<string>> { ["orders"] = ["id"] } };

        using var lister = new S3TreeLister(options);
        var remote = await new TreeComparer([lister, LocalTreeLister.Instance], new DuckDbOptions { Threads = 1 }).CompareAsync($"s3://{bucket}/main", $"s3://{bucket}/feature/", keyed, Ct);
        var local = await new TreeComparer(duckDb: new DuckDbOptions { Threads = 1 }).CompareAsync(dir.Combine("base"), dir.Combine("head"), keyed, Ct);

        remote.Entities.Select(e => e.Name).Should().Equal(local.Entities.Select(e => e.Name));
        remote.Entities.Select(e => (e.IdenticalFiles, e.RowCounts.Base, e.RowCounts.Head)).Should().Equal(local.Entities.Select(e => (e.IdenticalFiles, e.RowCounts.Base, e.RowCounts.Head)));
        var orders = remote.Entities.Single(e => e.Name.EndsWith("orders"));
        (orders.Keyed!.Added, orders.Keyed.Removed, orders.Keyed.Changed).Should().Be((1L, 1L, 1L));
        remote.Entities.Single(e => e.Name.EndsWith("customers")).IdenticalFiles.Should().BeTrue("the snapshot copy kept the ETag");
    }
}
