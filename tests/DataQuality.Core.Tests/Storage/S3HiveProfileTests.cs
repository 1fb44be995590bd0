using DataQuality.Core.Datasets;
using DataQuality.Core.Profiling;
using DataQuality.Core.Storage;
using DataQuality.Core.Tests.Profiling;
using DataQuality.Core.Tests.TestSupport;
using DataQuality.Core.Tests.TestSupport.S3rver;

namespace DataQuality.Core.Tests.Storage;

/// <summary>
/// An s3:// hive tree (real s3rver on loopback) profiles like the same tree on disk: partition values come
/// from the object keys; the cached copies' local names keep ':' and '%', so DuckDB reading them agrees.
/// </summary>
public sealed class S3HiveProfileTests(S3rverFixture fixture) : IDisposable
{
    private readonly TempDirectory _dir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task S3_hive_tree_profiles_the_same_partition_columns_as_the_local_tree()
    {
        var server = await fixture.GetServerAsync();
        var bucket = await server.CreateBucketAsync("hiveprofile", Ct);
        using var store = S3ObjectStore.Create(server.Options());
        using var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });

        var local = HivePartitionProfileTests.WriteTree(db, _dir.Combine("local", "orders"));
        // A timestamp key with ':' and a text key with '%20': the cache escapes both in its file names.
        foreach (var (dir, rows) in new[] { ("ts=2024-01-01 10:00:00", 5), ("ts=2024-01-02T11:30:00", 8) })
        {
            var path = Path.Combine(_dir.Path, "local", "events", dir, "city=New%20York", "part-0.parquet");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            db.Execute($"COPY (SELECT range AS v FROM range({rows})) TO {SqlText.Literal(path)} (FORMAT parquet)");
        }
        var localRoot = _dir.Combine("local");
        foreach (var file in Directory.EnumerateFiles(localRoot, "*.parquet", SearchOption.AllDirectories))
            await store.UploadAsync(file, StorageUri.Parse($"s3://{bucket}/{Path.GetRelativePath(localRoot, file).Replace('\\', '/')}"), Ct);

        using var fetcher = new S3DatasetFetcher(server.Options(_dir.Combine("cache")));
        var resolver = new DatasetResolver(fetcher);
        foreach (var entity in new[] { "orders", "events" })
        {
            var remote = await resolver.ResolveAsync(DatasetRef.Parse($"s3://{bucket}/{entity}/"), Ct);
            remote.Files.Should().OnlyContain(f => f.StartsWith(_dir.Combine("cache"), StringComparison.Ordinal));
            remote.Locations.Should().OnlyContain(l => l.StartsWith($"s3://{bucket}/{entity}/", StringComparison.Ordinal));
            var fromS3 = await ParquetProfiler.ProfileAsync(ProfileInput.From(remote.Files, remote.Locations), cancellationToken: Ct);
            var fromDisk = await ParquetProfiler.ProfileAsync(DatasetResolver.ListLocal(DatasetRef.Parse(Path.Combine(localRoot, entity))), cancellationToken: Ct);

            fromS3.Columns.Select(c => (c.Path, c.Kind, c.Partition)).Should().Equal(fromDisk.Columns.Select(c => (c.Path, c.Kind, c.Partition)), entity);
            foreach (var column in fromDisk.Columns)
            {
                var other = fromS3.Column(column.Path)!;
                (other.RowCount, other.NullCount, other.Min, other.Max, other.DistinctEstimate, other.Mean)
                    .Should().Be((column.RowCount, column.NullCount, column.Min, column.Max, column.DistinctEstimate, column.Mean), $"{entity}.{column.Path}");
            }
        }

        var events = await resolver.ResolveAsync(DatasetRef.Parse($"s3://{bucket}/events/"), Ct);
        var profile = await ParquetProfiler.ProfileAsync(ProfileInput.From(events.Files, events.Locations), cancellationToken: Ct);
        profile.Column("ts")!.Kind.Should().Be(ColumnKind.Timestamp);
        profile.Column("ts")!.Max.Should().Be("2024-01-02T11:30:00");
        profile.Column("city")!.Min.Should().Be("New York");

        // The cached copies keep ':' and '%' in their folder names, so what DuckDB reads from them (validate,
        // compare over s3://) agrees with the profile: TIMESTAMP, and the URL-decoded text.
        var relation = events.ToRelationSql();
        db.Scalar($"SELECT typeof(ts) FROM {relation} LIMIT 1").Should().Be("TIMESTAMP");
        db.Scalar($"SELECT min(city) FROM {relation}").Should().Be("New York");
        var fromCacheNames = await ParquetProfiler.ProfileAsync(events.Files, cancellationToken: Ct);
        fromCacheNames.Column("ts")!.Kind.Should().Be(ColumnKind.Timestamp);
        fromCacheNames.Column("city")!.Min.Should().Be("New York");
    }
}
