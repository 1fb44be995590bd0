using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataQuality.Core.Checks.Planning;

namespace DataQuality.Core.Expectations.Catalog.Table;

/// <summary>Kwarg parsing shared by the table expectations.</summary>
internal static class TableKwargs
{
    /// <summary>An integer kwarg such as <c>value</c>: 4 or 4.0, never "hello" (GX: "not a valid integer").</summary>
    public static long RequiredInteger(PlanContext context, string name)
    {
        var node = context.Kwargs.Node(name) ?? throw context.Kwargs.Missing(name, "an integer");
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && JsonNumber.TryGetDouble(v, out var d)
            && d == Math.Floor(d) && Math.Abs(d) < 9e15)
            return (long)d;
        throw new ExpectationArgumentException("DQ4701",
            $"{context.Config.Type}: {name} must be an integer; {node.ToJsonString()} is not a valid integer.", context.Config.Location);
    }

    /// <summary>A list of column names that may be null (GX: null means "no constraint").</summary>
    public static IReadOnlyList<string>? OptionalNames(PlanContext context, string name)
    {
        if (context.Kwargs.Node(name) is null) return null;
        return context.Kwargs.RequiredStringList(name);
    }

    /// <summary>
    /// Bounds of a count (rows, columns): open when null, otherwise integers with min ≤ max; GX raises
    /// on both, with <paramref name="orderMessage"/> as its wording for min &gt; max.
    /// </summary>
    public static Bounds CountBounds(PlanContext context, string orderMessage)
    {
        // Bounds.EnsureComparableWith is not used: its generic min > max error would pre-empt GX's wording for counts.
        var bounds = Bounds.From(context.Kwargs, allowBothOpen: true);
        long? min = null, max = null;
        foreach (var (name, node) in new[] { ("min_value", bounds.Min), ("max_value", bounds.Max) })
        {
            if (node is null) continue;
            if (!(node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && JsonNumber.TryGetDouble(v, out var d) && d == Math.Floor(d)))
                throw new ExpectationArgumentException("DQ4706",
                    $"{context.Config.Type}: min_value and max_value must be integers; {name} is {node.ToJsonString()}.", context.Config.Location);
            if (name == "min_value") min = (long)d; else max = (long)d;
        }
        if (min > max)
            throw new ExpectationArgumentException("DQ4707", $"{context.Config.Type}: {orderMessage} ({Text(min!.Value)} > {Text(max!.Value)}).", context.Config.Location);
        return bounds;
    }

    public static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
