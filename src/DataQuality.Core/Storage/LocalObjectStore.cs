using System.Globalization;
using System.Runtime.CompilerServices;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Files;

namespace DataQuality.Core.Storage;

/// <summary>
/// The local file system as an object store, so copy/sync/delete work between a local tree and S3
/// with one code path. Keys are absolute paths with '/' separators. The ETag is size plus
/// modification time (not a content hash), which is what sync compares for local files.
/// </summary>
public sealed class LocalObjectStore : IObjectStore
{
    public static LocalObjectStore Instance { get; } = new();

    public bool Serves(StorageUri uri) => !uri.IsS3;

    public async IAsyncEnumerable<StorageObject> ListAsync(StorageUri prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        var key = prefix.Key;
        var slash = key.LastIndexOf('/');
        var directory = key[..(slash + 1)];
        var namePrefix = key[(slash + 1)..];
        if (directory.Length == 0 || !Directory.Exists(directory)) yield break;
        // Only entries of the parent whose names start with the last segment are walked, so listing
        // "/data/orders" never enumerates the rest of "/data".
        var found = LocalFileTree.List(directory,
            include: f => !IsTempFile(f) && Path.GetRelativePath(directory, f).StartsWith(namePrefix, StringComparison.Ordinal),
            descend: d => Path.GetRelativePath(directory, d).StartsWith(namePrefix, StringComparison.Ordinal),
            cancellationToken);
        var files = found
            .Select(f => f.Replace('\\', '/'))
            .Where(f => f.StartsWith(key, StringComparison.Ordinal) && !IsTempFile(f))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return Describe(LocalFileTree.Target(file), prefix.WithKey(file));
        }
    }

    public Task<StorageObject> HeadAsync(StorageUri uri, CancellationToken cancellationToken)
    {
        var info = LocalFileTree.Target(uri.Key);
        if (!info.Exists)
            throw new InputException(StorageErrorCodes.NotFound, $"File not found: '{uri}'.", new SourceLocation(uri.ToString()));
        return Task.FromResult(Describe(info, uri));
    }

    public async Task DownloadAsync(StorageObject source, string destinationPath, CancellationToken cancellationToken)
    {
        var info = LocalFileTree.Target(source.Uri.Key);
        if (!info.Exists)
            throw new InputException(StorageErrorCodes.NotFound, $"File not found: '{source.Uri}'.", new SourceLocation(source.Uri.ToString()));
        EnsureParent(destinationPath);
        await using (var input = new FileStream(source.Uri.Key, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true))
        await using (var output = new FileStream(destinationPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            await input.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
        var written = new FileInfo(destinationPath).Length;
        if (written != source.Size)
            throw new InputException(StorageErrorCodes.CorruptDownload, $"Copy of '{source.Uri}' has {written} bytes, expected {source.Size} (the file changed while it was read).", new SourceLocation(source.Uri.ToString()));
    }

    public async Task<StorageObject> UploadAsync(string sourcePath, StorageUri destination, CancellationToken cancellationToken)
    {
        var temp = TempNameFor(destination.Key);
        EnsureParent(temp);
        await using (var input = new FileStream(sourcePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true))
        await using (var output = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            await input.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
        File.Move(temp, destination.Key, overwrite: true);
        return Describe(new FileInfo(destination.Key), destination);
    }

    public async Task<StorageObject> PutAsync(StorageUri destination, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var temp = TempNameFor(destination.Key);
        EnsureParent(temp);
        await File.WriteAllBytesAsync(temp, content.ToArray(), cancellationToken).ConfigureAwait(false);
        File.Move(temp, destination.Key, overwrite: true);
        return Describe(new FileInfo(destination.Key), destination);
    }

    public async Task<StorageObject?> CreateNewAsync(StorageUri destination, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        EnsureParent(destination.Key);
        try
        {
            // CreateNew is O_CREAT|O_EXCL: the file system lets exactly one of two racing writers create it.
            await using var stream = new FileStream(destination.Key, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 4096, useAsync: true);
            await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException) when (File.Exists(destination.Key))
        {
            return null;
        }
        return Describe(new FileInfo(destination.Key), destination);
    }

    public Task CopyAsync(StorageObject source, StorageUri destination, CancellationToken cancellationToken) =>
        UploadAsync(source.Uri.Key, destination, cancellationToken);

    public Task DeleteAsync(IReadOnlyList<StorageUri> objects, CancellationToken cancellationToken)
    {
        foreach (var uri in objects)
        {
            cancellationToken.ThrowIfCancellationRequested();
            File.Delete(uri.Key);
        }
        return Task.CompletedTask;
    }

    private static StorageObject Describe(FileInfo info, StorageUri uri) => new(
        uri, info.Length,
        string.Create(CultureInfo.InvariantCulture, $"{info.Length:x}-{info.LastWriteTimeUtc.Ticks:x}"),
        new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero));

    // Writes go to "<name>.dq-tmp-<guid>" then rename, so a reader never sees half a file.
    private static string TempNameFor(string path) => $"{path}.dq-tmp-{Guid.NewGuid():N}";

    internal static bool IsTempFile(string path) => path.Contains(".dq-tmp-", StringComparison.Ordinal);

    private static void EnsureParent(string path)
    {
        var parent = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(parent)) Directory.CreateDirectory(parent);
    }
}
