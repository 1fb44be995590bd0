using DataQuality.Core.Comparison;
using DataQuality.Core.Storage;

namespace DataQuality.Core.Benchmarking;

/// <summary>One object of the target partition: its key relative to the root it was listed under.</summary>
public sealed record ScopedObject(string RelativeKey, StorageObject Object);

/// <summary>
/// The only objects a bench run may delete or overwrite under the canonical outputs: those in the target
/// partition (every <c>column=value</c> of <c>--partition</c> in the path) of the chosen layers (the path
/// segment where the layout has <c>{layer}</c>). Everything else is listed only to be left alone.
/// </summary>
public sealed class PartitionScope
{
    private readonly PartitionFilter _partition;
    private readonly HashSet<string> _layers;
    private readonly int _layerSegment;

    public PartitionScope(IReadOnlyList<string> partition, IReadOnlyList<string> layers, TreeLayout layout)
    {
        _partition = PartitionFilter.Parse(partition);
        _layers = new HashSet<string>(layers, StringComparer.Ordinal);
        _layerSegment = Array.IndexOf(layout.Pattern.Split('/'), "{layer}");
    }

    public bool Contains(string relativeKey)
    {
        if (!_partition.Matches(relativeKey)) return false;
        if (_layers.Count == 0) return true;
        var segments = relativeKey.Split('/');
        return _layerSegment >= 0 && _layerSegment < segments.Length - 1 && _layers.Contains(segments[_layerSegment]);
    }

    /// <summary>The scope's objects under <paramref name="root"/>, in key order.</summary>
    public async Task<IReadOnlyList<ScopedObject>> ListAsync(IObjectStore store, StorageUri root, CancellationToken cancellationToken)
    {
        var prefix = root.DirectoryPrefix;
        var result = new List<ScopedObject>();
        await foreach (var item in ObjectSelection.SelectAsync(store, root.WithKey(prefix), null, cancellationToken).ConfigureAwait(false))
        {
            var relative = ObjectSelection.RelativeKey(prefix, item.Uri.Key);
            if (Contains(relative)) result.Add(new ScopedObject(relative, item));
        }
        return result;
    }

    /// <summary>Deletes the scope's objects under <paramref name="root"/>; returns how many.</summary>
    public async Task<int> PurgeAsync(IObjectStore store, StorageUri root, CancellationToken cancellationToken)
    {
        var objects = await ListAsync(store, root, cancellationToken).ConfigureAwait(false);
        await store.DeleteAsync(objects.Select(o => o.Object.Uri).ToList(), cancellationToken).ConfigureAwait(false);
        return objects.Count;
    }
}
