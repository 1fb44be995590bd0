namespace DataQuality.Core.Comparison;

/// <summary>
/// Lists the files of one output tree. Local directories are listed by
/// <see cref="LocalTreeLister"/>; an S3 implementation can list a prefix (sizes and ETags come
/// free with the listing) and hand back cached local locations, without the comparison
/// changing.
/// </summary>
public interface ITreeLister
{
    /// <summary>True when this lister understands <paramref name="root"/> (a path, an s3:// URI, ...).</summary>
    bool CanList(string root);

    /// <summary>Every file under <paramref name="root"/>, sorted by relative path (ordinal).</summary>
    Task<IReadOnlyList<TreeFile>> ListAsync(string root, CancellationToken cancellationToken);
}
