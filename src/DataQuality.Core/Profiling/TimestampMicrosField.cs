using Parquet.Schema;

namespace DataQuality.Core.Profiling;

/// <summary>
/// Reads an INT64 TIMESTAMP(MICROS) leaf as the integers it stores. Parquet.Net turns every such value into a
/// DateTime (a division, a double-millisecond add and a tick add per value, ~20 ns) and the profiler turned it
/// straight back into microseconds: a 10M-row timestamp column spent more time there than in profiling.
/// The micros are exactly what that round trip yields (ticks = epoch + micros * 10, truncated back by 10), so
/// the profile is unchanged; and values beyond DateTime's years 1..9999 (DuckDB writes up to 294247 AD), which
/// Parquet.Net cannot convert at all, are profiled as they are instead of through the DuckDB fallback.
/// </summary>
internal static class TimestampMicrosField
{
    /// <summary>
    /// A field of the same top-level column typed as long (attached to a schema of its own, which gives it the
    /// same definition level), or null when the leaf is not a top-level INT64 TIMESTAMP(MICROS) column.
    /// </summary>
    public static DataField? AsInt64(DataField field)
    {
        var element = field.SchemaElement;
        if (element?.Type != Parquet.Meta.Type.INT64 || field.MaxRepetitionLevel != 0 || field.Path.ToList().Count != 1) return null;
        var micros = element.LogicalType?.TIMESTAMP is { } timestamp
            ? timestamp.Unit?.MICROS is not null
            : element.ConvertedType == Parquet.Meta.ConvertedType.TIMESTAMP_MICROS;
        if (!micros) return null;
        var raw = new DataField<long>(field.Name, field.IsNullable);
        _ = new ParquetSchema(raw);
        return raw.MaxDefinitionLevel == field.MaxDefinitionLevel && raw.Path.Equals(field.Path) ? raw : null;
    }
}
