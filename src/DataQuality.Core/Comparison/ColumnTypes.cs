namespace DataQuality.Core.Comparison;

/// <summary>Classifies DuckDB type names as the comparison needs them.</summary>
internal static class ColumnTypes
{
    private static readonly string[] Numeric =
    [
        "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT",
        "FLOAT", "DOUBLE", "REAL",
    ];

    public static bool IsNumeric(string type) => Numeric.Contains(type, StringComparer.OrdinalIgnoreCase) || type.StartsWith("DECIMAL", StringComparison.OrdinalIgnoreCase);

    /// <summary>STRUCT, LIST, MAP, UNION and arrays: compared by value, but not profiled by min/max.</summary>
    public static bool IsNested(string type) =>
        type.EndsWith(']') || type.StartsWith("STRUCT", StringComparison.OrdinalIgnoreCase) || type.StartsWith("MAP", StringComparison.OrdinalIgnoreCase) || type.StartsWith("UNION", StringComparison.OrdinalIgnoreCase);
}
