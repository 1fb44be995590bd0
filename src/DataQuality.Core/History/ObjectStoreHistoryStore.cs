using System.Text;
using DataQuality.Core.Storage;

namespace DataQuality.Core.History;

/// <summary>
/// History under an object-store prefix (S3 has no append): each run is its own object,
/// <c>&lt;prefix&gt;/&lt;dataset-slug&gt;/&lt;yyyy-MM-dd&gt;/&lt;run-id&gt;.jsonl</c>, so concurrent writers never
/// touch the same key. Run ids start with the UTC time, so key order is time order.
/// </summary>
public sealed class ObjectStoreHistoryStore : IMetricHistoryStore
{
    private readonly IObjectStore _store;
    private readonly StorageUri _prefix;
    private readonly bool _ownsStore;

    public ObjectStoreHistoryStore(IObjectStore store, StorageUri prefix, bool ownsStore = false)
    {
        _store = store;
        _prefix = prefix;
        _ownsStore = ownsStore;
    }

    public string Location => _prefix.ToString();

    public StorageUri ObjectFor(HistoryRun run) =>
        _prefix.Append($"{DatasetSlug.For(run.Dataset)}/{run.TimeUtc:yyyy-MM-dd}/{run.RunId}.jsonl");

    public async Task AppendAsync(HistoryRun run, CancellationToken cancellationToken) =>
        await _store.PutAsync(ObjectFor(run), Encoding.UTF8.GetBytes(run.ToJsonLine() + "\n"), cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<HistoryRun>> ReadAsync(string? dataset, CancellationToken cancellationToken)
    {
        var listPrefix = dataset is null ? _prefix.WithKey(_prefix.DirectoryPrefix) : _prefix.Append(DatasetSlug.For(dataset) + "/");
        var objects = new List<StorageObject>();
        await foreach (var o in _store.ListAsync(listPrefix, cancellationToken).ConfigureAwait(false))
            if (o.Uri.Key.EndsWith(".jsonl", StringComparison.Ordinal)) objects.Add(o);

        var runs = new List<HistoryRun>();
        var temp = Path.Combine(Path.GetTempPath(), "dq-history-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(temp);
        try
        {
            // Objects are small (one run each); a few at a time keeps a long history from taking minutes.
            var texts = new string[objects.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, objects.Count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (i, ct) =>
            {
                var file = Path.Combine(temp, i + ".jsonl");
                await _store.DownloadAsync(objects[i], file, ct).ConfigureAwait(false);
                texts[i] = await File.ReadAllTextAsync(file, ct).ConfigureAwait(false);
            }).ConfigureAwait(false);
            for (var i = 0; i < objects.Count; i++)
                runs.AddRange(HistoryLines.Parse(texts[i], objects[i].Uri.ToString()).Where(r => dataset is null || r.Dataset == dataset));
        }
        finally
        {
            try { System.IO.Directory.Delete(temp, recursive: true); } catch (IOException) { }
        }
        return HistoryLines.Sorted(runs);
    }

    public void Dispose()
    {
        if (_ownsStore && _store is IDisposable d) d.Dispose();
    }
}
