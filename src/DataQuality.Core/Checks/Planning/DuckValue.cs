using System.Collections;
using System.Data.Common;
using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using DataQuality.Core.Profiling;
using DuckDB.NET.Native;

namespace DataQuality.Core.Checks.Planning;

/// <summary>Converts values coming out of DuckDB.NET into JSON nodes and numbers, one place for every type quirk.</summary>
public static class DuckValue
{
    /// <summary>
    /// The value of a column of the current row, null for SQL NULL. DuckDB's timestamps and dates reach years
    /// 290309 BC to 294247 AD and ±infinity; DuckDB.NET's GetValue throws for anything outside DateTime's 1..9999,
    /// which stopped a whole run as an internal error (DQ9000) the moment a failure sample or an observed maximum
    /// held such a value. Those come back as text instead: the ISO form profiles write
    /// (<see cref="ValueFormat.TimestampFromMicros(long)"/>), or DuckDB's own <c>infinity</c>/<c>-infinity</c>.
    /// </summary>
    public static object? Read(DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal)) return null;
        try
        {
            return reader.GetValue(ordinal);
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or InvalidOperationException && reader.GetFieldType(ordinal) is var type && (type == typeof(DateTime) || type == typeof(DateOnly)))
        {
            if (type == typeof(DateOnly))
            {
                var date = reader.GetFieldValue<DuckDBDateOnly>(ordinal);
                return date.IsInfinity ? Infinity(date.IsPositiveInfinity) : ValueFormat.DateFromMicros(date.ToDuckDBDate().Days * 86_400_000_000L);
            }
            var timestamp = reader.GetFieldValue<DuckDBTimestamp>(ordinal);
            return timestamp.IsInfinity ? Infinity(timestamp.IsPositiveInfinity) : ValueFormat.TimestampFromMicros(timestamp.ToDuckDBTimestampStruct().Micros);
        }
    }

    private static string Infinity(bool positive) => positive ? "infinity" : "-infinity";

    public static JsonNode? ToJson(object? value) => value switch
    {
        null or DBNull => null,
        bool b => JsonValue.Create(b),
        string s => JsonValue.Create(s),
        sbyte or byte or short or ushort or int or uint or long => JsonValue.Create(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        ulong u => u <= long.MaxValue ? JsonValue.Create((long)u) : JsonValue.Create(u),
        BigInteger big => big >= long.MinValue && big <= long.MaxValue ? JsonValue.Create((long)big) : JsonValue.Create((double)big),
        float f => Finite(f),
        double d => Finite(d),
        decimal m => JsonValue.Create((double)m),
        DateTime dt => JsonValue.Create(dt.TimeOfDay == TimeSpan.Zero && dt.Kind != DateTimeKind.Utc
            ? dt.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
            : dt.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)),
        DateTimeOffset dto => JsonValue.Create(dto.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)),
        DateOnly d => JsonValue.Create(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        TimeOnly t => JsonValue.Create(t.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)),
        TimeSpan ts => JsonValue.Create(ts.ToString("c", CultureInfo.InvariantCulture)),
        Guid g => JsonValue.Create(g.ToString()),
        byte[] bytes => JsonValue.Create(Convert.ToBase64String(bytes)),
        IDictionary dict => ToObject(dict),
        IEnumerable list => new JsonArray(list.Cast<object?>().Select(ToJson).ToArray()),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    private static JsonNode Finite(double d) => Reporting.JsonNumbers.ToNode(d);

    private static JsonObject ToObject(IDictionary dict)
    {
        var obj = new JsonObject();
        foreach (DictionaryEntry e in dict)
            obj[Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? "null"] = ToJson(e.Value);
        return obj;
    }

    public static long ToInt64(object? value) => value switch
    {
        null or DBNull => 0,
        BigInteger big => (long)big,
        _ => Convert.ToInt64(value, CultureInfo.InvariantCulture),
    };

    public static double? ToDouble(object? value) => value switch
    {
        null or DBNull => null,
        BigInteger big => (double)big,
        DateTime or DateOnly or string => null,
        _ => Convert.ToDouble(value, CultureInfo.InvariantCulture),
    };
}
