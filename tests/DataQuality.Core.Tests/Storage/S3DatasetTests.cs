using DataQuality.Core.Datasets;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Storage;
using DataQuality.Core.Tests.TestSupport;
using DataQuality.Core.Tests.TestSupport.S3rver;

namespace DataQuality.Core.Tests.Storage;

/// <summary>s3:// datasets through DatasetResolver, the cache and DuckDB.</summary>
public sealed class S3DatasetTests(S3rverFixture fixture) : IDisposable
{
    private readonly TempDirectory _dir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _dir.Dispose();

    /// <summary>Writes a Parquet file with DuckDB and uploads it.</summary>
    private static async Task UploadParquetAsync(IObjectStore store, DuckDbSession db, string scratch, string uri, string selectSql)
    {
        var local = Path.Combine(scratch, Guid.NewGuid().ToString("N") + ".parquet");
        db.Execute($"COPY ({selectSql}) TO {SqlText.Literal(local)} (FORMAT parquet)");
        await store.UploadAsync(local, StorageUri.Parse(uri), Ct);
    }

    private async Task<(S3rverServer Server, string Bucket, S3ObjectStore Store)> SetupAsync(string hint)
    {
        var server = await fixture.GetServerAsync();
        var bucket = await server.CreateBucketAsync(hint, Ct);
        return (server, bucket, S3ObjectStore.Create(server.Options()));
    }

    [Fact]
    public async Task Hive_tree_on_s3_resolves_and_queries_with_partition_columns()
    {
        var (server, bucket, store) = await SetupAsync("hive");
        using var _ = store;
        using var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });
        await UploadParquetAsync(store, db, _dir.Path, $"s3://{bucket}/orders/ds=2026-02-10/part-0.parquet", "SELECT 1 AS id, 10.5 AS amount");
        await UploadParquetAsync(store, db, _dir.Path, $"s3://{bucket}/orders/ds=2026-02-11/part-0.parquet", "SELECT 2 AS id, 20.25 AS amount, 'late' AS note");
        await store.PutAsync(StorageUri.Parse($"s3://{bucket}/orders/_SUCCESS"), Array.Empty<byte>(), Ct);

        using var fetcher = new S3DatasetFetcher(server.Options(_dir.Combine("cache")));
        var resolver = new DatasetResolver(fetcher);
        var resolved = await resolver.ResolveAsync(DatasetRef.Parse($"s3://{bucket}/orders/"), Ct);

        resolved.Files.Should().HaveCount(2).And.OnlyContain(f => f.StartsWith(_dir.Combine("cache")));
        db.Scalar($"SELECT string_agg(id || ':' || amount || ':' || coalesce(note, '-') || ':' || ds, ',' ORDER BY id) FROM {resolved.ToRelationSql()}")
            .Should().Be("1:10.50:-:2026-02-10,2:20.25:late:2026-02-11");
    }

    [Fact]
    public async Task Glob_on_s3_selects_matching_objects_only()
    {
        var (server, bucket, store) = await SetupAsync("glob");
        using var _ = store;
        using var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });
        await UploadParquetAsync(store, db, _dir.Path, $"s3://{bucket}/runs/a/out.parquet", "SELECT 1 AS v");
        await UploadParquetAsync(store, db, _dir.Path, $"s3://{bucket}/runs/b/out.parquet", "SELECT 2 AS v");
        await UploadParquetAsync(store, db, _dir.Path, $"s3://{bucket}/runs/b/other.parquet", "SELECT 100 AS v");

        var (resolver, fetcher) = StorageFactory.CreateResolver(server.Options(_dir.Combine("cache")));
        using var __ = fetcher;
        var resolved = await resolver.ResolveAsync(DatasetRef.Parse($"s3://{bucket}/runs/*/out.parquet"), Ct);

        resolved.Files.Should().HaveCount(2);
        db.Scalar($"SELECT sum(v)::BIGINT FROM {resolved.ToRelationSql()}").Should().Be(3L);
    }

    [Fact]
    public async Task Dataset_of_many_small_csv_files_resolves_completely()
    {
        var (server, bucket, store) = await SetupAsync("manysmall");
        using var _ = store;
        const int files = 300;
        await Parallel.ForEachAsync(Enumerable.Range(0, files), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Ct }, async (i, ct) =>
            await store.PutAsync(StorageUri.Parse($"s3://{bucket}/events/hour={i % 24:D2}/part-{i:D4}.csv"), System.Text.Encoding.UTF8.GetBytes($"id,value\n{i},{i * 2}\n"), ct));

        using var fetcher = new S3DatasetFetcher(server.Options(_dir.Combine("cache")));
        var resolved = await new DatasetResolver(fetcher).ResolveAsync(DatasetRef.Parse($"s3://{bucket}/events", DatasetFormat.Csv), Ct);
        using var db = DuckDbSession.Open(new DuckDbOptions { Threads = 2 });

        resolved.Files.Should().HaveCount(files);
        db.Scalar($"SELECT count(*)::BIGINT FROM {resolved.ToRelationSql()}").Should().Be((long)files);
        db.Scalar($"SELECT sum(value)::BIGINT FROM {resolved.ToRelationSql()}").Should().Be(Enumerable.Range(0, files).Sum(i => i * 2L));
        db.Scalar($"SELECT count(DISTINCT hour)::BIGINT FROM {resolved.ToRelationSql()}").Should().Be(24L);
    }

    [Fact]
    public async Task Cache_reuses_an_unchanged_object_and_refetches_when_its_etag_changes()
    {
        var (server, bucket, store) = await SetupAsync("cache");
        using var _ = store;
        var uri = $"s3://{bucket}/t/data.csv";
        await store.PutAsync(StorageUri.Parse(uri), "id\n1\n"u8.ToArray(), Ct);
        using var fetcher = new S3DatasetFetcher(server.Options(_dir.Combine("cache")));
        var dataset = DatasetRef.Parse(uri);

        var first = (await fetcher.FetchAsync(dataset, Ct)).Single();
        var firstWrite = File.GetLastWriteTimeUtc(first);
        var second = (await fetcher.FetchAsync(dataset, Ct)).Single();
        await store.PutAsync(StorageUri.Parse(uri), "id\n1\n2\n"u8.ToArray(), Ct);
        var third = (await fetcher.FetchAsync(dataset, Ct)).Single();

        second.Should().Be(first);
        File.GetLastWriteTimeUtc(second).Should().Be(firstWrite, "a cache hit must not download again");
        third.Should().NotBe(first, "a new ETag is a new cache entry");
        File.ReadAllText(third).Should().Be("id\n1\n2\n");
        Directory.EnumerateFiles(_dir.Combine("cache"), "*", SearchOption.AllDirectories).Should().NotContain(f => f.Contains(".dq-tmp-"));
    }

    [Fact]
    public async Task Cache_is_trimmed_least_recently_used_first_but_keeps_the_dataset_in_use()
    {
        var (server, bucket, store) = await SetupAsync("lru");
        using var _ = store;
        foreach (var name in new[] { "a", "b", "c" })
            await store.PutAsync(StorageUri.Parse($"s3://{bucket}/{name}/x.csv"), new byte[1000], Ct);
        var options = server.Options(_dir.Combine("cache")) with { CacheMaxBytes = 2500 };
        string a, b, c, d;
        using (var earlierRun = new S3DatasetFetcher(options))
        {
            a = (await earlierRun.FetchAsync(DatasetRef.Parse($"s3://{bucket}/a/x.csv"), Ct)).Single();
            b = (await earlierRun.FetchAsync(DatasetRef.Parse($"s3://{bucket}/b/x.csv"), Ct)).Single();
        }
        File.SetLastAccessTimeUtc(a, DateTime.UtcNow.AddHours(-2));
        File.SetLastAccessTimeUtc(b, DateTime.UtcNow.AddHours(-1));
        using var fetcher = new S3DatasetFetcher(options);
        c = (await fetcher.FetchAsync(DatasetRef.Parse($"s3://{bucket}/c/x.csv"), Ct)).Single();

        File.Exists(a).Should().BeFalse("the least recently used entry goes first");
        File.Exists(b).Should().BeTrue();
        File.Exists(c).Should().BeTrue();
        fetcher.Cache.SizeOnDisk().Should().Be(2000);

        // Within one run, files already handed out stay even when the cache is over its limit.
        d = (await fetcher.FetchAsync(DatasetRef.Parse($"s3://{bucket}/a/x.csv"), Ct)).Single();
        File.Exists(c).Should().BeTrue();
        File.Exists(d).Should().BeTrue();
        File.Exists(b).Should().BeFalse();
    }

    [Fact]
    public async Task No_cache_mode_uses_a_private_directory_removed_on_dispose()
    {
        var (server, bucket, store) = await SetupAsync("nocache");
        using var _ = store;
        await store.PutAsync(StorageUri.Parse($"s3://{bucket}/d.csv"), "id\n7\n"u8.ToArray(), Ct);
        string file;
        using (var fetcher = new S3DatasetFetcher(server.Options(_dir.Combine("cache")) with { NoCache = true }))
        {
            file = (await fetcher.FetchAsync(DatasetRef.Parse($"s3://{bucket}/d.csv"), Ct)).Single();
            File.ReadAllText(file).Should().Be("id\n7\n");
        }

        File.Exists(file).Should().BeFalse();
        Directory.Exists(_dir.Combine("cache")).Should().BeFalse("--no-cache never writes to the shared cache");
    }

    [Fact]
    public async Task Prefix_without_data_files_is_a_typed_error_naming_the_uri()
    {
        var (server, bucket, store) = await SetupAsync("empty");
        using var _ = store;
        await store.PutAsync(StorageUri.Parse($"s3://{bucket}/t/_SUCCESS"), Array.Empty<byte>(), Ct);
        using var fetcher = new S3DatasetFetcher(server.Options(_dir.Combine("cache")));

        var none = async () => await new DatasetResolver(fetcher).ResolveAsync(DatasetRef.Parse($"s3://{bucket}/nothing/"), Ct);
        var wrongFormat = async () => await new DatasetResolver(fetcher).ResolveAsync(DatasetRef.Parse($"s3://{bucket}/t/"), Ct);

        var e1 = (await none.Should().ThrowAsync<InputException>()).Which;
        e1.Code.Should().Be(StorageErrorCodes.NoObjects);
        e1.ToDiagnosticString().Should().Contain($"s3://{bucket}/nothing/");
        (await wrongFormat.Should().ThrowAsync<InputException>()).Which.Message.Should().Contain("no Parquet files");
    }
}
