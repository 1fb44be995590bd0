namespace DataQuality.Core.Comparison;

/// <summary>
/// One file of an output tree. <see cref="RelativePath"/> uses '/' and is what the layout
/// pattern matches; <see cref="Location"/> is what DuckDB reads (a local path today).
/// <see cref="Checksum"/> is a content hash the lister already knows (an S3 ETag, say); when
/// it is null the fast path compares local bytes instead.
/// </summary>
public sealed record TreeFile(string RelativePath, string Location, long Size, string? Checksum = null);
