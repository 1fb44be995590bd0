namespace DataQuality.Core.Storage;

/// <summary>
/// An object store: S3 (<see cref="S3ObjectStore"/>) or the local file system
/// (<see cref="LocalObjectStore"/>). Keys are '/'-separated; listing is by plain key prefix.
/// Higher-level selection (globs, directory semantics, hive partition filters) lives in
/// <see cref="ObjectSelection"/>, and copy/sync/delete-by-filter in <see cref="StorageOperations"/>,
/// so both stores behave the same.
/// </summary>
public interface IObjectStore
{
    /// <summary>True when this store serves <paramref name="uri"/> (S3 URIs for S3, paths for local).</summary>
    bool Serves(StorageUri uri);

    /// <summary>Every object whose key starts with <paramref name="prefix"/>'s key, in ordinal key order.</summary>
    IAsyncEnumerable<StorageObject> ListAsync(StorageUri prefix, CancellationToken cancellationToken);

    /// <summary>The object's metadata; throws <c>DQ3002</c> when it does not exist.</summary>
    Task<StorageObject> HeadAsync(StorageUri uri, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the object's content to <paramref name="destinationPath"/> (overwriting it) and verifies its
    /// length (and checksum where the store provides one). Not atomic: callers download to a temp name and
    /// rename (see <see cref="S3ObjectCache"/>). Throws <c>DQ3007</c> when the content stays incomplete.
    /// </summary>
    Task DownloadAsync(StorageObject source, string destinationPath, CancellationToken cancellationToken);

    /// <summary>Stores the local file <paramref name="sourcePath"/> under <paramref name="destination"/>.</summary>
    Task<StorageObject> UploadAsync(string sourcePath, StorageUri destination, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="content"/> under <paramref name="destination"/>.</summary>
    Task<StorageObject> PutAsync(StorageUri destination, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="content"/> under <paramref name="destination"/> only when no object is there; returns
    /// null when one is (a lock: of two writers, one gets it). Local files: atomic (O_CREAT|O_EXCL). S3: a PUT with
    /// <c>If-None-Match: *</c>, atomic on AWS S3 and servers that honour the header; a server that ignores it
    /// (s3rver 3.7) overwrites, so callers read the object back to learn who won.
    /// </summary>
    Task<StorageObject?> CreateNewAsync(StorageUri destination, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>Copies an object within this store (server-side for S3).</summary>
    Task CopyAsync(StorageObject source, StorageUri destination, CancellationToken cancellationToken);

    /// <summary>Deletes the given objects; missing ones are not an error.</summary>
    Task DeleteAsync(IReadOnlyList<StorageUri> objects, CancellationToken cancellationToken);
}
