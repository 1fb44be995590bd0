using System.Text.RegularExpressions;

namespace DataQuality.Core.Checks.Planning;

/// <summary>
/// Type names as GX suites write them (Python/numpy/pandas: <c>int64</c>, <c>str</c>; SQLAlchemy:
/// <c>INTEGER</c>, <c>DOUBLE_PRECISION</c>; Spark: <c>StringType</c>; BigQuery: <c>FLOAT64</c>) mapped
/// to DuckDB column types. Generic names (<c>int</c>, <c>INTEGER</c>, <c>float</c>, <c>str</c>) accept
/// the whole family; sized names (<c>int32</c>, <c>BIGINT</c>, <c>float32</c>) accept exactly that
/// DuckDB type. Plain DuckDB type names (<c>DECIMAL(18,2)</c>, <c>VARCHAR[]</c>) compare exactly.
/// The full table is in docs/semantics.md.
/// </summary>
public static class GxTypeNames
{
    private static readonly Func<SchemaColumn, bool> AnyInteger = c => c.Family == TypeFamily.Integer;
    private static readonly Func<SchemaColumn, bool> AnyFloat = c => c.Family == TypeFamily.Floating;
    private static readonly Func<SchemaColumn, bool> AnyDecimal = c => c.Family == TypeFamily.Decimal;
    private static readonly Func<SchemaColumn, bool> AnyNumber = c => c.Family.IsNumeric();
    private static readonly Func<SchemaColumn, bool> AnyString = c => c.Family == TypeFamily.String;
    private static readonly Func<SchemaColumn, bool> Bool = c => c.Family == TypeFamily.Boolean;
    private static readonly Func<SchemaColumn, bool> NaiveTimestamp = c => Normalize(c.Type) is "TIMESTAMP" or "TIMESTAMP_NS" or "TIMESTAMP_MS" or "TIMESTAMP_S" or "DATETIME";
    private static readonly Func<SchemaColumn, bool> ZonedTimestamp = c => Normalize(c.Type) is "TIMESTAMP WITH TIME ZONE" or "TIMESTAMPTZ";
    private static readonly Func<SchemaColumn, bool> Date = c => c.Family == TypeFamily.Date;
    private static readonly Func<SchemaColumn, bool> Time = c => c.Family == TypeFamily.Time;
    private static readonly Func<SchemaColumn, bool> Interval = c => c.Family == TypeFamily.Interval;
    private static readonly Func<SchemaColumn, bool> Blob = c => c.Family == TypeFamily.Binary;
    private static readonly Func<SchemaColumn, bool> Uuid = c => c.Family == TypeFamily.Uuid;

    private static Func<SchemaColumn, bool> Exactly(string duckType) => c => Normalize(c.Type) == duckType;

    /// <summary>Case-sensitive entries first (pandas <c>Timestamp</c> is tz-aware, SQL <c>TIMESTAMP</c> is not), then case-insensitive.</summary>
    private static readonly Dictionary<string, Func<SchemaColumn, bool>> CaseSensitive = new(StringComparer.Ordinal)
    {
        ["Timestamp"] = ZonedTimestamp,
        ["TimestampType"] = ZonedTimestamp,
        ["Int8"] = Exactly("TINYINT"), ["Int16"] = Exactly("SMALLINT"), ["Int32"] = Exactly("INTEGER"), ["Int64"] = Exactly("BIGINT"),
        ["UInt8"] = Exactly("UTINYINT"), ["UInt16"] = Exactly("USMALLINT"), ["UInt32"] = Exactly("UINTEGER"), ["UInt64"] = Exactly("UBIGINT"),
        ["INT8"] = Exactly("BIGINT"), ["INT4"] = Exactly("INTEGER"), ["INT2"] = Exactly("SMALLINT"), ["INT1"] = Exactly("TINYINT"),
        ["FLOAT4"] = Exactly("FLOAT"), ["FLOAT8"] = Exactly("DOUBLE"),
        ["O"] = AnyString,
    };

    private static readonly Dictionary<string, Func<SchemaColumn, bool>> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        // integers
        ["int"] = AnyInteger, ["integer"] = AnyInteger, ["IntegerType"] = AnyInteger, ["int_"] = AnyInteger, ["INT"] = AnyInteger,
        ["int8"] = Exactly("TINYINT"), ["int16"] = Exactly("SMALLINT"), ["int32"] = Exactly("INTEGER"), ["int64"] = Exactly("BIGINT"),
        ["uint8"] = Exactly("UTINYINT"), ["uint16"] = Exactly("USMALLINT"), ["uint32"] = Exactly("UINTEGER"), ["uint64"] = Exactly("UBIGINT"),
        ["TINYINT"] = Exactly("TINYINT"), ["ByteType"] = Exactly("TINYINT"),
        ["SMALLINT"] = Exactly("SMALLINT"), ["ShortType"] = Exactly("SMALLINT"),
        ["BIGINT"] = Exactly("BIGINT"), ["LongType"] = Exactly("BIGINT"), ["LONG"] = Exactly("BIGINT"),
        ["HUGEINT"] = Exactly("HUGEINT"), ["INT128"] = Exactly("HUGEINT"), ["UHUGEINT"] = Exactly("UHUGEINT"),
        ["UTINYINT"] = Exactly("UTINYINT"), ["USMALLINT"] = Exactly("USMALLINT"), ["UINTEGER"] = Exactly("UINTEGER"), ["UBIGINT"] = Exactly("UBIGINT"),
        // floating point
        ["float"] = AnyFloat, ["floating"] = AnyFloat, ["FloatType"] = AnyFloat,
        ["float64"] = Exactly("DOUBLE"), ["double"] = Exactly("DOUBLE"), ["DOUBLE_PRECISION"] = Exactly("DOUBLE"), ["DOUBLE PRECISION"] = Exactly("DOUBLE"),
        ["DoubleType"] = Exactly("DOUBLE"), ["float_"] = Exactly("DOUBLE"),
        ["float32"] = Exactly("FLOAT"), ["REAL"] = Exactly("FLOAT"),
        // decimals and numbers in general
        ["decimal"] = AnyDecimal, ["numeric"] = AnyDecimal, ["DecimalType"] = AnyDecimal, ["BIGNUMERIC"] = AnyDecimal,
        ["number"] = AnyNumber,
        // strings
        ["str"] = AnyString, ["string"] = AnyString, ["str_"] = AnyString, ["unicode"] = AnyString, ["text"] = AnyString, ["varchar"] = AnyString,
        ["char"] = AnyString, ["nvarchar"] = AnyString, ["nchar"] = AnyString, ["bpchar"] = AnyString, ["StringType"] = AnyString,
        ["object"] = AnyString, ["object_"] = AnyString,
        // booleans
        ["bool"] = Bool, ["boolean"] = Bool, ["bool_"] = Bool, ["BooleanType"] = Bool,
        // temporal
        ["datetime64"] = NaiveTimestamp, ["datetime64[ns]"] = NaiveTimestamp, ["datetime64[us]"] = NaiveTimestamp, ["datetime"] = NaiveTimestamp,
        ["timestamp"] = NaiveTimestamp, ["TIMESTAMP_WITHOUT_TIME_ZONE"] = NaiveTimestamp, ["TIMESTAMP WITHOUT TIME ZONE"] = NaiveTimestamp,
        ["TimestampNTZType"] = NaiveTimestamp, ["TIMESTAMP_NS"] = Exactly("TIMESTAMP_NS"), ["TIMESTAMP_MS"] = Exactly("TIMESTAMP_MS"), ["TIMESTAMP_S"] = Exactly("TIMESTAMP_S"),
        ["DatetimeTZDtype"] = ZonedTimestamp, ["DatetimeTZDtypeType"] = ZonedTimestamp, ["datetime64[ns, UTC]"] = ZonedTimestamp,
        ["TIMESTAMPTZ"] = ZonedTimestamp, ["TIMESTAMP WITH TIME ZONE"] = ZonedTimestamp, ["TIMESTAMP_WITH_TIMEZONE"] = ZonedTimestamp, ["TIMESTAMP_TZ"] = ZonedTimestamp,
        ["date"] = Date, ["DateType"] = Date, ["date32"] = Date,
        ["time"] = Time, ["TIMETZ"] = Exactly("TIME WITH TIME ZONE"),
        ["timedelta"] = Interval, ["timedelta64"] = Interval, ["interval"] = Interval,
        // other
        ["bytes"] = Blob, ["blob"] = Blob, ["binary"] = Blob, ["BinaryType"] = Blob, ["bytea"] = Blob, ["varbinary"] = Blob,
        ["uuid"] = Uuid, ["JSON"] = Exactly("JSON"), ["BIT"] = Exactly("BIT"),
    };

    private static readonly Regex DuckTypeShape = new(@"^(DECIMAL|NUMERIC)\s*\(\s*\d+\s*(,\s*\d+\s*)?\)$|^VARCHAR\s*\(\s*\d+\s*\)$|\[\d*\]$|^(STRUCT|MAP|UNION|ENUM|LIST)\s*\(", RegexOptions.IgnoreCase);

    /// <summary>Whether the name is known (a GX/pandas/SQL/Spark alias or a DuckDB type).</summary>
    public static bool IsKnown(string name) => CaseSensitive.ContainsKey(name) || Names.ContainsKey(name) || DuckTypeShape.IsMatch(name.Trim());

    /// <summary>Whether a column of this DuckDB type is of the named type. Unknown names are false (check <see cref="IsKnown"/> first).</summary>
    public static bool Matches(string name, SchemaColumn column)
    {
        if (CaseSensitive.TryGetValue(name, out var exact)) return exact(column);
        if (Names.TryGetValue(name, out var matcher)) return matcher(column);
        var n = Normalize(name);
        var t = Normalize(column.Type);
        // DECIMAL(18,2) matches DECIMAL(18,2); VARCHAR(10) matches any VARCHAR (DuckDB ignores the length).
        if (n.StartsWith("VARCHAR", StringComparison.Ordinal) && !n.EndsWith(']')) return column.Family == TypeFamily.String;
        return n == t || n.Replace("NUMERIC", "DECIMAL", StringComparison.Ordinal) == t;
    }

    private static string Normalize(string type) => Regex.Replace(type.Trim().ToUpperInvariant(), @"\s+", " ").Replace(" ,", ",").Replace(", ", ",").Replace("( ", "(").Replace(" )", ")");
}
