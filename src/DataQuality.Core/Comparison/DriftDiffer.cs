using DataQuality.Core.Diagnostics;
using DataQuality.Core.Profiling;

namespace DataQuality.Core.Comparison;

/// <summary>
/// Distribution drift per column between base and head, from the vectorized profiler's sketches
/// (one pass per side over the Parquet files): PSI and KS for numeric and temporal columns, PSI over
/// the value counts for string columns with at most as many distinct values as the frequent-items
/// sketch counts exactly (256). Drift needs the distribution, which the DuckDB profile does not
/// keep, hence the separate pass. Only Parquet entities; hive partition columns (<c>ds=...</c>) are
/// profiled from the paths, typed as DuckDB types them, and get drift like any other column.
/// </summary>
internal static class DriftDiffer
{
    public static async Task<(DatasetProfile Base, DatasetProfile Head)?> ProfileAsync(
        IReadOnlyList<string> baseFiles, IReadOnlyList<string> headFiles, int? threads, CancellationToken ct)
    {
        if (baseFiles.Count == 0 || headFiles.Count == 0) return null;
        // The same read limits as dq profile (DQ_MAX_PAGE_SIZE), and the comparison's thread count.
        var options = ProfileOptions.FromEnvironment(threads);
        var b = await ParquetProfiler.ProfileAsync(baseFiles, options, cancellationToken: ct).ConfigureAwait(false);
        var h = await ParquetProfiler.ProfileAsync(headFiles, options, cancellationToken: ct).ConfigureAwait(false);
        return (b, h);
    }

    public static Dictionary<string, ColumnDrift> Compare(DatasetProfile b, DatasetProfile h, IReadOnlyList<SchemaColumn> columns)
    {
        var result = new Dictionary<string, ColumnDrift>(StringComparer.Ordinal);
        foreach (var column in columns.Where(c => !c.Excluded && c.BaseType is not null && c.HeadType is not null))
        {
            if (Flat(b, column.Name) is not { } bp || Flat(h, column.Name) is not { } hp) continue;
            var numeric = bp.Kind.IsNumeric() && hp.Kind.IsNumeric();
            var text = bp.Kind == ColumnKind.String && hp.Kind == ColumnKind.String;
            if (!numeric && !text) continue;
            // String PSI compares the frequent-item counts; once a side has more distinct values than the
            // sketch counts exactly (MaxError > 0) the counts depend on row order and the PSI is noise
            // (0.06 for a column of unique labels merely written in another order), so it is left out.
            var psiDefined = numeric || (bp.TopKSketch.MaxError == 0 && hp.TopKSketch.MaxError == 0);
            var kind = numeric ? (bp.Kind.IsTemporal() ? "temporal" : "numeric") : "string";
            // On a handful of rows PSI and KS are large for no shift at all (PSI 4.7 on 5 rows): say so instead.
            // The overlaid histogram stays: it shows the values, it does not claim a shift.
            if (Drift.TooFewRows(bp.NonNullCount, hp.NonNullCount) is { } reason)
            {
                result[column.Name] = new ColumnDrift(kind, null, null) { NotEvaluable = reason, Histogram = numeric ? TryHistogram(bp, hp) : null };
                continue;
            }
            result[column.Name] = new ColumnDrift(
                kind,
                psiDefined ? Try(() => Drift.PopulationStabilityIndex(bp, hp)) : null,
                numeric ? Try(() => Drift.KolmogorovSmirnov(bp, hp)) : null)
            {
                Histogram = numeric ? TryHistogram(bp, hp) : null,
            };
        }
        return result;
    }

    /// <summary>
    /// The profiler's distinct estimates of the flat columns it profiled (HyperLogLog with 2^14
    /// registers, about 0.8% standard error), so the DuckDB profile can skip its own, coarser and
    /// costlier <c>approx_count_distinct</c> for them.
    /// </summary>
    public static Dictionary<string, long> DistinctEstimates(DatasetProfile profile) =>
        profile.Columns.Where(c => c is { Repeated: false, Unsupported: null } && c.Kind != ColumnKind.Unsupported)
            .ToDictionary(c => c.Path, c => (long)c.DistinctEstimate, StringComparer.Ordinal);

    private static Profiling.ColumnProfile? Flat(DatasetProfile profile, string name) =>
        profile.Column(name) is { Repeated: false, Unsupported: null } c ? c : null;

    private static IReadOnlyList<DriftBin>? TryHistogram(Profiling.ColumnProfile b, Profiling.ColumnProfile h)
    {
        try { return Drift.OverlaidHistogram(b, h); }
        catch (InputException) { return null; }
    }

    // A side without non-null values has no distribution: the drift is undefined, not an error.
    private static double? Try(Func<double> compute)
    {
        try { return compute(); }
        catch (InputException) { return null; }
    }
}
