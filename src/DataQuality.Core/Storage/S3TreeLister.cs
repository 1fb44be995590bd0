using DataQuality.Core.Comparison;
using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Storage;

/// <summary>
/// Lists an <c>s3://bucket/prefix</c> output tree for main-versus-feature comparison
/// (<see cref="TreeComparer"/>): every object under the prefix except hidden and underscore files,
/// downloaded through the <see cref="S3ObjectCache"/> so DuckDB reads local copies. The ETag is the
/// checksum, so an object copied unchanged between runs (sync, CopyObject) is recognised without
/// comparing bytes.
/// </summary>
public sealed class S3TreeLister : ITreeLister, IDisposable
{
    private readonly S3DatasetFetcher _fetcher;
    private readonly S3StorageOptions _options;

    public S3TreeLister(S3StorageOptions options) : this(new S3DatasetFetcher(options), options) { }

    public S3TreeLister(IObjectStore store, S3StorageOptions options) : this(new S3DatasetFetcher(store, options), options) { }

    private S3TreeLister(S3DatasetFetcher fetcher, S3StorageOptions options)
    {
        _fetcher = fetcher;
        _options = options;
    }

    public bool CanList(string root) => StorageUri.IsS3Location(root);

    public async Task<IReadOnlyList<TreeFile>> ListAsync(string root, CancellationToken cancellationToken)
    {
        var location = StorageUri.Parse(root);
        var prefix = location.DirectoryPrefix;
        var objects = new List<(string Relative, StorageObject Item)>();
        await foreach (var item in _fetcher.Store.ListAsync(location.WithKey(prefix), cancellationToken).ConfigureAwait(false))
        {
            var relative = item.Uri.Key[prefix.Length..];
            if (relative.Split('/').Any(segment => segment.StartsWith('.') || segment.StartsWith('_'))) continue;
            objects.Add((relative, item));
        }
        if (objects.Count == 0)
            throw new InputException(StorageErrorCodes.NoObjects, $"Output tree '{root}' holds no objects.", new SourceLocation(root));

        var files = new TreeFile[objects.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, objects.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxConcurrentRequests), CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var (relative, item) = objects[i];
                var local = await _fetcher.Cache.GetAsync(_fetcher.Store, item, ct).ConfigureAwait(false);
                files[i] = new TreeFile(relative, local, item.Size, item.ETag?.Trim('"'));
            }).ConfigureAwait(false);
        Array.Sort(files, (a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return files;
    }

    public void Dispose() => _fetcher.Dispose();
}
