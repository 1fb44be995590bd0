using System.Globalization;

namespace DataQuality.Core.Comparison;

/// <summary>Applies <see cref="ComparisonThresholds"/> to the compared entities. No threshold set means the comparison is a report and passes.</summary>
public static class VerdictEvaluator
{
    public static ComparisonVerdict Evaluate(IReadOnlyList<EntityComparison> entities, ComparisonThresholds thresholds)
    {
        var breaches = new List<ThresholdBreach>();
        foreach (var e in entities)
        {
            if (thresholds.FailOnSchemaChange)
            {
                if (e.Presence != Presence.Both)
                    breaches.Add(new ThresholdBreach(e.Name, "fail-on-schema-change", e.Presence == Presence.Added ? "entity added" : "entity removed", "no schema change"));
                if (!e.BaseSchemaVersions.SequenceEqual(e.HeadSchemaVersions) && e.Presence == Presence.Both)
                    breaches.Add(new ThresholdBreach(e.Name, "fail-on-schema-change",
                        $"schema version {string.Join(",", e.BaseSchemaVersions)} -> {string.Join(",", e.HeadSchemaVersions)}", "no schema change"));
                foreach (var c in e.SchemaChanges)
                    breaches.Add(new ThresholdBreach(e.Name, "fail-on-schema-change", $"{c.Column}: {Describe(c)}", "no schema change"));
            }
            if (thresholds.MaxRowCountDeltaPercent is { } maxPct)
            {
                var pct = e.RowCounts.DeltaPercent;
                if (pct is null || Math.Abs(pct.Value) > maxPct)
                    breaches.Add(new ThresholdBreach(e.Name, "max-row-count-delta-pct",
                        pct is null ? "infinite (base has 0 rows)" : SnapshotNumber(pct.Value) + "%", SnapshotNumber(maxPct) + "%"));
            }
            if (thresholds.MaxDriftPsi is { } maxPsi)
                foreach (var p in e.Profile)
                    if (p.Drift?.Psi is { } psi && psi > maxPsi)
                        breaches.Add(new ThresholdBreach(e.Name, "max-drift-psi", $"{p.Column}: PSI {DriftNumber(psi)}", DriftNumber(maxPsi)));
            if (thresholds.MaxChangedRows is { } maxRows)
            {
                var differing = e.Presence switch
                {
                    Presence.Added => e.RowCounts.Head,
                    Presence.Removed => e.RowCounts.Base,
                    _ => e.Keyed?.DifferingRows ?? 0,
                };
                if (differing > maxRows)
                    breaches.Add(new ThresholdBreach(e.Name, "max-changed-rows", differing.ToString(CultureInfo.InvariantCulture), maxRows.ToString(CultureInfo.InvariantCulture)));
            }
        }
        return new ComparisonVerdict(breaches.Count == 0, breaches);
    }

    public static string Describe(ColumnSchemaChange c) => c.Kind switch
    {
        SchemaChangeKind.ColumnAdded => $"column added ({c.After})",
        SchemaChangeKind.ColumnRemoved => $"column removed ({c.Before})",
        SchemaChangeKind.TypeChanged => $"type {c.Before} -> {c.After}",
        _ => $"{c.Before} -> {c.After}",
    };

    /// <summary>Drift statistics are sketch estimates: four decimals, invariant, so snapshots are stable.</summary>
    public static string DriftNumber(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string SnapshotNumber(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
