using System.Text.Json;
using System.Text.Json.Nodes;
using DataQuality.Core.Checks.Planning;

namespace DataQuality.Core.Expectations.Catalog.Distributional;

/// <summary>
/// GX's partition_object: continuous (<c>bins</c> edges + <c>weights</c> per bin, optional
/// <c>tail_weights</c> [below, above]) or categorical (<c>values</c> + <c>weights</c>). Valid when
/// the lengths agree, bins increase, and all weights (tails included) sum to 1 within numpy's
/// allclose tolerance — GX's <c>is_valid_partition_object</c>.
/// </summary>
public sealed record PartitionObject(double[]? Bins, JsonNode?[]? Values, double[] Weights, double[]? TailWeights)
{
    public bool IsContinuous => Bins is not null;

    public bool IsCategorical => Bins is null && Values is not null;

    /// <summary>Parses and validates; null when the kwarg is absent or JSON null.</summary>
    public static PartitionObject? Parse(PlanContext context, string name = "partition_object")
    {
        var node = context.Kwargs.Node(name);
        if (node is null) return null;
        if (node is not JsonObject o) throw new ExpectationArgumentException("DQ5501", $"{name} must be an object with bins/values and weights, got {node.ToJsonString()}", context.Config.Location);
        var weights = Numbers(o["weights"], name + ".weights", context);
        var tails = o["tail_weights"] is null ? null : Numbers(o["tail_weights"], name + ".tail_weights", context);
        double[]? bins = o["bins"] is null ? null : Numbers(o["bins"], name + ".bins", context);
        var values = bins is null && o["values"] is JsonArray va ? va.ToArray() : null;
        if (weights is null || (bins is null && values is null))
            throw Invalid(context, name, "needs weights and either bins or values");
        if (tails is not null && tails.Length != 2) throw Invalid(context, name, "tail_weights must hold two numbers");
        if (bins is not null)
        {
            if (bins.Length != weights.Length + 1) throw Invalid(context, name, $"has {bins.Length} bin edges for {weights.Length} weights (needs one more edge than weights)");
            for (var i = 1; i < bins.Length; i++)
                if (!(bins[i] > bins[i - 1])) throw Invalid(context, name, "bins must increase strictly");
        }
        else if (values!.Length != weights.Length) throw Invalid(context, name, $"has {values.Length} values for {weights.Length} weights");
        var sum = weights.Sum() + (tails?.Sum() ?? 0);
        if (Math.Abs(sum - 1) > 1e-8 + 1e-5) throw Invalid(context, name, $"weights must sum to 1 (they sum to {sum:R})");
        return new PartitionObject(bins, values, weights, tails);
    }

    private static ExpectationArgumentException Invalid(PlanContext context, string name, string why) =>
        new("DQ5501", $"invalid {name}: {why}", context.Config.Location);

    private static double[]? Numbers(JsonNode? node, string what, PlanContext context)
    {
        if (node is null) return null;
        if (node is not JsonArray a) throw new ExpectationArgumentException("DQ5501", $"{what} must be a list of numbers", context.Config.Location);
        var result = new double[a.Count];
        for (var i = 0; i < a.Count; i++)
        {
            if (a[i] is JsonValue v && JsonNumber.TryGetDouble(v, out var d)) result[i] = d;
            else if (a[i] is JsonValue s && s.GetValueKind() == JsonValueKind.String && s.GetValue<string>() is "Infinity" or "-Infinity" or "inf" or "-inf")
                result[i] = s.GetValue<string>().StartsWith('-') ? double.NegativeInfinity : double.PositiveInfinity;
            else throw new ExpectationArgumentException("DQ5501", $"{what}[{i}] is not a number: {a[i]?.ToJsonString() ?? "null"}", context.Config.Location);
        }
        return result;
    }

    public static JsonArray Json(IEnumerable<double> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
