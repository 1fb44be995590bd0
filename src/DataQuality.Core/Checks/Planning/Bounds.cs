using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataQuality.Core.Expectations;

namespace DataQuality.Core.Checks.Planning;

/// <summary>
/// GX min_value/max_value semantics: inclusive unless strict_min/strict_max, a null bound is open,
/// both null is an argument error unless the caller allows it; min &gt; max is an argument error
/// (checked in <see cref="EnsureComparableWith"/>). Numbers compare as numbers; dates and timestamps
/// written as ISO strings compare as instants; other strings compare ordinally.
/// </summary>
public sealed record Bounds(JsonNode? Min, JsonNode? Max, bool StrictMin, bool StrictMax)
{
    public static Bounds From(Kwargs kwargs, bool allowBothOpen = false)
    {
        var bounds = new Bounds(Resolve(kwargs, "min_value"), Resolve(kwargs, "max_value"), kwargs.Bool("strict_min", false), kwargs.Bool("strict_max", false));
        if (!allowBothOpen && bounds.Min is null && bounds.Max is null)
            throw kwargs.Invalid("min_value and max_value cannot both be None (null).");
        foreach (var (name, node) in new[] { ("min_value", bounds.Min), ("max_value", bounds.Max) })
            if (node is not null && node is not JsonValue)
                throw kwargs.WrongType(name, "a number, a date or a string", node);
        return bounds;
    }

    /// <summary>A bound as written, or the value of a GX suite parameter expression (<see cref="SuiteParameters"/>).</summary>
    public static JsonNode? Resolve(Kwargs kwargs, string name)
    {
        var node = kwargs.Node(name);
        if (!SuiteParameters.IsParameter(node)) return node;
        try
        {
            // Run-time parameters come from the suite's variables, else DQ_VAR_name; none is DQ1030 for this check.
            var variables = kwargs.Parameters ?? new Settings.VariableValues();
            return SuiteParameters.Evaluate(node!.AsObject(), DateTime.UtcNow, parameter => variables.Value(parameter, kwargs.LocationOf(name)));
        }
        catch (Exception ex) when (ex is FormatException or ArgumentOutOfRangeException or OverflowException)
        {
            throw kwargs.Invalid($"cannot evaluate suite parameter {name} {node!.ToJsonString()}: {ex.Message}.");
        }
    }

    private static bool Comparable(JsonNode a, JsonNode b) =>
        (TryNumber(a, out _) && TryNumber(b, out _)) || (TryInstant(Text(a), out _) && TryInstant(Text(b), out _));

    /// <summary>
    /// Whether <paramref name="observed"/> lies within the bounds. A null observed value (empty input)
    /// or NaN is never within them, even when both bounds are open: GX fails a metric it cannot compare.
    /// </summary>
    public bool Contains(JsonNode? observed)
    {
        if (observed is null || IsNaN(observed)) return false;
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

    /// <summary>
    /// Rejects bounds that cannot be compared with a statistic of <paramref name="family"/>: GX would
    /// raise while comparing (e.g. a mean against "s"), so this is an argument error at planning, not a
    /// silent string comparison. Numbers (and booleans) need numeric bounds (DQ4601); dates and
    /// timestamps need ISO date strings (DQ4602); text needs string bounds (DQ4102, the general wrong-kwarg-type code).
    /// </summary>
    public void EnsureComparableWith(TypeFamily family, ExpectationConfig config, string statistic)
    {
        foreach (var (name, node) in new[] { ("min_value", Min), ("max_value", Max) })
        {
            if (node is null) continue;
            if ((family.IsNumeric() || family == TypeFamily.Boolean) && !TryNumber(node, out _))
                throw new ExpectationArgumentException("DQ4601",
                    $"{config.Type}: {name} must be a number to compare with {statistic}, got {node.ToJsonString()} (not a number, and an invalid datetime format for a numeric statistic).",
                    config.Location);
            if (family == TypeFamily.String && !(node is JsonValue sv && sv.GetValueKind() == JsonValueKind.String))
                throw new ExpectationArgumentException("DQ4102",
                    $"{config.Type}: kwarg '{name}' must be a string to compare with {statistic}, got {node.ToJsonString()}.",
                    config.Location);
            if (family is TypeFamily.Date or TypeFamily.Timestamp && !TryInstant(Text(node), out _))
                throw new ExpectationArgumentException("DQ4602",
                    $"{config.Type}: {name} must be a date or timestamp (ISO 8601) to compare with {statistic}, got {node.ToJsonString()} (invalid datetime format).",
                    config.Location);
        }
        // GX raises on an empty range rather than failing every row.
        if (Min is not null && Max is not null && Comparable(Min, Max) && Compare(Min, Max) > 0)
            throw new ExpectationArgumentException("DQ4104",
                $"{config.Type}: min_value ({Min.ToJsonString()}) cannot be greater than max_value ({Max.ToJsonString()}).", config.Location);
    }

    /// <summary>NaN as DuckDB returns it (double) or as <see cref="DuckValue"/> writes it ("NaN").</summary>
    public static bool IsNaN(JsonNode? node) => node is JsonValue v && TryNumber(v, out var d) && double.IsNaN(d);

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
        // Python compares True/False as 1/0, so a boolean column's max compares with numeric bounds.
        if (v.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            value = v.GetValueKind() == JsonValueKind.True ? 1 : 0;
            return true;
        }
        if (v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is "NaN" or "Infinity" or "-Infinity")
        {
            value = double.Parse(v.GetValue<string>(), CultureInfo.InvariantCulture);
            return true;
        }
        return false;
    }

    private static string Text(JsonNode node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : node.ToJsonString();

    private static bool TryInstant(string s, out long micros) => Profiling.ValueFormat.TryParseMicros(s, out micros);
}
