using System.Globalization;
using System.Text.RegularExpressions;

namespace DataQuality.Core.Comparison;

/// <summary>Classifies DuckDB type names as the comparison needs them.</summary>
internal static partial class ColumnTypes
{
    private static readonly string[] Numeric =
    [
        "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT",
        "FLOAT", "DOUBLE", "REAL",
    ];

    /// <summary>Decimal digits needed for every value of an integer type (sign aside).</summary>
    private static readonly Dictionary<string, int> IntegerDigits = new(StringComparer.OrdinalIgnoreCase)
    {
        ["TINYINT"] = 3, ["SMALLINT"] = 5, ["INTEGER"] = 10, ["BIGINT"] = 19, ["HUGEINT"] = 39,
        ["UTINYINT"] = 3, ["USMALLINT"] = 5, ["UINTEGER"] = 10, ["UBIGINT"] = 20, ["UHUGEINT"] = 39,
    };

    /// <summary>Temporal types without a time zone, coarsest first: each casts exactly to the ones after it.</summary>
    private static readonly string[] Timestamps = ["DATE", "TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP", "TIMESTAMP_NS"];

    public static bool IsNumeric(string type) => Numeric.Contains(type, StringComparer.OrdinalIgnoreCase) || type.StartsWith("DECIMAL", StringComparison.OrdinalIgnoreCase);

    /// <summary>STRUCT, LIST, MAP, UNION and arrays: compared by value, but not profiled by min/max.</summary>
    public static bool IsNested(string type) =>
        type.EndsWith(']') || type.StartsWith("STRUCT", StringComparison.OrdinalIgnoreCase) || type.StartsWith("MAP", StringComparison.OrdinalIgnoreCase) || type.StartsWith("UNION", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The type both sides of a column whose type changed are compared in. It holds every value of
    /// either side exactly wherever DuckDB has such a type, so a narrowing change cannot round base
    /// values into head's and hide a change (DOUBLE → BIGINT compares in DOUBLE: 1.1 is not 1):
    /// numbers in the wider integer, a DECIMAL wide enough for both, or DOUBLE when a side is
    /// floating point (or no DECIMAL is wide enough); DATE and timestamps in the finer timestamp;
    /// anything else (temporal ↔ string, number ↔ string, time zones, nested) as text, the string
    /// side's original text against the other side's canonical text.
    /// </summary>
    public static string CommonType(string baseType, string headType)
    {
        if (string.Equals(baseType, headType, StringComparison.OrdinalIgnoreCase)) return headType;
        if (IsNumeric(baseType) && IsNumeric(headType)) return CommonNumeric(baseType, headType);
        var b = Array.FindIndex(Timestamps, t => t.Equals(baseType, StringComparison.OrdinalIgnoreCase));
        var h = Array.FindIndex(Timestamps, t => t.Equals(headType, StringComparison.OrdinalIgnoreCase));
        if (b >= 0 && h >= 0) return Timestamps[Math.Max(b, h)];
        return "VARCHAR";
    }

    private static string CommonNumeric(string a, string b)
    {
        if (IsFloating(a) || IsFloating(b)) return "DOUBLE";
        var (da, sa) = Digits(a);
        var (db, sb) = Digits(b);
        if (sa == 0 && sb == 0 && !a.StartsWith("DECIMAL", StringComparison.OrdinalIgnoreCase) && !b.StartsWith("DECIMAL", StringComparison.OrdinalIgnoreCase))
        {
            // Two integer types: HUGEINT holds all of them but UHUGEINT; two unsigned types fit UHUGEINT;
            // UHUGEINT against a signed type has no common integer, and its text is exact.
            var unsignedA = a.StartsWith('U');
            var unsignedB = b.StartsWith('U');
            if (!a.Equals("UHUGEINT", StringComparison.OrdinalIgnoreCase) && !b.Equals("UHUGEINT", StringComparison.OrdinalIgnoreCase)) return "HUGEINT";
            return unsignedA && unsignedB ? "UHUGEINT" : "VARCHAR";
        }
        var scale = Math.Max(sa, sb);
        var integerDigits = Math.Max(da - sa, db - sb);
        return integerDigits + scale <= 38
            ? string.Create(CultureInfo.InvariantCulture, $"DECIMAL({integerDigits + scale},{scale})")
            : "DOUBLE"; // beyond DECIMAL(38): compared as doubles (15-17 significant digits), documented
    }

    private static bool IsFloating(string type) => type.ToUpperInvariant() is "FLOAT" or "DOUBLE" or "REAL";

    /// <summary>Total digits and scale: DECIMAL(p,s) as written, an integer type as (digits, 0).</summary>
    private static (int Digits, int Scale) Digits(string type)
    {
        if (IntegerDigits.TryGetValue(type, out var digits)) return (digits, 0);
        var m = DecimalPattern().Match(type);
        return m.Success
            ? (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : 0)
            : (18, 3); // DuckDB's DECIMAL without arguments
    }

    [GeneratedRegex(@"^DECIMAL\s*\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DecimalPattern();
}
