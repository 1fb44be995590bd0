using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace DataQuality.Core.Profiling;

/// <summary>
/// Answers null count and min/max from row-group statistics, without reading pages, when they are
/// exact: numeric statistics always are; byte-array ones only when the writer flagged them exact
/// (they may be truncated otherwise).
/// </summary>
internal static class MetadataAnswer
{
    public static bool TryApply(ParquetRowGroupReader reader, DataField field, ColumnSpec spec, ColumnProfile profile)
    {
        var raw = reader.GetMetadata(field)?.MetaData?.Statistics;
        if (raw?.NullCount is not { } nulls || raw.MinValue is null || raw.MaxValue is null) return false;
        if (spec.Kind is not (ColumnKind.Integer or ColumnKind.Floating or ColumnKind.String)) return false;
        if (spec.Kind == ColumnKind.String && (raw.IsMinValueExact != true || raw.IsMaxValueExact != true)) return false;
        var stats = reader.GetStatistics(field);
        if (stats?.MinValue is null || stats.MaxValue is null) return false;
        profile.NullCount = nulls;
        profile.MinMaxSource = "metadata";
        if (spec.Kind == ColumnKind.String)
        {
            profile.Min = Text(stats.MinValue);
            profile.Max = Text(stats.MaxValue);
            return profile.Min is not null && profile.Max is not null;
        }
        var min = Convert.ToDouble(stats.MinValue, CultureInfo.InvariantCulture);
        var max = Convert.ToDouble(stats.MaxValue, CultureInfo.InvariantCulture);
        if (double.IsNaN(min) || double.IsNaN(max)) return false;
        (profile.MinNumber, profile.MaxNumber) = (min, max);
        profile.Min = spec.Kind == ColumnKind.Integer ? Convert.ToString(stats.MinValue, CultureInfo.InvariantCulture) : ValueFormat.Number(min);
        profile.Max = spec.Kind == ColumnKind.Integer ? Convert.ToString(stats.MaxValue, CultureInfo.InvariantCulture) : ValueFormat.Number(max);
        return true;
    }

    private static string? Text(object value) => value switch
    {
        string s => s,
        ReadOnlyMemory<char> m => m.ToString(),
        _ => null,
    };
}
