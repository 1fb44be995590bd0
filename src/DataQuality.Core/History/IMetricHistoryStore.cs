namespace DataQuality.Core.History;

/// <summary>
/// Where run records live: a local folder (<see cref="LocalHistoryStore"/>, one appended JSONL file per
/// dataset) or an object-store prefix (<see cref="ObjectStoreHistoryStore"/>, one object per run,
/// because S3 cannot append). Appending never rewrites earlier runs.
/// </summary>
public interface IMetricHistoryStore : IDisposable
{
    /// <summary>The folder or s3:// prefix, for messages.</summary>
    string Location { get; }

    Task AppendAsync(HistoryRun run, CancellationToken cancellationToken);

    /// <summary>The runs of <paramref name="dataset"/> (all datasets when null), oldest first.</summary>
    Task<IReadOnlyList<HistoryRun>> ReadAsync(string? dataset, CancellationToken cancellationToken);
}
