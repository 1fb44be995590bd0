using DataQuality.Core.Datasets;
using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Storage;

/// <summary>
/// Resolves <c>s3://</c> datasets for <see cref="DatasetResolver"/>: selects the objects (single key,
/// directory/hive tree under a prefix, or glob), downloads them through the <see cref="S3ObjectCache"/>
/// in parallel and returns local paths in key order. In no-cache mode the files go to a private temp
/// directory that lives until this fetcher is disposed, so keep the fetcher alive while DuckDB reads.
/// </summary>
public sealed class S3DatasetFetcher : IRemoteDatasetFetcher, IDisposable
{
    private readonly Lazy<IObjectStore> _store;
    private readonly S3StorageOptions _options;
    private readonly S3ObjectCache _cache;
    private readonly string? _privateDirectory;
    private readonly bool _ownsStore;
    // Every file this fetcher handed out: datasets resolved earlier may still be read, so trimming keeps them.
    private readonly HashSet<string> _handedOut = new(StringComparer.Ordinal);

    public S3DatasetFetcher(S3StorageOptions options)
        : this(new Lazy<IObjectStore>(() => S3ObjectStore.Create(options)), options, ownsStore: true) { }

    public S3DatasetFetcher(IObjectStore store, S3StorageOptions options)
        : this(new Lazy<IObjectStore>(store), options, ownsStore: false) { }

    private S3DatasetFetcher(Lazy<IObjectStore> store, S3StorageOptions options, bool ownsStore)
    {
        _store = store;
        _options = options;
        _ownsStore = ownsStore;
        if (options.NoCache)
        {
            _privateDirectory = Path.Combine(Path.GetTempPath(), "dq-nocache", Guid.NewGuid().ToString("N"));
            _cache = new S3ObjectCache(_privateDirectory, long.MaxValue);
        }
        else
        {
            _cache = new S3ObjectCache(options.ResolvedCacheDirectory, options.CacheMaxBytes);
        }
    }

    public S3ObjectCache Cache => _cache;

    /// <summary>The object store, created at first use (so commands that never touch S3 never need AWS configuration).</summary>
    public IObjectStore Store => _store.Value;

    public async Task<IReadOnlyList<string>> FetchAsync(DatasetRef dataset, CancellationToken cancellationToken) =>
        (await FetchObjectsAsync(dataset, cancellationToken).ConfigureAwait(false)).Select(f => f.LocalPath).ToList();

    public async Task<IReadOnlyList<FetchedFile>> FetchObjectsAsync(DatasetRef dataset, CancellationToken cancellationToken)
    {
        var location = StorageUri.Parse(dataset.Location);
        var selected = await ObjectSelection.SelectListAsync(Store, location, null, cancellationToken).ConfigureAwait(false);
        // A directory or glob keeps only files of the dataset's format (no _SUCCESS, .crc, other formats);
        // a key named exactly is taken as it is.
        var objects = selected.Count == 1 && selected[0].Uri.Key == location.Key
            ? selected
            : selected.Where(o => DatasetResolver.MatchesFormat(o.Uri.Key, dataset.Format)).ToList();
        if (objects.Count == 0)
            throw new InputException(StorageErrorCodes.NoObjects,
                selected.Count == 0 ? $"Dataset '{dataset.Location}' matches no objects." : $"Dataset '{dataset.Location}' matches {selected.Count} objects but no {dataset.Format} files.",
                new SourceLocation(dataset.Location));

        var paths = new string[objects.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, objects.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxConcurrentRequests), CancellationToken = cancellationToken },
            async (i, ct) => paths[i] = await _cache.GetAsync(Store, objects[i], ct).ConfigureAwait(false)).ConfigureAwait(false);

        if (_privateDirectory is null)
        {
            HashSet<string> inUse;
            lock (_handedOut)
            {
                _handedOut.UnionWith(paths.Select(Path.GetFullPath));
                inUse = new HashSet<string>(_handedOut, StringComparer.Ordinal);
            }
            _cache.Trim(inUse);
        }
        return paths.Select((p, i) => new FetchedFile(p, objects[i].Uri.ToString())).ToList();
    }

    public void Dispose()
    {
        if (_ownsStore && _store.IsValueCreated && _store.Value is IDisposable disposable) disposable.Dispose();
        if (_privateDirectory is not null)
        {
            try { Directory.Delete(_privateDirectory, recursive: true); } catch (DirectoryNotFoundException) { } catch (IOException) { }
        }
    }
}
