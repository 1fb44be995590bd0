using DataQuality.Core.Checks;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.Aggregate;

/// <summary>
/// GX semantics: observed_value is the sorted list of modes (every value tied for the highest count).
/// Without ties_okay there must be exactly one mode and it must be in value_set; with ties_okay at
/// least one of the modes must be. No non-null values: no mode, which fails. The counts come from
/// the same histogram aggregate the distinct-value expectations use.
/// </summary>
public sealed class ExpectColumnMostCommonValueToBeInSet : ExpectationDefinition
{
    public override string Type => "expect_column_most_common_value_to_be_in_set";

    public override IReadOnlyList<ExpectationArgument> Arguments =>
    [
        Arg.Column,
        Arg.Optional("value_set", ArgumentKind.List, "Values the most common value must be among."),
        Arg.Optional("ties_okay", ArgumentKind.Boolean, "Pass when a tie includes a value of the set.", "false"),
    ];

    public override PlannedCheck Plan(PlanContext context)
    {
        var column = context.Column();
        var keys = new ValueKeys(column);
        var expected = (context.Kwargs.OptionalArray("value_set") ?? []).Select(keys.OfJson).ToHashSet(StringComparer.Ordinal);
        var tiesOkay = context.Kwargs.Bool("ties_okay", false);
        var ident = PlanContext.Ident(column);
        var condition = context.Condition();
        var histogram = ColumnHistogram.Register(context.Scan, ident, condition);
        var counts = ColumnCounts.Register(context.Scan, ident, condition);
        return new PlannedCheck([histogram, .. counts.Handles], eval =>
        {
            var entries = ColumnHistogram.Read(eval.Values, histogram);
            var top = entries.Count == 0 ? 0 : entries.Max(e => e.Count);
            var modes = entries.Where(e => e.Count == top).Select(e => e.Value).ToList();
            var intersection = modes.Count(m => expected.Contains(keys.OfValue(m)));
            var success = tiesOkay ? intersection > 0 : modes.Count == 1 && intersection == 1;
            return eval.Result(success, counts.Details(eval.Values, ColumnHistogram.Values(modes)));
        });
    }
}
