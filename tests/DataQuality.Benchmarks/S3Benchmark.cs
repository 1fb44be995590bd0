using System.Diagnostics;
using System.Globalization;
using DataQuality.Core.Datasets;
using DataQuality.Core.Storage;
using DataQuality.Core.Tests.TestSupport.S3rver;

namespace DataQuality.Benchmarks;

/// <summary>
/// Fetches a dataset of 64 objects (1 GiB at scale 1) from a loopback s3rver through the
/// S3DatasetFetcher: cold (empty cache) with whole-object GETs and with ranged parts, then cached.
/// </summary>
public sealed class S3Benchmark : IBenchmark
{
    private const int Objects = 64;

    public string Name => "s3";

    public string Description => "fetch 1 GiB in 64 objects from a loopback s3rver: cold (whole and ranged GETs) and cached";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var objectSize = Math.Max(64 * 1024, (long)((1L << 30) / Objects * context.Scale));
        var total = objectSize * Objects;
        await using var server = await S3rverServer.StartAsync(cancellationToken);
        var bucket = await server.CreateBucketAsync("bench", cancellationToken);
        var baseOptions = server.Options() with { MaxConcurrentRequests = 8 };

        context.Line(string.Create(CultureInfo.InvariantCulture, $"load average before: {BenchContext.LoadAverage()}"));
        var upload = Stopwatch.StartNew();
        using (var store = S3ObjectStore.Create(baseOptions))
        {
            var content = new byte[objectSize];
            new Random(1).NextBytes(content);
            await Parallel.ForEachAsync(Enumerable.Range(0, Objects), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (i, ct) =>
            {
                var copy = (byte[])content.Clone();
                BitConverter.GetBytes(i).CopyTo(copy, 0); // distinct ETags
                await store.PutAsync(StorageUri.S3(bucket, $"data/part-{i:D3}.parquet"), copy, ct);
            });
        }
        Throughput(context, $"upload {Objects} x {ByteSize.Format(objectSize)} (setup)", upload.Elapsed, total);

        var dataset = DatasetRef.Parse($"s3://{bucket}/data/");
        var cacheRoot = Path.Combine(context.WorkDirectory, "s3-cache");

        foreach (var (label, options) in new[]
                 {
                     ("cold, whole-object GETs x8", baseOptions with { RangedDownloadThreshold = long.MaxValue }),
                     ("cold, ranged 8 MiB parts x8 (default)", baseOptions),
                     ("cold, ranged 4 MiB parts x8", baseOptions with { RangedDownloadThreshold = 4L << 20, PartSize = 4L << 20 }),
                 })
        {
            var elapsed = await context.MeasureAsync($"s3 {label}", async () =>
            {
                if (Directory.Exists(cacheRoot)) Directory.Delete(cacheRoot, recursive: true);
                using var fetcher = new S3DatasetFetcher(options with { CacheDirectory = cacheRoot });
                var files = await fetcher.FetchAsync(dataset, cancellationToken);
                if (files.Count != Objects) throw new InvalidOperationException($"fetched {files.Count} files");
            });
            Throughput(context, $"  = {label}", elapsed, total);
        }

        using (var warm = new S3DatasetFetcher(baseOptions with { CacheDirectory = cacheRoot }))
        {
            var elapsed = await context.MeasureAsync("s3 cached (list + cache hits)", async () =>
            {
                var files = await warm.FetchAsync(dataset, cancellationToken);
                if (files.Count != Objects) throw new InvalidOperationException($"fetched {files.Count} files");
            });
            Throughput(context, "  = cached", elapsed, total);
        }
        context.Line(string.Create(CultureInfo.InvariantCulture, $"load average after: {BenchContext.LoadAverage()}"));
        context.Line(string.Create(CultureInfo.InvariantCulture, $"peak working set {BenchContext.PeakWorkingSetMiB():F0} MiB"));
        Directory.Delete(cacheRoot, recursive: true);
    }

    // The machine is shared: print the load so figures can be read in context.

    private static void Throughput(BenchContext context, string label, TimeSpan elapsed, long bytes) =>
        context.Report(label, elapsed, string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0) / elapsed.TotalSeconds:F0} MiB/s over {ByteSize.Format(bytes)}"));
}
