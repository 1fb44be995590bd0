using System.Security.Cryptography;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Storage;

namespace DataQuality.Core.Benchmarking;

/// <summary>An object of a snapshot: relative key, size and checksum (SHA-256 of a local file, the ETag on S3).</summary>
public sealed record SnapshotEntry(string RelativeKey, long Size, string Checksum);

/// <summary>
/// Copies the target partition between the canonical outputs and the bench namespace with relative keys
/// kept, so a snapshot is laid out exactly as the outputs are and <c>dq compare</c> reads it as a tree.
/// </summary>
public static class PartitionSnapshot
{
    /// <summary>
    /// Replaces whatever is at <paramref name="destination"/> with the scope's objects under <paramref name="source"/>,
    /// then verifies the copy (every key, with its size) so a caller can record the snapshot as complete.
    /// </summary>
    public static async Task<IReadOnlyList<ScopedObject>> CopyAsync(
        PartitionScope scope, IObjectStore sourceStore, StorageUri source, IObjectStore destinationStore, StorageUri destination, CancellationToken cancellationToken)
    {
        // A half-written snapshot from an interrupted run must not mix with this one.
        await StorageOperations.DeleteAsync(destinationStore, destination.WithKey(destination.DirectoryPrefix), null, cancellationToken).ConfigureAwait(false);
        var objects = await scope.ListAsync(sourceStore, source, cancellationToken).ConfigureAwait(false);
        await Parallel.ForEachAsync(objects, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (item, ct) =>
            await StorageOperations.CopyAsync(sourceStore, item.Object, destinationStore, destination.Append(item.RelativeKey), ct).ConfigureAwait(false)).ConfigureAwait(false);
        var copied = new Dictionary<string, long>(StringComparer.Ordinal);
        await foreach (var item in destinationStore.ListAsync(destination.WithKey(destination.DirectoryPrefix), cancellationToken).ConfigureAwait(false))
            copied[ObjectSelection.RelativeKey(destination.DirectoryPrefix, item.Uri.Key)] = item.Size;
        var wrong = objects.Where(o => !copied.TryGetValue(o.RelativeKey, out var size) || size != o.Object.Size).Select(o => o.RelativeKey).ToList();
        if (wrong.Count > 0 || copied.Count != objects.Count)
            throw new InputException(StorageErrorCodes.CorruptDownload,
                $"The snapshot {destination} does not match {source} after copying ({(wrong.Count > 0 ? string.Join(", ", wrong.Take(5)) : $"{copied.Count} objects for {objects.Count}")}): something else writes there. Run again (--resume takes the snapshot again).",
                new SourceLocation(destination.ToString()));
        return objects;
    }

    /// <summary>Size and checksum of every object, in key order; what <c>--restore</c> verifies against.</summary>
    public static async Task<IReadOnlyList<SnapshotEntry>> FingerprintAsync(IReadOnlyList<ScopedObject> objects, CancellationToken cancellationToken)
    {
        var result = new List<SnapshotEntry>(objects.Count);
        foreach (var item in objects.OrderBy(o => o.RelativeKey, StringComparer.Ordinal))
            result.Add(new SnapshotEntry(item.RelativeKey, item.Object.Size, await ChecksumAsync(item.Object, cancellationToken).ConfigureAwait(false)));
        return result;
    }

    private static async Task<string> ChecksumAsync(StorageObject item, CancellationToken cancellationToken)
    {
        if (item.Uri.IsS3) return item.ETag?.Trim('"') ?? "";
        await using var stream = new FileStream(item.Uri.Key, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
    }
}
