using System.Text;
using DataQuality.Core.Storage;
using DataQuality.Core.Tests.TestSupport;
using DataQuality.Core.Tests.TestSupport.S3rver;

namespace DataQuality.Core.Tests.Storage;

public sealed class S3ObjectStoreTests(S3rverFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(S3ObjectStore Store, string Bucket, S3rverServer Server)> NewBucketAsync(string hint, Func<S3StorageOptions, S3StorageOptions>? configure = null)
    {
        var server = await fixture.GetServerAsync();
        var bucket = await server.CreateBucketAsync(hint, Ct);
        var options = server.Options();
        return (S3ObjectStore.Create(configure?.Invoke(options) ?? options), bucket, server);
    }

    private static async Task PutTextAsync(IObjectStore store, StorageUri uri, string text) =>
        await store.PutAsync(uri, Encoding.UTF8.GetBytes(text), Ct);

    private static async Task<List<string>> KeysAsync(IObjectStore store, StorageUri location, PartitionFilter? filter = null) =>
        (await ObjectSelection.SelectListAsync(store, location, filter, Ct)).Select(o => o.Uri.Key).ToList();

    [Fact]
    public async Task Put_then_list_head_and_get_round_trip_bytes_and_etag()
    {
        var (store, bucket, _) = await NewBucketAsync("roundtrip");
        using var _ = store;
        using var dir = new TempDirectory();
        var uri = StorageUri.Parse($"s3://{bucket}/a/b/hello.txt");

        var put = await store.PutAsync(uri, "hello, s3"u8.ToArray(), Ct);
        var head = await store.HeadAsync(uri, Ct);
        var listed = await KeysAsync(store, StorageUri.Parse($"s3://{bucket}/a"));
        await store.DownloadAsync(head, dir.Combine("hello.txt"), Ct);

        head.Size.Should().Be(9);
        head.ContentMd5Hex.Should().Be(Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData("hello, s3"u8)));
        put.ETag.Should().Be(head.ETag);
        listed.Should().Equal("a/b/hello.txt");
        File.ReadAllText(dir.Combine("hello.txt")).Should().Be("hello, s3");
    }

    [Fact]
    public async Task Listing_pages_past_one_thousand_keys_in_key_order()
    {
        var (store, bucket, _) = await NewBucketAsync("paging");
        using var _ = store;
        await Parallel.ForEachAsync(Enumerable.Range(0, 1005), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Ct },
            async (i, ct) => await store.PutAsync(StorageUri.Parse($"s3://{bucket}/many/f{i:D4}.txt"), new byte[] { 1 }, ct));

        var keys = await KeysAsync(store, StorageUri.Parse($"s3://{bucket}/many/"));

        keys.Should().HaveCount(1005).And.BeInAscendingOrder(StringComparer.Ordinal);
        keys[^1].Should().Be("many/f1004.txt");
    }

    [Fact]
    public async Task Directory_glob_and_partition_selection_follow_keys_not_string_prefixes()
    {
        var (store, bucket, _) = await NewBucketAsync("select");
        using var _ = store;
        foreach (var key in new[] { "orders/ds=2026-02-10/region=eu/p0.parquet", "orders/ds=2026-02-10/region=us/p0.parquet",
                     "orders/ds=2026-02-11/region=eu/p0.parquet", "orders/_SUCCESS", "orders_v2/ds=2026-02-10/p0.parquet", "orders/ds=2026-02-11/region=eu/notes.csv" })
            await PutTextAsync(store, StorageUri.Parse($"s3://{bucket}/{key}"), key);

        var directory = await KeysAsync(store, StorageUri.Parse($"s3://{bucket}/orders"));
        var glob = await KeysAsync(store, StorageUri.Parse($"s3://{bucket}/orders/*/region=eu/*.parquet"));
        var deepGlob = await KeysAsync(store, StorageUri.Parse($"s3://{bucket}/**/*.parquet"));
        var partition = await KeysAsync(store, StorageUri.Parse($"s3://{bucket}/orders/"), PartitionFilter.Parse(["ds=2026-02-10", "region=eu,us"]));
        var single = await KeysAsync(store, StorageUri.Parse($"s3://{bucket}/orders/_SUCCESS"));

        directory.Should().HaveCount(5).And.NotContain(k => k.StartsWith("orders_v2"));
        glob.Should().Equal("orders/ds=2026-02-10/region=eu/p0.parquet", "orders/ds=2026-02-11/region=eu/p0.parquet");
        deepGlob.Should().HaveCount(4);
        partition.Should().Equal("orders/ds=2026-02-10/region=eu/p0.parquet", "orders/ds=2026-02-10/region=us/p0.parquet");
        single.Should().Equal("orders/_SUCCESS");
    }

    [Fact]
    public async Task Delete_by_prefix_and_partition_filter_removes_exactly_the_selection()
    {
        var (store, bucket, _) = await NewBucketAsync("delete");
        using var _ = store;
        foreach (var key in new[] { "t/ds=1/a.parquet", "t/ds=1/b.parquet", "t/ds=2/a.parquet", "t2/ds=1/a.parquet", "keep/x.txt" })
            await PutTextAsync(store, StorageUri.Parse($"s3://{bucket}/{key}"), key);

        var byPartition = await StorageOperations.DeleteAsync(store, StorageUri.Parse($"s3://{bucket}/t"), PartitionFilter.Parse(["ds=1"]), Ct);
        var afterPartition = await KeysAsync(store, StorageUri.Parse($"s3://{bucket}/"));
        var byPrefix = await StorageOperations.DeleteAsync(store, StorageUri.Parse($"s3://{bucket}/t"), null, Ct);
        var afterPrefix = await KeysAsync(store, StorageUri.Parse($"s3://{bucket}/"));

        byPartition.Should().Be(2);
        afterPartition.Should().Equal("keep/x.txt", "t/ds=2/a.parquet", "t2/ds=1/a.parquet");
        byPrefix.Should().Be(1);
        afterPrefix.Should().Equal("keep/x.txt", "t2/ds=1/a.parquet");
    }

    [Fact]
    public async Task Sync_between_prefixes_copies_changed_objects_only_and_can_delete_extras()
    {
        var (store, bucket, _) = await NewBucketAsync("sync");
        using var _ = store;
        await PutTextAsync(store, StorageUri.Parse($"s3://{bucket}/main/ds=1/a.txt"), "a1");
        await PutTextAsync(store, StorageUri.Parse($"s3://{bucket}/main/ds=2/b.txt"), "b1");
        var source = StorageUri.Parse($"s3://{bucket}/main");
        var target = StorageUri.Parse($"s3://{bucket}/snapshots/run-1/");

        var first = await StorageOperations.SyncAsync(store, source, store, target, cancellationToken: Ct);
        var second = await StorageOperations.SyncAsync(store, source, store, target, cancellationToken: Ct);
        await PutTextAsync(store, StorageUri.Parse($"s3://{bucket}/main/ds=1/a.txt"), "a2");
        await PutTextAsync(store, StorageUri.Parse($"s3://{bucket}/snapshots/run-1/stale.txt"), "old");
        var third = await StorageOperations.SyncAsync(store, source, store, target, deleteExtra: true, cancellationToken: Ct);

        first.Should().Be(new SyncResult(2, 0, 0, 4));
        second.Should().Be(new SyncResult(0, 2, 0, 0));
        third.Should().Be(new SyncResult(1, 1, 1, 2));
        (await KeysAsync(store, target)).Should().Equal("snapshots/run-1/ds=1/a.txt", "snapshots/run-1/ds=2/b.txt");
        using var dir = new TempDirectory();
        await store.DownloadAsync(await store.HeadAsync(target.Append("ds=1/a.txt"), Ct), dir.Combine("a.txt"), Ct);
        File.ReadAllText(dir.Combine("a.txt")).Should().Be("a2");
    }

    [Fact]
    public async Task Sync_from_local_tree_to_s3_and_back_preserves_relative_keys_and_bytes()
    {
        var (store, bucket, _) = await NewBucketAsync("localsync");
        using var _ = store;
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.Combine("src", "ds=2026-01-01"));
        File.WriteAllBytes(dir.Combine("src", "ds=2026-01-01", "p.bin"), Enumerable.Range(0, 5000).Select(i => (byte)i).ToArray());
        File.WriteAllText(dir.Combine("src", "top.txt"), "top");

        var up = await StorageOperations.SyncAsync(LocalObjectStore.Instance, StorageUri.Local(dir.Combine("src")), store, StorageUri.Parse($"s3://{bucket}/copy"), cancellationToken: Ct);
        var down = await StorageOperations.SyncAsync(store, StorageUri.Parse($"s3://{bucket}/copy"), LocalObjectStore.Instance, StorageUri.Local(dir.Combine("back")), cancellationToken: Ct);

        up.Copied.Should().Be(2);
        down.Copied.Should().Be(2);
        File.ReadAllBytes(dir.Combine("back", "ds=2026-01-01", "p.bin")).Should().Equal(File.ReadAllBytes(dir.Combine("src", "ds=2026-01-01", "p.bin")));
        File.ReadAllText(dir.Combine("back", "top.txt")).Should().Be("top");
    }

    [Fact]
    public async Task Large_file_uploads_as_multipart_and_reads_back_byte_for_byte()
    {
        var server = await fixture.GetServerAsync();
        var bucket = await server.CreateBucketAsync("multipart", Ct);
        var parts = new System.Collections.Concurrent.ConcurrentBag<string>();
        await using var proxy = new FaultProxy(server.Port, r =>
        {
            if (r.Method == "PUT" && r.Path.Contains("partNumber=", StringComparison.Ordinal)) parts.Add(r.Path);
            return Fault.None;
        });
        using var store = S3ObjectStore.Create(server.Options() with { EndpointUrl = proxy.EndpointUrl, MultipartUploadThreshold = 6L << 20, PartSize = 5L << 20 });
        using var dir = new TempDirectory();
        var content = new byte[(12 << 20) + 12345]; // three parts, the last one short
        new Random(11).NextBytes(content);
        File.WriteAllBytes(dir.Combine("big.bin"), content);
        var uri = StorageUri.Parse($"s3://{bucket}/big/multi.bin");

        await store.UploadAsync(dir.Combine("big.bin"), uri, Ct);
        var head = await store.HeadAsync(uri, Ct);
        await store.DownloadAsync(head, dir.Combine("back.bin"), Ct);

        parts.Should().HaveCount(3);
        head.Size.Should().Be(content.Length);
        File.ReadAllBytes(dir.Combine("back.bin")).Should().Equal(content);
    }

    [Fact]
    public async Task Object_whose_etag_is_no_md5_is_verified_by_length_only()
    {
        var (store, bucket, _) = await NewBucketAsync("multipartetag");
        using var _ = store;
        using var dir = new TempDirectory();
        var uri = StorageUri.Parse($"s3://{bucket}/m.bin");
        await store.PutAsync(uri, "small object"u8.ToArray(), Ct);
        // As S3 lists an object that was uploaded in parts: the ETag is "<md5 of part md5s>-<parts>".
        var listed = (await store.HeadAsync(uri, Ct)) with { ETag = "\"0123456789abcdef0123456789abcdef-2\"" };

        await store.DownloadAsync(listed with { ETag = null }, dir.Combine("no-etag.bin"), Ct);
        var multipart = async () => await store.DownloadAsync(listed, dir.Combine("m.bin"), Ct);

        listed.ContentMd5Hex.Should().BeNull();
        await multipart.Should().NotThrowAsync();
        File.ReadAllText(dir.Combine("m.bin")).Should().Be("small object");
        File.ReadAllText(dir.Combine("no-etag.bin")).Should().Be("small object");
    }

    [Fact]
    public async Task Object_replaced_after_listing_is_an_error_not_the_wrong_bytes()
    {
        var (store, bucket, _) = await NewBucketAsync("replaced");
        using var _ = store;
        using var dir = new TempDirectory();
        var uri = StorageUri.Parse($"s3://{bucket}/r.bin");
        await store.PutAsync(uri, "version-1"u8.ToArray(), Ct);
        var listed = await store.HeadAsync(uri, Ct);
        await store.PutAsync(uri, "version-2"u8.ToArray(), Ct); // same size, new content and ETag

        var act = async () => await store.DownloadAsync(listed, dir.Combine("r.bin"), Ct);

        // s3rver ignores If-Match, so the MD5 check catches it; real S3 answers 412 (also a typed error).
        var error = (await act.Should().ThrowAsync<Diagnostics.InputException>()).Which;
        error.Code.Should().BeOneOf(StorageErrorCodes.CorruptDownload, StorageErrorCodes.ServiceError);
        error.ToDiagnosticString().Should().Contain(uri.ToString());
        File.Exists(dir.Combine("r.bin")).Should().BeFalse();
    }

    [Fact]
    public async Task Large_object_downloads_in_parallel_ranges_and_matches_byte_for_byte()
    {
        var (store, bucket, _) = await NewBucketAsync("ranged", o => o with { RangedDownloadThreshold = 256 * 1024, PartSize = 128 * 1024, MaxConcurrentRequests = 4 });
        using var _ = store;
        using var dir = new TempDirectory();
        var content = new byte[1_000_003]; // not a multiple of the part size
        new Random(7).NextBytes(content);
        var uri = StorageUri.Parse($"s3://{bucket}/big.bin");
        await store.PutAsync(uri, content, Ct);

        await store.DownloadAsync(await store.HeadAsync(uri, Ct), dir.Combine("big.bin"), Ct);

        File.ReadAllBytes(dir.Combine("big.bin")).Should().Equal(content);
    }
}
