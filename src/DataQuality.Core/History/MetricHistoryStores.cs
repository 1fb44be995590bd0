using DataQuality.Core.Storage;

namespace DataQuality.Core.History;

/// <summary>Opens the history store a <c>--history</c> location names: an s3:// prefix or a local folder.</summary>
public static class MetricHistoryStores
{
    public static IMetricHistoryStore Open(string location, S3StorageOptions? s3Options = null)
    {
        var uri = StorageUri.Parse(location);
        return uri.IsS3
            ? new ObjectStoreHistoryStore(S3ObjectStore.Create(s3Options ?? S3StorageOptions.FromEnvironment()), uri, ownsStore: true)
            : new LocalHistoryStore(location);
    }
}
