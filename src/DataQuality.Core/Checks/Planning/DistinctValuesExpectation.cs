using System.Text.Json.Nodes;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Checks.Planning;

/// <summary>
/// GX expectations on a column's set of distinct non-null values (in / contain / equal a value_set):
/// observed_value is the sorted distinct list, details.value_counts the count of each, both from
/// one histogram aggregate of the shared scan. The subclass decides success from the two sets.
/// </summary>
public abstract class DistinctValuesExpectation : ExpectationDefinition
{
    public sealed override IReadOnlyList<ExpectationArgument> Arguments => [Arg.Column, Arg.Optional("value_set", ArgumentKind.List, "The set the distinct values are compared with.")];

    /// <summary>Success given the observed distinct keys and the value_set keys (null when value_set is null).</summary>
    protected abstract bool Success(IReadOnlySet<string> observed, IReadOnlySet<string>? expected);

    public sealed override PlannedCheck Plan(PlanContext context)
    {
        var column = context.Column();
        var set = context.Kwargs.OptionalArray("value_set");
        var keys = new ValueKeys(column);
        var expected = set?.Select(keys.OfJson).ToHashSet(StringComparer.Ordinal);
        var ident = PlanContext.Ident(column);
        var condition = context.Condition();
        var histogram = ColumnHistogram.Register(context.Scan, ident, condition);
        var counts = ColumnCounts.Register(context.Scan, ident, condition);
        return new PlannedCheck([histogram, .. counts.Handles], eval =>
        {
            var entries = ColumnHistogram.Read(eval.Values, histogram);
            var observed = entries.Select(e => keys.OfValue(e.Value)).ToHashSet(StringComparer.Ordinal);
            var details = counts.Details(eval.Values, ColumnHistogram.Values(entries.Select(e => e.Value)))
                with { Details = new JsonObject { ["value_counts"] = ColumnHistogram.ValueCounts(entries) } };
            return eval.Result(Success(observed, expected), details);
        });
    }
}
