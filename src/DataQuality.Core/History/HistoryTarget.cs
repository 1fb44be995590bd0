namespace DataQuality.Core.History;

/// <summary>
/// Where a run reads and appends its history: the store and the dataset key runs are grouped by (for
/// <c>dq validate --data</c> the data location unless <c>--history-dataset</c> names a stable key, e.g.
/// when each run reads a new dated partition).
/// </summary>
public sealed record HistoryTarget(IMetricHistoryStore Store, string Dataset);
