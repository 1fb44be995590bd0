using System.Globalization;
using System.Text.Json.Serialization;
using DataQuality.Core.Profiling.Sketches;

namespace DataQuality.Core.Profiling;

/// <summary>
/// Everything the profiler knows about one leaf column. The settable properties are mergeable state
/// (exact counters, moments, sketches) and round-trip through JSON; the get-only ones are derived from
/// that state and written to JSON for readers, but ignored when a profile is read back.
/// </summary>
public sealed class ColumnProfile
{
    /// <summary>Quantiles reported for numeric and temporal columns.</summary>
    public static readonly double[] ReportedQuantiles = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];

    public const int HistogramBins = 20;
    public const int ReportedTopK = 50;

    /// <summary>Leaf path, parts joined with '.', e.g. <c>address.city</c> or <c>tags.list.element</c>.</summary>
    public required string Path { get; init; }

    public ColumnKind Kind { get; set; }

    /// <summary>Parquet physical type (INT64, BYTE_ARRAY, ...).</summary>
    public string? PhysicalType { get; set; }

    /// <summary>Parquet logical or converted type when present (STRING, DECIMAL(10,2), TIMESTAMP_MICROS, ...).</summary>
    public string? LogicalType { get; set; }

    /// <summary>True for leaves under a LIST or MAP: counts are per leaf entry, not per row.</summary>
    public bool Repeated { get; set; }

    /// <summary>
    /// True for a hive partition column (<c>ds=...</c> directories): its values come from the files' paths,
    /// one per file, and its kind is the type DuckDB gives the key. Omitted from JSON when false.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Partition { get; set; }

    /// <summary>Why this column could not be profiled (DQ5004), or null.</summary>
    public string? Unsupported { get; set; }

    public long RowCount { get; set; }

    /// <summary>Leaf slots: equals <see cref="RowCount"/> for flat columns, the number of list entries for repeated ones.</summary>
    public long ValueCount { get; set; }

    public long NullCount { get; set; }

    public long NonNullCount => ValueCount - NullCount;

    public long NaNCount { get; set; }
    public long PositiveInfinityCount { get; set; }
    public long NegativeInfinityCount { get; set; }
    public long ZeroCount { get; set; }
    public long NegativeCount { get; set; }
    public long TrueCount { get; set; }

    /// <summary>Smallest non-null value as text (numbers invariant, temporal ISO 8601, strings ordinal).</summary>
    public string? Min { get; set; }

    public string? Max { get; set; }

    /// <summary>Numeric form of <see cref="Min"/> (temporal: Unix microseconds); null for text kinds.</summary>
    public double? MinNumber { get; set; }

    public double? MaxNumber { get; set; }

    /// <summary>"data" when min/max came from decoded values, "metadata" when only row-group statistics were used.</summary>
    public string? MinMaxSource { get; set; }

    public Moments? Moments { get; set; }

    public StringStats? Strings { get; set; }

    /// <summary>
    /// Allocated on first use: the profiler feeds decoded chunks into per-worker sketches, so most row-group
    /// profiles never touch their own 16 KiB of registers.
    /// </summary>
    public HyperLogLog DistinctSketch
    {
        get => _distinctSketch ??= new();
        set => _distinctSketch = value;
    }

    private HyperLogLog? _distinctSketch;

    public KllSketch? QuantileSketch { get; set; }

    public FrequentItemsSketch TopKSketch { get; set; } = new();

    // ---- derived (serialised for readers, recomputed after merges) ----

    public double DistinctEstimate => NonNullCount == 0 ? 0 : Math.Round(Math.Min(DistinctSketch.Estimate(), NonNullCount));

    public double? Mean => Moments is { Count: > 0 } m ? m.Mean : null;

    public double? StandardDeviation => Moments?.StandardDeviation;

    public double? Sum => Moments is { Count: > 0 } m ? m.Sum : null;

    public IReadOnlyDictionary<string, double>? Quantiles =>
        QuantileSketch is { Count: > 0 } q
            ? ReportedQuantiles.ToDictionary(p => "p" + (p * 100).ToString("0", CultureInfo.InvariantCulture), q.Quantile)
            : null;

    public IReadOnlyList<HistogramBin>? Histogram => QuantileSketch is { Count: > 0 } q ? BuildHistogram(q) : null;

    public IReadOnlyList<FrequentItem> TopValues => TopKSketch.Top(ReportedTopK);

    /// <summary>
    /// True when <see cref="TopValues"/>' counts are exact: the frequent-items sketch never had to evict
    /// (at most 256 distinct values). Otherwise each count may undercount by up to the sketch's MaxError.
    /// </summary>
    public bool TopValuesExact => TopKSketch.MaxError == 0;

    /// <summary>Folds <paramref name="other"/> (same path) into this profile.</summary>
    public void Merge(ColumnProfile other)
    {
        if (!string.Equals(Path, other.Path, StringComparison.Ordinal))
            throw new ArgumentException($"Cannot merge column '{other.Path}' into '{Path}'.", nameof(other));
        Unsupported ??= other.Unsupported;
        if (Kind == ColumnKind.Unsupported) Kind = other.Kind;
        // A partition key whose files so far were all NULL partitions typed as VARCHAR (DuckDB's default);
        // values seen on the other side decide, as they would have had both been profiled together.
        if (Partition && other.Partition && NonNullCount == 0 && other.NonNullCount > 0)
            (Kind, LogicalType) = (other.Kind, other.LogicalType);
        Partition |= other.Partition;
        PhysicalType ??= other.PhysicalType;
        LogicalType ??= other.LogicalType;
        Repeated |= other.Repeated;
        RowCount += other.RowCount;
        ValueCount += other.ValueCount;
        NullCount += other.NullCount;
        NaNCount += other.NaNCount;
        PositiveInfinityCount += other.PositiveInfinityCount;
        NegativeInfinityCount += other.NegativeInfinityCount;
        ZeroCount += other.ZeroCount;
        NegativeCount += other.NegativeCount;
        TrueCount += other.TrueCount;
        MergeRange(other);
        if (other.Moments is not null) (Moments ??= new()).Merge(other.Moments);
        if (other.Strings is not null) (Strings ??= new()).Merge(other.Strings);
        if (other._distinctSketch is { } sketch) DistinctSketch.Merge(sketch);
        if (other.QuantileSketch is not null)
        {
            QuantileSketch ??= new KllSketch(other.QuantileSketch.K);
            QuantileSketch.Merge(other.QuantileSketch);
        }
        TopKSketch.Merge(other.TopKSketch);
    }

    private void MergeRange(ColumnProfile other)
    {
        if (other.Min is null) return;
        if (Min is null)
        {
            (Min, Max, MinNumber, MaxNumber, MinMaxSource) = (other.Min, other.Max, other.MinNumber, other.MaxNumber, other.MinMaxSource);
            return;
        }
        if (other.MinMaxSource != MinMaxSource) MinMaxSource = "metadata";
        if (IsLess(other.Min, other.MinNumber, Min, MinNumber)) (Min, MinNumber) = (other.Min, other.MinNumber);
        if (IsLess(Max!, MaxNumber, other.Max!, other.MaxNumber)) (Max, MaxNumber) = (other.Max, other.MaxNumber);
    }

    private static bool IsLess(string a, double? an, string b, double? bn) =>
        an is { } x && bn is { } y ? x < y : string.CompareOrdinal(a, b) < 0;

    private IReadOnlyList<HistogramBin> BuildHistogram(KllSketch q)
    {
        var (min, max) = (q.Min, q.Max);
        var total = q.Count;
        var edges = new double[HistogramBins + 1];
        var bins = HistogramBins;
        if (Kind is ColumnKind.Integer && max - min < HistogramBins)
        {
            // One bin per integer value: equal-width bins would split values arbitrarily.
            bins = (int)(max - min) + 1;
            edges = new double[bins + 1];
            for (var i = 0; i <= bins; i++) edges[i] = min - 0.5 + i;
        }
        else if (min == max)
        {
            return [new HistogramBin(min, max, total)];
        }
        else
        {
            var width = (max - min) / bins;
            for (var i = 0; i <= bins; i++) edges[i] = min + width * i;
            edges[bins] = max;
        }
        var (values, cumulative) = q.SortedView();
        var weight = cumulative.Length == 0 ? 0 : cumulative[^1];
        double Below(double x)
        {
            var index = KllSketch.UpperBound(values, x);
            return index == 0 ? 0 : cumulative[index - 1] / weight * total;
        }
        var result = new HistogramBin[bins];
        var previous = 0L;
        for (var i = 0; i < bins; i++)
        {
            var upTo = i == bins - 1 ? total : (long)Math.Round(Below(edges[i + 1]));
            result[i] = new HistogramBin(edges[i], edges[i + 1], upTo - previous);
            previous = upTo;
        }
        return result;
    }

    /// <summary>Formats a numeric-form value of this column for people: temporal kinds as ISO 8601.</summary>
    public string FormatNumber(double value) => Kind switch
    {
        ColumnKind.Date when double.IsFinite(value) => ValueFormat.DateFromMicros(value),
        ColumnKind.Timestamp when double.IsFinite(value) => ValueFormat.TimestampFromMicros(value),
        _ => ValueFormat.Number(value),
    };
}
