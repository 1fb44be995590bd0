using DataQuality.Core.Datasets;
using DataQuality.Core.Storage;

namespace DataQuality.Xunit;

/// <summary>
/// One dataset resolver for the test process: local paths, and s3:// through the S3 fetcher
/// configured from the environment (AWS_*, DQ_S3_*, DQ_CACHE_*). The fetcher connects lazily, so
/// runs that only read local files never need credentials; it lives as long as the process because
/// DuckDB reads the downloaded files after resolution.
/// </summary>
public static class DataQualityResolver
{
    private static readonly Lazy<DatasetResolver> Instance = new(() => new DatasetResolver(new S3DatasetFetcher(S3StorageOptions.FromEnvironment())));

    public static DatasetResolver Shared => Instance.Value;
}
