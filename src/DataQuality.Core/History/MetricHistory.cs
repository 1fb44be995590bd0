namespace DataQuality.Core.History;

/// <summary>
/// The history one validation plans against: the earlier runs of one dataset, loaded before the run
/// (planning is synchronous and must not do I/O) and handed to the planner through
/// <see cref="Checks.Planning.PlanContext.History"/>. Null there means no history store was given.
/// </summary>
public sealed class MetricHistory
{
    public MetricHistory(string dataset, string location, IReadOnlyList<HistoryRun> runs)
    {
        Dataset = dataset;
        Location = location;
        Runs = runs;
    }

    public string Dataset { get; }

    public string Location { get; }

    /// <summary>Earlier runs, oldest first.</summary>
    public IReadOnlyList<HistoryRun> Runs { get; }

    /// <summary>
    /// The last <paramref name="count"/> numeric values recorded under <paramref name="key"/>, oldest
    /// first. Errored checks never count; failed ones only when <paramref name="includeFailed"/>.
    /// </summary>
    public IReadOnlyList<HistoryPoint> Last(string key, int count, bool includeFailed = true)
    {
        var points = new List<HistoryPoint>();
        for (var i = Runs.Count - 1; i >= 0 && points.Count < count; i--)
        {
            var check = Runs[i].Checks.FirstOrDefault(c => c.Key == key);
            if (check is null || check.Status == "error" || (!includeFailed && check.Status == "failed")) continue;
            if (check.Number is { } value && double.IsFinite(value)) points.Add(new HistoryPoint(Runs[i].RunId, Runs[i].TimeUtc, value));
        }
        points.Reverse();
        return points;
    }

    /// <summary>Loads the runs of <paramref name="dataset"/> from <paramref name="store"/>.</summary>
    public static async Task<MetricHistory> LoadAsync(IMetricHistoryStore store, string dataset, CancellationToken cancellationToken) =>
        new(dataset, store.Location, await store.ReadAsync(dataset, cancellationToken).ConfigureAwait(false));
}

public sealed record HistoryPoint(string RunId, DateTime TimeUtc, double Value);
