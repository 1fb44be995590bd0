namespace DataQuality.Core.Profiling.DictionaryPath;

/// <summary>
/// How many chunks a path that bypasses Parquet.Net took (string chunks for the dictionary index path, numeric
/// chunks for the PLAIN value path) and how many it left to Parquet.Net; safe across workers.
/// </summary>
internal sealed class DictionaryIndexStats
{
    private long _counted, _leftToReader;

    public long CountedChunks => Interlocked.Read(ref _counted);

    public long ChunksLeftToReader => Interlocked.Read(ref _leftToReader);

    public void Counted() => Interlocked.Increment(ref _counted);

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _reasons = new();

    /// <summary>Why chunks were left to Parquet.Net, one line per chunk.</summary>
    public IReadOnlyCollection<string> Reasons => _reasons;

    public void LeftToReader(string reason)
    {
        Interlocked.Increment(ref _leftToReader);
        _reasons.Enqueue(reason);
    }
}
