using System.Text.Json.Serialization;

namespace DataQuality.Core.Profiling;

/// <summary>What the profiler computes for a column: numeric kinds get moments, quantiles and a histogram.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ColumnKind>))]
public enum ColumnKind
{
    Boolean,
    Integer,
    Floating,
    Decimal,
    Date,
    Timestamp,
    String,
    Binary,
    Uuid,
    Unsupported,
}

public static class ColumnKindExtensions
{
    /// <summary>Kinds whose values are summarised as numbers (temporal ones as Unix microseconds).</summary>
    public static bool IsNumeric(this ColumnKind kind) =>
        kind is ColumnKind.Integer or ColumnKind.Floating or ColumnKind.Decimal or ColumnKind.Date or ColumnKind.Timestamp;

    public static bool IsTemporal(this ColumnKind kind) => kind is ColumnKind.Date or ColumnKind.Timestamp;
}
