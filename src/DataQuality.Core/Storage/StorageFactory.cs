using DataQuality.Core.Datasets;

namespace DataQuality.Core.Storage;

/// <summary>
/// Entry points for other capabilities: a <see cref="DatasetResolver"/> that accepts <c>s3://</c>,
/// and the right <see cref="IObjectStore"/> for a location. The S3 client is created on first use.
/// </summary>
public static class StorageFactory
{
    /// <summary>
    /// A resolver for local paths and s3:// locations. Dispose the returned fetcher when the datasets
    /// are no longer read (it owns the S3 client and, with <c>NoCache</c>, the downloaded files).
    /// </summary>
    public static (DatasetResolver Resolver, S3DatasetFetcher Fetcher) CreateResolver(S3StorageOptions? options = null)
    {
        var fetcher = new S3DatasetFetcher(options ?? S3StorageOptions.FromEnvironment());
        return (new DatasetResolver(fetcher), fetcher);
    }

    /// <summary>The store that serves <paramref name="location"/>: the local file system or a new S3 store.</summary>
    public static IObjectStore StoreFor(StorageUri location, S3StorageOptions? options = null) =>
        location.IsS3 ? S3ObjectStore.Create(options ?? S3StorageOptions.FromEnvironment()) : LocalObjectStore.Instance;
}
