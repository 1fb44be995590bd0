using DataQuality.Core.Checks;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.Table;

/// <summary>Row count under the row_condition; both bounds null is vacuously true; bounds must be integers with min ≤ max (GX raises otherwise).</summary>
public sealed class ExpectTableRowCountToBeBetween : ExpectationDefinition
{
    public override string Type => "expect_table_row_count_to_be_between";

    public override IReadOnlyList<ExpectationArgument> Arguments => [.. Arg.Between];

    public override PlannedCheck Plan(PlanContext context)
    {
        var bounds = TableKwargs.CountBounds(context, "Minimum Threshold cannot be larger than Maximum Threshold");
        var rows = context.Scan.Aggregate(AggregateSql.Filtered("count(*)", context.Condition()));
        return new PlannedCheck([rows], eval =>
        {
            var observed = System.Text.Json.Nodes.JsonValue.Create(eval.Values.Long(rows));
            return eval.Result(bounds.Contains(observed), new ResultDetails { ObservedValue = observed });
        });
    }
}
