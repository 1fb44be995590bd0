using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataQuality.Core.Checks;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.Aggregate;

/// <summary>
/// quantile_ranges {quantiles, value_ranges}: each quantile of the non-null values must lie in its
/// [low, high] range (null = open; a value within relative 1e-4 of a bound counts as inside, as in GX).
/// Quantiles are exact and discrete: DuckDB <c>quantile_disc</c>, which returns the same value as the
/// SQL standard <c>percentile_disc</c> GX issues on its SQL backends (the smallest value whose
/// cumulative share reaches q). One list-valued aggregate of the shared scan computes all of them.
/// allow_relative_error is accepted and ignored: the result is always exact.
/// </summary>
public sealed class ExpectColumnQuantileValuesToBeBetween : ExpectationDefinition
{
    public override string Type => "expect_column_quantile_values_to_be_between";

    public override IReadOnlyList<ExpectationArgument> Arguments =>
    [
        Arg.Column,
        Arg.Required("quantile_ranges", ArgumentKind.Object, "quantiles and their value_ranges."),
        Arg.Optional("allow_relative_error", ArgumentKind.Any, "Accepted for GX compatibility (quantiles are exact)."),
    ];

    public override PlannedCheck Plan(PlanContext context)
    {
        var column = context.Column();
        var family = column.Family;
        if (!family.IsNumeric() && family is not (TypeFamily.Date or TypeFamily.Timestamp))
            throw new ExpectationArgumentException("DQ4603", $"{Type}: column '{column.Name}' is {column.Type}; quantiles need a numeric, date or timestamp column.", context.Config.Location);
        var (quantiles, ranges) = ParseRanges(context);
        var allow = context.Kwargs.Node("allow_relative_error");
        if (allow is not null && !(allow is JsonValue av && av.GetValueKind() is JsonValueKind.True or JsonValueKind.False or JsonValueKind.String))
            throw context.Kwargs.WrongType("allow_relative_error", "true, false or a string", allow);
        foreach (var range in ranges)
            new Bounds(range.Low, range.High, false, false).EnsureComparableWith(family, context.Config, $"the quantiles of column '{column.Name}' ({column.Type})");

        var list = "[" + string.Join(", ", quantiles.Select(q => q.ToString("R", CultureInfo.InvariantCulture) + "::DOUBLE")) + "]";
        var metric = context.Scan.Aggregate(AggregateSql.Filtered($"quantile_disc({PlanContext.Ident(column)}, {list})", context.Condition()));
        return new PlannedCheck([metric], eval =>
        {
            var values = eval.Values.Json(metric) as JsonArray;
            var observed = new JsonArray(quantiles.Select((_, i) => values?[i]?.DeepClone()).ToArray());
            var details = ranges.Select((r, i) => InRange(observed[i], r)).ToList();
            return eval.Result(details.All(x => x), new ResultDetails
            {
                ObservedValue = new JsonObject
                {
                    ["quantiles"] = context.Kwargs.Node("quantile_ranges")!["quantiles"]!.DeepClone(),
                    ["values"] = observed,
                },
                Details = new JsonObject { ["success_details"] = new JsonArray(details.Select(d => (JsonNode)JsonValue.Create(d)).ToArray()) },
            });
        });
    }

    private sealed record Range(JsonNode? Low, JsonNode? High);

    private (List<double> Quantiles, List<Range> Ranges) ParseRanges(PlanContext context)
    {
        var node = context.Kwargs.Node("quantile_ranges") ?? throw context.Kwargs.Missing("quantile_ranges", "an object {quantiles, value_ranges}");
        if (node is not JsonObject obj || obj["quantiles"] is not JsonArray qs || obj["value_ranges"] is not JsonArray vrs)
            throw Bad(context, "quantile_ranges must be an object with lists 'quantiles' and 'value_ranges'.");
        if (qs.Count != vrs.Count)
            throw Bad(context, "quantile_ranges: quantile_values and quantiles must have the same number of elements.");
        var quantiles = new List<double>();
        foreach (var q in qs)
        {
            if (!JsonNumber.TryGetDouble(q, out var d) || d is < 0 or > 1 || double.IsNaN(d))
                throw Bad(context, $"quantile_ranges: each quantile must be a number between 0 and 1, got {q?.ToJsonString() ?? "null"}.");
            quantiles.Add(d);
        }
        var ranges = new List<Range>();
        foreach (var vr in vrs)
        {
            if (vr is not JsonArray pair || pair.Count != 2 || pair.Any(p => p is not null and not JsonValue))
                throw Bad(context, $"quantile_ranges: each value range must be a pair [low, high], got {vr?.ToJsonString() ?? "null"}.");
            if (pair[0] is not null && pair[1] is not null && Bounds.Compare(pair[0]!, pair[1]!) > 0)
                throw new ExpectationArgumentException("DQ4605", $"{Type}: quantile_ranges must consist of ordered pairs; {pair.ToJsonString()} is not.", context.Config.Location);
            ranges.Add(new Range(pair[0]?.DeepClone(), pair[1]?.DeepClone()));
        }
        return (quantiles, ranges);
    }

    private ExpectationArgumentException Bad(PlanContext context, string message) => new("DQ4604", $"{Type}: {message}", context.Config.Location);

    /// <summary>GX <c>_quantile_is_in_range</c>: null fails; within the range, or numerically close (rtol 1e-4) to either bound.</summary>
    private static bool InRange(JsonNode? value, Range range)
    {
        if (value is null || Bounds.IsNaN(value)) return false;
        if (Bounds.TryNumber(value, out var v))
        {
            foreach (var bound in new[] { range.Low, range.High })
                if (bound is not null && Bounds.TryNumber(bound, out var b) && Math.Abs(v - b) <= 1e-8 + 1e-4 * Math.Abs(b))
                    return true;
        }
        return new Bounds(range.Low, range.High, false, false).Contains(value);
    }
}
