namespace DataQuality.Core.Storage;

/// <summary>One stored object (or local file) as a listing reports it.</summary>
public sealed record StorageObject(StorageUri Uri, long Size, string? ETag, DateTimeOffset LastModified)
{
    /// <summary>
    /// The ETag without quotes when it is a plain MD5 of the content (single-part upload,
    /// no SSE-KMS/SSE-C); null otherwise (multipart ETags contain '-').
    /// </summary>
    public string? ContentMd5Hex
    {
        get
        {
            var tag = ETag?.Trim('"');
            return tag is { Length: 32 } && tag.All(char.IsAsciiHexDigit) ? tag.ToLowerInvariant() : null;
        }
    }
}
