using System.Text.Json.Nodes;
using DataQuality.Core.Checks;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.Table;

/// <summary>Row count (under the row_condition, if any) equals value; the count is an aggregate of the shared scan.</summary>
public sealed class ExpectTableRowCountToEqual : ExpectationDefinition
{
    public override string Type => "expect_table_row_count_to_equal";

    public override IReadOnlyList<ExpectationArgument> Arguments => [Arg.Required("value", ArgumentKind.Integer, "The number of rows.")];

    public override PlannedCheck Plan(PlanContext context)
    {
        var value = TableKwargs.RequiredInteger(context, "value");
        var rows = context.Scan.Aggregate(AggregateSql.Filtered("count(*)", context.Condition()));
        return new PlannedCheck([rows], eval =>
        {
            var count = eval.Values.Long(rows);
            return eval.Result(count == value, new ResultDetails { ObservedValue = JsonValue.Create(count) });
        });
    }
}
