using DataQuality.Core.Datasets;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Storage;
using DataQuality.Core.Tests.TestSupport;
using DataQuality.Core.Tests.TestSupport.S3rver;

namespace DataQuality.Core.Tests.Storage;

/// <summary>
/// A fault-injecting proxy sits between the client and s3rver. Whatever it does, a fetch either
/// returns exactly the stored bytes or fails with a typed error naming the URI; the cache never
/// keeps a partial file.
/// </summary>
public sealed class S3FaultInjectionTests(S3rverFixture fixture) : IDisposable
{
    private readonly TempDirectory _dir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _dir.Dispose();

    private static bool IsObjectGet(ProxiedRequest r) => r.Method == "GET" && !r.Path.Contains("list-type", StringComparison.Ordinal) && r.Path.Count(c => c == '/') > 1;

    /// <summary>Uploads objects straight to s3rver; returns their bytes by key.</summary>
    private async Task<(string Bucket, Dictionary<string, byte[]> Content)> SeedAsync(S3rverServer server, string hint, int count, int size)
    {
        var bucket = await server.CreateBucketAsync(hint, Ct);
        using var direct = S3ObjectStore.Create(server.Options());
        var content = new Dictionary<string, byte[]>();
        var random = new Random(42);
        for (var i = 0; i < count; i++)
        {
            var bytes = new byte[size + i];
            random.NextBytes(bytes);
            var key = $"data/ds={i % 3}/part-{i:D3}.csv";
            content[key] = bytes;
            await direct.PutAsync(StorageUri.S3(bucket, key), bytes, Ct);
        }
        return (bucket, content);
    }

    private S3StorageOptions ThroughProxy(S3rverServer server, FaultProxy proxy) => server.Options(_dir.Combine("cache")) with
    {
        EndpointUrl = proxy.EndpointUrl,
        MaxRetries = 3,
        DownloadAttempts = 3,
        RangedDownloadThreshold = 64 * 1024,
        PartSize = 64 * 1024,
        MaxConcurrentRequests = 4,
    };

    private void CacheHoldsOnlyCompleteCorrectFiles(Dictionary<string, byte[]> content)
    {
        var cache = _dir.Combine("cache");
        if (!Directory.Exists(cache)) return;
        foreach (var file in Directory.EnumerateFiles(cache, "*", SearchOption.AllDirectories))
        {
            file.Should().NotContain(".dq-tmp-", "temp files are removed when a download fails");
            var relative = Path.GetRelativePath(cache, file).Replace('\\', '/');
            var key = content.Keys.Single(k => relative.EndsWith(Path.GetFileName(k), StringComparison.Ordinal) && relative.Contains(k[..k.LastIndexOf('/')], StringComparison.Ordinal));
            File.ReadAllBytes(file).Should().Equal(content[key], $"cache entry {relative} must be complete");
        }
    }

    [Fact]
    public async Task Transient_drops_500s_503s_and_truncated_bodies_are_retried_to_the_exact_bytes()
    {
        var server = await fixture.GetServerAsync();
        var (bucket, content) = await SeedAsync(server, "transient", 4, 150_000); // ranged: 3 parts each
        var faults = new Queue<Fault>([Fault.Drop, Fault.Status500, Fault.Status503, Fault.TruncateBody, Fault.TruncateBody, Fault.Drop]);
        await using var proxy = new FaultProxy(server.Port, r =>
        {
            if (r.Method == "GET" && IsObjectGet(r)) lock (faults) return faults.Count > 0 ? faults.Dequeue() : Fault.None;
            return Fault.None;
        });
        using var fetcher = new S3DatasetFetcher(ThroughProxy(server, proxy));

        var files = await fetcher.FetchAsync(DatasetRef.Parse($"s3://{bucket}/data/", DatasetFormat.Csv), Ct);

        proxy.FaultsInjected.Should().Be(6);
        files.Should().HaveCount(4);
        var keys = content.Keys.Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < keys.Count; i++)
            File.ReadAllBytes(files[i]).Should().Equal(content[keys[i]]);
        CacheHoldsOnlyCompleteCorrectFiles(content);
    }

    [Fact]
    public async Task Bodies_that_are_always_truncated_end_in_DQ3007_and_leave_no_cache_entry()
    {
        var server = await fixture.GetServerAsync();
        var (bucket, content) = await SeedAsync(server, "truncated", 1, 20_000);
        await using var proxy = new FaultProxy(server.Port, r => IsObjectGet(r) ? Fault.TruncateBody : Fault.None);
        using var fetcher = new S3DatasetFetcher(ThroughProxy(server, proxy));
        var uri = $"s3://{bucket}/{content.Keys.Single()}";

        var act = async () => await fetcher.FetchAsync(DatasetRef.Parse(uri), Ct);

        var error = (await act.Should().ThrowAsync<InputException>()).Which;
        error.Code.Should().Be(StorageErrorCodes.CorruptDownload);
        error.ToDiagnosticString().Should().Contain(uri);
        Directory.EnumerateFiles(_dir.Path, "*", SearchOption.AllDirectories).Should().BeEmpty("nothing partial may be cached");
    }

    [Fact]
    public async Task Persistent_503_ends_in_a_typed_service_error_after_retries()
    {
        var server = await fixture.GetServerAsync();
        var (bucket, _) = await SeedAsync(server, "unavailable", 1, 100);
        await using var proxy = new FaultProxy(server.Port, _ => Fault.Status503);
        using var fetcher = new S3DatasetFetcher(ThroughProxy(server, proxy));

        var act = async () => await fetcher.FetchAsync(DatasetRef.Parse($"s3://{bucket}/data/", DatasetFormat.Csv), Ct);

        var error = (await act.Should().ThrowAsync<InputException>()).Which;
        error.Code.Should().Be(StorageErrorCodes.ServiceError);
        error.Message.Should().Contain("503").And.Contain($"s3://{bucket}/data/");
        proxy.Requests.Should().Be(4, "one request and three retries");
    }

    [Fact]
    public async Task Persistent_connection_drops_end_in_a_typed_error()
    {
        var server = await fixture.GetServerAsync();
        var (bucket, content) = await SeedAsync(server, "dropped", 1, 1000);
        await using var proxy = new FaultProxy(server.Port, r => IsObjectGet(r) ? Fault.Drop : Fault.None);
        using var fetcher = new S3DatasetFetcher(ThroughProxy(server, proxy));

        var act = async () => await fetcher.FetchAsync(DatasetRef.Parse($"s3://{bucket}/data/", DatasetFormat.Csv), Ct);

        var error = (await act.Should().ThrowAsync<InputException>()).Which;
        error.Code.Should().BeOneOf(StorageErrorCodes.CorruptDownload, StorageErrorCodes.Unreachable);
        error.ToDiagnosticString().Should().Contain($"s3://{bucket}/{content.Keys.Single()}");
        Directory.EnumerateFiles(_dir.Path, "*", SearchOption.AllDirectories).Should().BeEmpty();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task Random_faults_give_either_the_exact_bytes_or_a_typed_error_never_partial_data(int seed)
    {
        var server = await fixture.GetServerAsync();
        var (bucket, content) = await SeedAsync(server, $"random{seed}", 6, 100_000);
        var random = new Random(seed);
        Fault[] kinds = [Fault.Drop, Fault.Status500, Fault.Status503, Fault.TruncateBody];
        await using var proxy = new FaultProxy(server.Port, _ =>
        {
            lock (random) return random.NextDouble() < 0.35 ? kinds[random.Next(kinds.Length)] : Fault.None;
        });
        using var fetcher = new S3DatasetFetcher(ThroughProxy(server, proxy));

        IReadOnlyList<string>? files = null;
        DataQualityException? error = null;
        try
        {
            files = await fetcher.FetchAsync(DatasetRef.Parse($"s3://{bucket}/data/", DatasetFormat.Csv), Ct);
        }
        catch (DataQualityException ex)
        {
            error = ex;
        }

        proxy.FaultsInjected.Should().BeGreaterThan(0);
        if (error is not null)
        {
            error.Should().BeOfType<InputException>();
            error.Code.Should().StartWith("DQ30");
            error.ToDiagnosticString().Should().Contain($"s3://{bucket}/");
        }
        else
        {
            var keys = content.Keys.Order(StringComparer.Ordinal).ToList();
            files.Should().HaveCount(keys.Count);
            for (var i = 0; i < keys.Count; i++)
                File.ReadAllBytes(files![i]).Should().Equal(content[keys[i]]);
        }
        CacheHoldsOnlyCompleteCorrectFiles(content);
    }
}
