using DataQuality.Core.Checks;
using DataQuality.Core.Checks.Planning;

namespace DataQuality.Core.Expectations.Catalog.Table;

public sealed class ExpectTableRowCountToBeBetween : ExpectationDefinition
{
    public override string Type => "expect_table_row_count_to_be_between";

    public override PlannedCheck Plan(PlanContext context)
    {
        // A row count is an integer: GX rejects non-integer bounds ("must be integers").
        var bounds = Bounds.From(context.Kwargs, allowBothOpen: true).RequireComparableWith(TypeFamily.Integer, "a row count", context.Kwargs);
        var rows = context.Scan.Aggregate($"count(*) FILTER (WHERE {context.Condition()})");
        return new PlannedCheck([rows], eval =>
        {
            var observed = System.Text.Json.Nodes.JsonValue.Create(eval.Values.Long(rows));
            return eval.Result(bounds.Contains(observed), new ResultDetails { ObservedValue = observed });
        });
    }
}
