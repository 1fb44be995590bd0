using System.Runtime.CompilerServices;
using DataQuality.Core.Datasets;

namespace DataQuality.Core.Storage;

/// <summary>
/// What a location means as a set of objects, the same for S3 and local stores:
/// a glob (<c>s3://b/orders/**/*.parquet</c>) matches keys by pattern; any other location is
/// a single object when one has exactly that key, else a directory (every key under
/// <c>location/</c>, never a sibling like <c>orders_v2</c>). A partition filter narrows either.
/// </summary>
public static class ObjectSelection
{
    public static async IAsyncEnumerable<StorageObject> SelectAsync(
        IObjectStore store, StorageUri location, PartitionFilter? filter = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        filter ??= PartitionFilter.None;
        if (location.IsGlob)
        {
            var regex = LocalGlob.ToRegex(location.Key);
            await foreach (var item in store.ListAsync(location.WithKey(location.LiteralPrefix), cancellationToken).ConfigureAwait(false))
                if (regex.IsMatch(item.Uri.Key) && filter.Matches(RelativeKey(location.LiteralPrefix, item.Uri.Key)))
                    yield return item;
            yield break;
        }

        var prefix = location.DirectoryPrefix;
        var exact = location.Key.EndsWith('/') || location.Key.Length == 0 ? null : location.Key;
        await foreach (var item in store.ListAsync(location.WithKey(exact ?? prefix), cancellationToken).ConfigureAwait(false))
        {
            var key = item.Uri.Key;
            if (key == exact)
            {
                // Ordinal listing puts the exact key before everything below it: a file wins over a directory.
                if (filter.Matches(key)) yield return item;
                yield break;
            }
            else if (key.StartsWith(prefix, StringComparison.Ordinal) && filter.Matches(key[prefix.Length..]))
            {
                yield return item;
            }
        }
    }

    public static async Task<List<StorageObject>> SelectListAsync(IObjectStore store, StorageUri location, PartitionFilter? filter, CancellationToken cancellationToken)
    {
        var result = new List<StorageObject>();
        await foreach (var item in SelectAsync(store, location, filter, cancellationToken).ConfigureAwait(false))
            result.Add(item);
        return result;
    }

    /// <summary>The part of <paramref name="key"/> below <paramref name="root"/> (a directory prefix or an exact key).</summary>
    public static string RelativeKey(string root, string key)
    {
        if (root.Length == 0) return key;
        if (key == root) return key[(key.LastIndexOf('/') + 1)..];
        var prefix = root.EndsWith('/') ? root : root + "/";
        return key.StartsWith(prefix, StringComparison.Ordinal) ? key[prefix.Length..] : key;
    }
}
