using System.Text.Json.Nodes;
using DataQuality.Core.Checks;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.Table;

/// <summary>Answered from the schema alone (no scan). Both bounds null is vacuously true; bounds must be integers with min ≤ max, as in GX.</summary>
public sealed class ExpectTableColumnCountToBeBetween : ExpectationDefinition
{
    public override string Type => "expect_table_column_count_to_be_between";

    public override IReadOnlyList<ExpectationArgument> Arguments => [.. Arg.Between];

    public override PlannedCheck Plan(PlanContext context)
    {
        var bounds = TableKwargs.CountBounds(context, "min_value cannot be greater than max_value");
        var observed = JsonValue.Create(context.Schema.Columns.Count);
        return new PlannedCheck([], eval => eval.Result(bounds.Contains(observed), new ResultDetails { ObservedValue = observed }));
    }
}
