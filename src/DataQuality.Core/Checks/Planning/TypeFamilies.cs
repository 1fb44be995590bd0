namespace DataQuality.Core.Checks.Planning;

/// <summary>Coarse DuckDB type families: how literals are written and which checks make sense.</summary>
public enum TypeFamily
{
    Integer,
    Floating,
    Decimal,
    String,
    Boolean,
    Date,
    Timestamp,
    Time,
    Interval,
    Binary,
    Uuid,
    Nested,
    Other,
}

public static class TypeFamilies
{
    public static TypeFamily Of(string duckDbType)
    {
        var t = duckDbType.ToUpperInvariant();
        if (t.EndsWith("[]", StringComparison.Ordinal) || t.StartsWith("STRUCT", StringComparison.Ordinal) || t.StartsWith("MAP", StringComparison.Ordinal) || t.StartsWith("UNION", StringComparison.Ordinal))
            return TypeFamily.Nested;
        if (t.StartsWith("DECIMAL", StringComparison.Ordinal) || t.StartsWith("NUMERIC", StringComparison.Ordinal)) return TypeFamily.Decimal;
        if (t.StartsWith("TIMESTAMP", StringComparison.Ordinal) || t == "DATETIME") return TypeFamily.Timestamp;
        if (t.StartsWith("TIME", StringComparison.Ordinal)) return TypeFamily.Time;
        return t switch
        {
            "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "HUGEINT" or "UTINYINT" or "USMALLINT" or "UINTEGER" or "UBIGINT" or "UHUGEINT" or "INT" or "INT8" or "INT4" or "INT2" or "INT1" => TypeFamily.Integer,
            "FLOAT" or "DOUBLE" or "REAL" or "FLOAT4" or "FLOAT8" => TypeFamily.Floating,
            "VARCHAR" or "TEXT" or "STRING" or "CHAR" or "BPCHAR" => TypeFamily.String,
            "BOOLEAN" or "BOOL" => TypeFamily.Boolean,
            "DATE" => TypeFamily.Date,
            "INTERVAL" => TypeFamily.Interval,
            "BLOB" or "BYTEA" or "VARBINARY" => TypeFamily.Binary,
            "UUID" => TypeFamily.Uuid,
            _ when t.StartsWith("VARCHAR", StringComparison.Ordinal) => TypeFamily.String,
            _ => TypeFamily.Other,
        };
    }

    public static bool IsNumeric(this TypeFamily f) => f is TypeFamily.Integer or TypeFamily.Floating or TypeFamily.Decimal;

    public static bool IsTemporal(this TypeFamily f) => f is TypeFamily.Date or TypeFamily.Timestamp or TypeFamily.Time;
}
