using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Storage;

/// <summary>
/// A location in an object store: <c>s3://bucket/key/prefix</c> or a local path. Local paths
/// are kept absolute with forward slashes in <see cref="Key"/> so both stores share one
/// notion of "key under a root" for prefixes, globs and hive partitions.
/// </summary>
public sealed record StorageUri
{
    private StorageUri(bool isS3, string bucket, string key)
    {
        IsS3 = isS3;
        Bucket = bucket;
        Key = key;
    }

    public bool IsS3 { get; }

    /// <summary>The S3 bucket; empty for local paths.</summary>
    public string Bucket { get; }

    /// <summary>The S3 key (no leading slash; may be empty for a whole bucket) or the absolute local path.</summary>
    public string Key { get; }

    public static bool IsS3Location(string location) => location.StartsWith("s3://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses <c>s3://bucket/key</c> (also <c>s3a://</c>/<c>s3n://</c> as Spark writes them) or a local path.</summary>
    public static StorageUri Parse(string location)
    {
        if (string.IsNullOrWhiteSpace(location))
            throw new InputException(StorageErrorCodes.InvalidUri, "A storage location is empty.");
        location = location.Trim();
        var schemeEnd = location.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd > 0)
        {
            var scheme = location[..schemeEnd].ToLowerInvariant();
            if (scheme is "file")
                return Local(location[(schemeEnd + 3)..]);
            RejectUnsupportedScheme(location);
            var rest = location[(schemeEnd + 3)..];
            var slash = rest.IndexOf('/');
            var bucket = slash < 0 ? rest : rest[..slash];
            var key = slash < 0 ? "" : rest[(slash + 1)..];
            if (!IsValidBucketName(bucket))
                throw new InputException(StorageErrorCodes.InvalidUri, $"'{bucket}' is not a valid S3 bucket name in '{location}' (3-63 characters: lowercase letters, digits, '.', '-', '_').", new SourceLocation(location));
            return S3(bucket, key);
        }
        return Local(location);
    }

    /// <summary>
    /// DQ3001 for a location with a scheme dq cannot read (<c>gs://</c>, <c>az://</c>, <c>http://</c>), so it
    /// is not mistaken for a missing local file; every command that takes a location calls this.
    /// </summary>
    public static void RejectUnsupportedScheme(string location)
    {
        var schemeEnd = location.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0) return;
        var scheme = location[..schemeEnd].ToLowerInvariant();
        if (scheme is "s3" or "s3a" or "s3n" or "file") return;
        throw new InputException(StorageErrorCodes.InvalidUri, $"Unsupported storage scheme '{scheme}://' in '{location}'; use s3://bucket/key or a local path.", new SourceLocation(location));
    }

    public static StorageUri S3(string bucket, string key) => new(true, bucket, key.TrimStart('/'));

    public static StorageUri Local(string path) => new(false, "", Path.GetFullPath(path).Replace('\\', '/'));

    /// <summary>True when <see cref="Key"/> contains glob characters (<c>* ? [</c>).</summary>
    public bool IsGlob => Key.IndexOfAny(['*', '?', '[']) >= 0;

    /// <summary>The key up to the directory holding the first wildcard (the prefix to list for a glob).</summary>
    public string LiteralPrefix
    {
        get
        {
            var wildcard = Key.IndexOfAny(['*', '?', '[']);
            if (wildcard < 0) return Key;
            return Key[..(Key.LastIndexOf('/', wildcard) + 1)];
        }
    }

    /// <summary>The same store with another key.</summary>
    public StorageUri WithKey(string key) => IsS3 ? S3(Bucket, key) : new StorageUri(false, "", key);

    /// <summary>Appends a relative path below this location as a directory.</summary>
    public StorageUri Append(string relative)
    {
        var baseKey = Key.Length == 0 || Key.EndsWith('/') ? Key : Key + "/";
        return WithKey(baseKey + relative.TrimStart('/'));
    }

    /// <summary>This location as a directory prefix (ends in '/', or empty for a whole bucket).</summary>
    public string DirectoryPrefix => Key.Length == 0 || Key.EndsWith('/') ? Key : Key + "/";

    public override string ToString() => IsS3 ? $"s3://{Bucket}/{Key}" : Key;

    // Lenient on purpose (legacy buckets allow '_' and uppercase in us-east-1); S3 rejects what is truly invalid.
    private static bool IsValidBucketName(string bucket) =>
        bucket.Length is >= 3 and <= 255 && bucket.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');
}
