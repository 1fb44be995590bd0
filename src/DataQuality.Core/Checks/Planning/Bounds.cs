using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataQuality.Core.Expectations;

namespace DataQuality.Core.Checks.Planning;

/// <summary>
/// GX min_value/max_value semantics: inclusive unless strict_min/strict_max, a null bound is open,
/// both null is an argument error. Numbers compare as numbers; dates and timestamps written as
/// ISO strings compare as instants; other strings compare ordinally.
/// </summary>
public sealed record Bounds(JsonNode? Min, JsonNode? Max, bool StrictMin, bool StrictMax)
{
    public static Bounds From(Kwargs kwargs, bool allowBothOpen = false)
    {
        var bounds = new Bounds(kwargs.Node("min_value"), kwargs.Node("max_value"), kwargs.Bool("strict_min", false), kwargs.Bool("strict_max", false));
        if (!allowBothOpen && bounds.Min is null && bounds.Max is null)
            throw kwargs.Invalid("min_value and max_value cannot both be null.");
        foreach (var (name, node) in new[] { ("min_value", bounds.Min), ("max_value", bounds.Max) })
            if (node is not null && node is not JsonValue)
                throw kwargs.WrongType(name, "a number, a date or a string", node);
        // GX raises on an empty range rather than failing every row.
        if (bounds.Min is not null && bounds.Max is not null && Comparable(bounds.Min, bounds.Max) && Compare(bounds.Min, bounds.Max) > 0)
            throw kwargs.Invalid($"min_value ({bounds.Min.ToJsonString()}) cannot be greater than max_value ({bounds.Max.ToJsonString()}).");
        return bounds;
    }

    /// <summary>
    /// GX: "column values, min_value and max_value must either be None or of the same type". A bound
    /// compared with a numeric (or boolean) value must be a number, with a string column a string,
    /// with a date/timestamp column a date string; anything else is an argument error, not a silent
    /// text comparison.
    /// </summary>
    public Bounds RequireComparableWith(TypeFamily family, string what, Kwargs kwargs)
    {
        foreach (var (name, node) in new[] { ("min_value", Min), ("max_value", Max) })
        {
            if (node is null) continue;
            var ok = family switch
            {
                _ when family.IsNumeric() || family == TypeFamily.Boolean => TryNumber(node, out _),
                TypeFamily.String => node is JsonValue s && s.GetValueKind() == JsonValueKind.String,
                TypeFamily.Date or TypeFamily.Timestamp => TryInstant(Text(node), out _) && node.GetValueKind() == JsonValueKind.String,
                _ => true,
            };
            if (!ok) throw kwargs.WrongType(name, $"of the same type as {what}", node);
        }
        return this;
    }

    private static bool Comparable(JsonNode a, JsonNode b) =>
        (TryNumber(a, out _) && TryNumber(b, out _)) || (TryInstant(Text(a), out _) && TryInstant(Text(b), out _));

    /// <summary>Whether <paramref name="observed"/> lies within the bounds; null observed (empty input) is outside unless both bounds are open.</summary>
    public bool Contains(JsonNode? observed)
    {
        if (observed is null) return Min is null && Max is null;
        if (Min is not null)
        {
            var c = Compare(observed, Min);
            if (c < 0 || (StrictMin && c == 0)) return false;
        }
        if (Max is not null)
        {
            var c = Compare(observed, Max);
            if (c > 0 || (StrictMax && c == 0)) return false;
        }
        return true;
    }

    /// <summary>Compares two JSON scalars the way GX compares Python values.</summary>
    public static int Compare(JsonNode a, JsonNode b)
    {
        if (TryNumber(a, out var x) && TryNumber(b, out var y)) return x.CompareTo(y);
        var sa = Text(a);
        var sb = Text(b);
        if (TryInstant(sa, out var ta) && TryInstant(sb, out var tb)) return ta.CompareTo(tb);
        return string.CompareOrdinal(sa, sb);
    }

    public static bool TryNumber(JsonNode node, out double value)
    {
        value = 0;
        if (node is not JsonValue v) return false;
        if (JsonNumber.TryGetDouble(v, out value)) return true;
        if (v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is "NaN" or "Infinity" or "-Infinity")
        {
            value = double.Parse(v.GetValue<string>(), CultureInfo.InvariantCulture);
            return true;
        }
        return false;
    }

    private static string Text(JsonNode node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : node.ToJsonString();

    private static bool TryInstant(string s, out DateTime value) =>
        DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out value) && s.Length >= 8 && char.IsDigit(s[0]);
}
