namespace DataQuality.Core.Comparison;

/// <summary>
/// The outcome of comparing a base tree (main) with a head tree (feature). A value: the
/// snapshot renderers turn it into deterministic Markdown and JSON. Lists are already in
/// report order (entities, columns and partitions by name; column diffs by difference count).
/// </summary>
public sealed record ComparisonReport(
    string BaseRoot,
    string HeadRoot,
    string Layout,
    IReadOnlyList<EntityComparison> Entities,
    IReadOnlyList<ManifestComparison> Manifests,
    IReadOnlyList<string> UnmatchedFiles,
    ComparisonThresholds Thresholds,
    ComparisonVerdict Verdict);

public enum Presence { Both, Added, Removed }

public sealed record EntityComparison(
    string Name,
    Presence Presence,
    IReadOnlyList<string> BaseSchemaVersions,
    IReadOnlyList<string> HeadSchemaVersions,
    bool IdenticalFiles,
    RowCountComparison RowCounts,
    IReadOnlyList<PartitionComparison> Partitions,
    IReadOnlyList<ColumnSchemaChange> SchemaChanges,
    IReadOnlyList<SchemaColumn> Columns,
    KeyedComparison? Keyed,
    IReadOnlyList<ColumnProfileComparison> Profile)
{
    /// <summary>
    /// Whether the entity differs between the trees: it is on one side only, or its files are not
    /// byte-identical and something in them differs. Without a keyed comparison differing bytes are all
    /// that is known, so they count; with one, added, removed or changed rows, a schema change, or a
    /// changed row count do (rows with a null or duplicated key stay out of the keyed classification but
    /// still change the count). The one rule every front end reports.
    /// </summary>
    public bool HasDifferences => Presence != Presence.Both
        || !IdenticalFiles && (Keyed is null || Keyed.DifferingRows > 0 || SchemaChanges.Count > 0 || RowCounts.Delta != 0);

    /// <summary>A column's distribution moved beyond <see cref="Profiling.Drift.StablePsiBelow"/>: worth showing even when no row differs.</summary>
    public bool HasDrift => Profile.Any(p => p.Drift is { Psi: > Profiling.Drift.StablePsiBelow });
}

public sealed record RowCountComparison(long Base, long Head)
{
    public long Delta => Head - Base;

    /// <summary>Delta relative to base in percent; null when base is 0 and head is not (infinite).</summary>
    public double? DeltaPercent => Base == 0 ? (Head == 0 ? 0 : null) : 100.0 * Delta / Base;
}

public enum PartitionStatus { Identical, Differs, Added, Removed }

public sealed record PartitionComparison(string Partition, PartitionStatus Status, long BaseRows, long HeadRows, int BaseFiles, int HeadFiles)
{
    public RowCountComparison Rows => new(BaseRows, HeadRows);
}

/// <summary>A column in the union of both schemas. Type and nullability are null on a side that lacks the column.</summary>
public sealed record SchemaColumn(string Name, string? BaseType, string? HeadType, bool? BaseNullable, bool? HeadNullable, bool Excluded);

public enum SchemaChangeKind { ColumnAdded, ColumnRemoved, TypeChanged, NullabilityChanged }

public sealed record ColumnSchemaChange(string Column, SchemaChangeKind Kind, string? Before, string? After);

/// <summary>Keyed row comparison. Rows whose key is null or duplicated on a side are counted, then left out of the classification.</summary>
public sealed record KeyedComparison(
    IReadOnlyList<string> KeyColumns,
    KeyHealth BaseKeys,
    KeyHealth HeadKeys,
    long DuplicateKeysEitherSide,
    long Added,
    long Removed,
    long Changed,
    long Identical,
    long IdenticalWithinTolerance,
    long IdenticalInSkippedPartitions,
    IReadOnlyList<ColumnValueComparison> Columns,
    RowSamples Samples)
{
    /// <summary>Keys classified (added + removed + changed + identical); the denominator of the percentages.</summary>
    public long ClassifiedKeys => Added + Removed + Changed + Identical;

    public long DifferingRows => Added + Removed + Changed;
}

public sealed record KeyHealth(long Rows, long NullKeyRows, long DuplicateKeys, long DuplicateKeyRows);

public sealed record ColumnValueComparison(
    string Column,
    long Unequal,
    long NullOnlyInBase,
    long NullOnlyInHead,
    double? MaxAbsoluteDifference,
    double? AbsoluteTolerance,
    double? RelativeTolerance,
    long WithinTolerance);

public sealed record RowSamples(
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Removed,
    IReadOnlyList<ChangedRowSample> Changed,
    IReadOnlyList<DuplicateKeySample> DuplicateKeys);

public sealed record ChangedRowSample(string Key, IReadOnlyList<ValueChange> Changes);

public sealed record ValueChange(string Column, string? Base, string? Head);

public sealed record DuplicateKeySample(string Key, long BaseRows, long HeadRows);

/// <summary>One column's profile on each side; a side is null when the column is missing there. <paramref name="Drift"/> is
/// null when no distribution could be compared (no profile pass, a column missing on a side, a kind without drift).</summary>
public sealed record ColumnProfileComparison(string Column, ColumnProfile? Base, ColumnProfile? Head, ColumnDrift? Drift = null);

/// <summary>
/// Distribution drift from base to head: population stability index (numeric/temporal: 10 bins at the
/// base's quantiles; string: the top values plus "other") and, for numeric and temporal columns, the
/// two-sample Kolmogorov–Smirnov statistic. Both come from sketches, so they are approximate (KS to
/// about 0.01). A value is null when a side has no non-null values.
/// </summary>
public sealed record ColumnDrift(string Kind, double? Psi, double? KolmogorovSmirnov)
{
    /// <summary>Base and head shares over shared equal-width bins (numeric and temporal columns), for overlaid histograms; null otherwise.</summary>
    public IReadOnlyList<Profiling.DriftBin>? Histogram { get; init; }

    /// <summary>Why PSI and KS were not computed although the column has a distribution on both sides ("too few rows (n=5; …)"); null otherwise.</summary>
    public string? NotEvaluable { get; init; }
}

public sealed record ColumnProfile(
    long Count,
    long Nulls,
    long DistinctApprox,
    string? Min,
    string? Max,
    double? Mean,
    IReadOnlyList<TopValue>? TopValues);

public sealed record TopValue(string? Value, long Count);

public sealed record ManifestComparison(
    string Path,
    Presence Presence,
    string? Layer,
    string? Entity,
    long? BaseRecordCount,
    long? HeadRecordCount,
    IReadOnlyList<ValueChange> ModelVersionChanges);

public sealed record ComparisonVerdict(bool Passed, IReadOnlyList<ThresholdBreach> Breaches)
{
    public int ExitCode => Passed ? ExitCodes.Passed : ExitCodes.ChecksFailed;
}

public sealed record ThresholdBreach(string Entity, string Rule, string Observed, string Limit);
