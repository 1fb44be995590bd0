using System.Security.Cryptography;
using System.Text;
using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Storage;

/// <summary>
/// Local copies of remote objects for DuckDB to read. An entry is keyed by bucket, key and ETag:
/// <c>&lt;root&gt;/&lt;bucket&gt;/&lt;key directories&gt;/e-&lt;hash(bucket,key,etag)&gt;/&lt;file name&gt;</c>. The key's
/// directories stay in the path so hive partitions (<c>ds=2026-02-11</c>) still reach DuckDB, and the
/// file name stays so extension-based detection (<c>.csv.gz</c>) works.
/// Downloads go to a temp name in the same directory, are verified by the store (length and
/// checksum), then renamed into place: an entry that exists is complete. Entries are trimmed to
/// <see cref="MaxBytes"/>, least recently used first (the access time is set on every hit).
/// </summary>
public sealed class S3ObjectCache
{
    public S3ObjectCache(string root, long maxBytes)
    {
        Root = Path.GetFullPath(root);
        MaxBytes = maxBytes;
    }

    public string Root { get; }

    public long MaxBytes { get; }

    /// <summary>Where the entry for <paramref name="item"/> lives (whether or not it exists yet).</summary>
    public string PathFor(StorageObject item)
    {
        var segments = item.Uri.Key.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var fileName = segments.Length == 0 ? "object" : SafeSegment(segments[^1]);
        var identity = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{item.Uri.Bucket}\n{item.Uri.Key}\n{item.ETag}\n{item.Size}")))[..20];
        var parts = new List<string> { Root, SafeSegment(item.Uri.Bucket) };
        parts.AddRange(segments.Take(segments.Length - 1).Select(SafeSegment));
        parts.Add("e-" + identity);
        parts.Add(fileName);
        return Path.Combine([.. parts]);
    }

    /// <summary>The cached file for <paramref name="item"/>, downloading it first when absent.</summary>
    public async Task<string> GetAsync(IObjectStore store, StorageObject item, CancellationToken cancellationToken)
    {
        var path = PathFor(item);
        if (File.Exists(path) && new FileInfo(path).Length == item.Size)
        {
            Touch(path);
            return path;
        }
        await DownloadAtomicallyAsync(store, item, path, cancellationToken).ConfigureAwait(false);
        return path;
    }

    /// <summary>Downloads to <c>path.dq-tmp-*</c>, lets the store verify, then renames; a failure leaves nothing behind.</summary>
    public static async Task DownloadAtomicallyAsync(IObjectStore store, StorageObject item, string path, CancellationToken cancellationToken)
    {
        var temp = $"{path}.dq-tmp-{Guid.NewGuid():N}";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await store.DownloadAsync(item, temp, cancellationToken).ConfigureAwait(false);
            var length = new FileInfo(temp).Length;
            if (length != item.Size) // the store verifies too; this guards the rename itself
                throw new InputException(StorageErrorCodes.CorruptDownload, $"Download of '{item.Uri}' has {length} bytes, expected {item.Size}.", new SourceLocation(item.Uri.ToString()));
            File.Move(temp, path, overwrite: true);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new InputException(StorageErrorCodes.CacheIo, $"Cannot write the S3 cache at '{path}': {ex.Message} (set --cache-dir or DQ_CACHE_DIR).", new SourceLocation(item.Uri.ToString()), ex);
        }
        finally
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>
    /// Deletes least recently used entries until the cache fits <see cref="MaxBytes"/>; entries in
    /// <paramref name="inUse"/> (the dataset being read) are kept even when they alone exceed it.
    /// </summary>
    public long Trim(IReadOnlySet<string>? inUse = null)
    {
        if (!Directory.Exists(Root)) return 0;
        var files = new DirectoryInfo(Root).EnumerateFiles("*", SearchOption.AllDirectories)
            .Where(f => !f.Name.Contains(".dq-tmp-", StringComparison.Ordinal))
            .ToList();
        var total = files.Sum(f => f.Length);
        long freed = 0;
        foreach (var file in files.OrderBy(f => f.LastAccessTimeUtc).ThenBy(f => f.FullName, StringComparer.Ordinal))
        {
            if (total <= MaxBytes) break;
            if (inUse is not null && inUse.Contains(file.FullName)) continue;
            try
            {
                var length = file.Length;
                file.Delete();
                total -= length;
                freed += length;
                TryRemoveEmptyParents(file.Directory);
            }
            catch (IOException) { } // another process is reading or replacing it; try the next one
        }
        return freed;
    }

    /// <summary>Total bytes of complete entries.</summary>
    public long SizeOnDisk() => !Directory.Exists(Root) ? 0
        : new DirectoryInfo(Root).EnumerateFiles("*", SearchOption.AllDirectories).Where(f => !f.Name.Contains(".dq-tmp-", StringComparison.Ordinal)).Sum(f => f.Length);

    private static void Touch(string path)
    {
        try { File.SetLastAccessTimeUtc(path, DateTime.UtcNow); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private void TryRemoveEmptyParents(DirectoryInfo? directory)
    {
        while (directory is not null && directory.FullName.Length > Root.Length && directory.FullName.StartsWith(Root, StringComparison.Ordinal))
        {
            try
            {
                if (directory.EnumerateFileSystemInfos().Any()) return;
                directory.Delete();
            }
            catch (IOException) { return; }
            directory = directory.Parent;
        }
    }

    // Keys may hold "..", characters a file system or a glob would misread, or names too long for a file
    // system; such segments are escaped or hashed. '=' stays so hive partitions survive, and so do '%'
    // and (where the OS allows it) ':': DuckDB URL-decodes hive values and infers their types from the raw
    // text, so `ts=2024-01-01 10:00:00` and `city=New%20York` must reach it as the key has them to read
    // as TIMESTAMP and 'New York', as from s3:// itself. Escaping need not be reversible: the e-<hash>
    // directory after the key's folders keeps every cached object's path unique.
    private static string SafeSegment(string segment)
    {
        if (segment is "." or "..") return "%2E" + segment[1..].Replace(".", "%2E");
        var sb = new StringBuilder(segment.Length);
        foreach (var c in segment)
        {
            if (c is '\\' or '*' or '?' or '[' or '"' or '<' or '>' or '|' || (c == ':' && OperatingSystem.IsWindows()) || char.IsControl(c))
                sb.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            else
                sb.Append(c);
        }
        var safe = sb.ToString();
        return Encoding.UTF8.GetByteCount(safe) <= 200 ? safe
            : safe[..100] + "~" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(segment)))[..16];
    }
}
