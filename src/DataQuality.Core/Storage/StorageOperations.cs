using DataQuality.Core.Progress;

namespace DataQuality.Core.Storage;

/// <summary>What a sync did.</summary>
public sealed record SyncResult(int Copied, int Unchanged, int Deleted, long BytesCopied);

/// <summary>
/// Operations over object sets that work between any two stores: delete by prefix and partition
/// filter, copy and sync between prefixes (branch runs snapshot a tree with sync). Within one S3
/// store copies are server-side; across stores objects pass through a temp file.
/// </summary>
public static class StorageOperations
{
    /// <summary>Deletes every object <paramref name="location"/> selects (see <see cref="ObjectSelection"/>); returns how many.</summary>
    public static async Task<int> DeleteAsync(IObjectStore store, StorageUri location, PartitionFilter? filter, CancellationToken cancellationToken)
    {
        var selected = await ObjectSelection.SelectListAsync(store, location, filter, cancellationToken).ConfigureAwait(false);
        await store.DeleteAsync(selected.Select(o => o.Uri).ToList(), cancellationToken).ConfigureAwait(false);
        return selected.Count;
    }

    /// <summary>
    /// Makes <paramref name="destination"/> hold the objects under <paramref name="source"/> (relative keys kept).
    /// An object is copied when the destination lacks it or differs in size or content hash (size and
    /// modification time where no content hash is comparable, as <c>aws s3 sync</c> does). With
    /// <paramref name="deleteExtra"/>, destination objects with no source counterpart are removed.
    /// <paramref name="progress"/> hears "copying" in bytes of the selected source objects, once they are
    /// listed (unchanged ones count as done: the total is what the sync had to look at).
    /// </summary>
    public static async Task<SyncResult> SyncAsync(
        IObjectStore sourceStore, StorageUri source, IObjectStore destinationStore, StorageUri destination,
        PartitionFilter? filter = null, bool deleteExtra = false, int parallelism = 8, CancellationToken cancellationToken = default,
        IProgress<WorkProgress>? progress = null)
    {
        var sourceRoot = source.IsGlob ? source.LiteralPrefix : source.DirectoryPrefix;
        StorageOverlap.EnsureDisjoint(source, sourceRoot, destination);
        var sourceObjects = await ObjectSelection.SelectListAsync(sourceStore, source, filter, cancellationToken).ConfigureAwait(false);
        var existing = new Dictionary<string, StorageObject>(StringComparer.Ordinal);
        await foreach (var item in ObjectSelection.SelectAsync(destinationStore, destination.WithKey(destination.DirectoryPrefix), filter, cancellationToken).ConfigureAwait(false))
            existing[ObjectSelection.RelativeKey(destination.DirectoryPrefix, item.Uri.Key)] = item;

        var copied = 0;
        var unchanged = 0;
        long bytes = 0;
        long looked = 0;
        var total = sourceObjects.Sum(o => o.Size);
        progress?.Report(new WorkProgress("copying", 0, total, "bytes"));
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(sourceObjects, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (item, ct) =>
        {
            var relative = ObjectSelection.RelativeKey(sourceRoot, item.Uri.Key);
            lock (wanted) wanted.Add(relative);
            if (existing.TryGetValue(relative, out var current) && IsSame(item, current))
            {
                Interlocked.Increment(ref unchanged);
            }
            else
            {
                await CopyAsync(sourceStore, item, destinationStore, destination.Append(relative), ct).ConfigureAwait(false);
                Interlocked.Increment(ref copied);
                Interlocked.Add(ref bytes, item.Size);
            }
            progress?.Report(new WorkProgress("copying", Interlocked.Add(ref looked, item.Size), total, "bytes"));
        }).ConfigureAwait(false);

        var deleted = 0;
        if (deleteExtra)
        {
            var extra = existing.Where(p => !wanted.Contains(p.Key)).Select(p => p.Value.Uri).ToList();
            await destinationStore.DeleteAsync(extra, cancellationToken).ConfigureAwait(false);
            deleted = extra.Count;
        }
        return new SyncResult(copied, unchanged, deleted, bytes);
    }

    /// <summary>Copies one object between stores (server-side when both are the same store).</summary>
    public static async Task CopyAsync(IObjectStore sourceStore, StorageObject item, IObjectStore destinationStore, StorageUri destination, CancellationToken cancellationToken)
    {
        if (ReferenceEquals(sourceStore, destinationStore))
        {
            await sourceStore.CopyAsync(item, destination, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (!item.Uri.IsS3)
        {
            await destinationStore.UploadAsync(item.Uri.Key, destination, cancellationToken).ConfigureAwait(false);
            return;
        }
        var temp = Path.Combine(Path.GetTempPath(), "dq-sync", Guid.NewGuid().ToString("N"));
        try
        {
            await S3ObjectCache.DownloadAtomicallyAsync(sourceStore, item, temp, cancellationToken).ConfigureAwait(false);
            await destinationStore.UploadAsync(temp, destination, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            try { File.Delete(temp); } catch (IOException) { }
        }
    }

    private static bool IsSame(StorageObject source, StorageObject destination)
    {
        if (source.Size != destination.Size) return false;
        if (source.ContentMd5Hex is { } a && destination.ContentMd5Hex is { } b) return a == b;
        return destination.LastModified >= source.LastModified;
    }
}
