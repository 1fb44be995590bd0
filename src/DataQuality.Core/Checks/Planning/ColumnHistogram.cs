using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataQuality.Core.Checks.Planning;

/// <summary>
/// The distinct non-null values of a column with their counts, as one aggregate of the shared scan
/// (DuckDB <c>histogram</c>, a MAP value → count). Distinct-value and most-common-value expectations
/// on the same column and row condition share it. It holds one entry per distinct value, as GX's
/// value_counts metric does, so it is meant for columns of bounded cardinality.
/// </summary>
public static class ColumnHistogram
{
    public static MetricHandle Register(ScanBuilder scan, string ident, string condition) =>
        scan.Aggregate(AggregateSql.Filtered($"histogram({ident})", condition));

    /// <summary>(value, count) pairs sorted by value (numbers numerically, strings ordinally, dates chronologically).</summary>
    public static IReadOnlyList<(object Value, long Count)> Read(MetricValues values, MetricHandle handle)
    {
        if (values[handle] is not IDictionary map) return [];
        var entries = new List<(object Value, long Count)>(map.Count);
        foreach (DictionaryEntry e in map)
            entries.Add((e.Key, DuckValue.ToInt64(e.Value)));
        entries.Sort((a, b) => CompareValues(a.Value, b.Value));
        return entries;
    }

    /// <summary>GX's details.value_counts: [{value, count}, ...].</summary>
    public static JsonArray ValueCounts(IEnumerable<(object Value, long Count)> entries) =>
        new(entries.Select(JsonNode (e) => new JsonObject { ["value"] = DuckValue.ToJson(e.Value), ["count"] = e.Count }).ToArray());

    public static JsonArray Values(IEnumerable<object> values) => new(values.Select(DuckValue.ToJson).ToArray());

    private static int CompareValues(object a, object b)
    {
        if (a is string sa && b is string sb) return string.CompareOrdinal(sa, sb);
        if (a.GetType() == b.GetType() && a is IComparable ca) return ca.CompareTo(b);
        var da = DuckValue.ToDouble(a);
        var db = DuckValue.ToDouble(b);
        if (da is not null && db is not null) return da.Value.CompareTo(db.Value);
        return string.CompareOrdinal(Convert.ToString(a, CultureInfo.InvariantCulture), Convert.ToString(b, CultureInfo.InvariantCulture));
    }
}

/// <summary>
/// Compares values a user wrote in a value_set (JSON) with values DuckDB returned for a column, by
/// the column's type: numbers by value (1 equals 1.0), dates and timestamps as instants ("2018-01-01"
/// equals DATE 2018-01-01), strings ordinally (a number in the set is matched as its text, as the map
/// expectation <c>expect_column_values_to_be_in_set</c> does), booleans as booleans.
/// </summary>
public sealed class ValueKeys
{
    private readonly TypeFamily _family;

    public ValueKeys(SchemaColumn column) => _family = column.Family;

    public string OfJson(JsonNode? node)
    {
        if (node is not JsonValue v) return "null";
        switch (v.GetValueKind())
        {
            case JsonValueKind.True: return "b:true";
            case JsonValueKind.False: return "b:false";
            case JsonValueKind.Number:
                JsonNumber.TryGetDouble(v, out var d);
                return _family == TypeFamily.String ? "s:" + v.ToJsonString() : Number(d);
            case JsonValueKind.String:
                var s = v.GetValue<string>();
                if (_family is TypeFamily.Date or TypeFamily.Timestamp && TryInstant(s, out var t)) return Instant(t);
                if ((_family.IsNumeric()) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && s is "NaN" or "Infinity" or "-Infinity") return Number(n);
                return "s:" + s;
            default: return "null";
        }
    }

    public string OfValue(object value) => value switch
    {
        bool b => b ? "b:true" : "b:false",
        string s => "s:" + s,
        DateOnly d => Instant(d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
        DateTime dt => Instant(DateTime.SpecifyKind(dt, dt.Kind == DateTimeKind.Local ? DateTimeKind.Local : DateTimeKind.Utc).ToUniversalTime()),
        DateTimeOffset dto => Instant(dto.UtcDateTime),
        _ when DuckValue.ToDouble(value) is { } d => Number(d),
        _ => "s:" + (DuckValue.ToJson(value) is JsonValue jv && jv.GetValueKind() == JsonValueKind.String ? jv.GetValue<string>() : DuckValue.ToJson(value)?.ToJsonString()),
    };

    private static string Number(double d) => "n:" + d.ToString("R", CultureInfo.InvariantCulture);

    private static string Instant(DateTime t) => "t:" + t.Ticks.ToString(CultureInfo.InvariantCulture);

    private static bool TryInstant(string s, out DateTime value) =>
        DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out value) && s.Length >= 8 && char.IsDigit(s[0]);
}
