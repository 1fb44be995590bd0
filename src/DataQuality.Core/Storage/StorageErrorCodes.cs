namespace DataQuality.Core.Storage;

/// <summary>Stable diagnostic codes of the storage layer (DQ3000–DQ3999); listed in docs/storage.md.</summary>
public static class StorageErrorCodes
{
    /// <summary>A location is not a valid <c>s3://bucket/key</c> or local path.</summary>
    public const string InvalidUri = "DQ3001";
    /// <summary>The object or local file does not exist (S3 404 NoSuchKey).</summary>
    public const string NotFound = "DQ3002";
    /// <summary>The bucket does not exist (S3 NoSuchBucket).</summary>
    public const string NoSuchBucket = "DQ3003";
    /// <summary>Access denied (S3 403: AccessDenied, InvalidAccessKeyId, SignatureDoesNotMatch, expired token).</summary>
    public const string AccessDenied = "DQ3004";
    /// <summary>No AWS credentials could be resolved (default chain or the named profile).</summary>
    public const string NoCredentials = "DQ3005";
    /// <summary>The endpoint could not be reached (DNS, refused or reset connections, timeouts) after retries.</summary>
    public const string Unreachable = "DQ3006";
    /// <summary>A download stayed incomplete or corrupt (length or checksum mismatch) after retries.</summary>
    public const string CorruptDownload = "DQ3007";
    /// <summary>A prefix or glob matched no objects.</summary>
    public const string NoObjects = "DQ3008";
    /// <summary>Any other S3 error (5xx after retries, throttling after retries, unexpected error codes).</summary>
    public const string ServiceError = "DQ3009";
    /// <summary>Invalid storage options (endpoint URL, cache size, part size).</summary>
    public const string InvalidOptions = "DQ3010";
    /// <summary>The local cache directory cannot be written.</summary>
    public const string CacheIo = "DQ3011";
    /// <summary>An invalid hive partition filter such as <c>ds</c> without <c>=value</c>.</summary>
    public const string InvalidPartitionFilter = "DQ3012";
    /// <summary>A sync whose source and destination overlap (one inside the other): it would copy into, or delete, its own source.</summary>
    public const string Overlap = "DQ3013";
}
