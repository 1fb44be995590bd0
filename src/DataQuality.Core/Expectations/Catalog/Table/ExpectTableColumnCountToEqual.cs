using System.Text.Json.Nodes;
using DataQuality.Core.Checks;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.Table;

/// <summary>Answered from the schema alone (no scan).</summary>
public sealed class ExpectTableColumnCountToEqual : ExpectationDefinition
{
    public override string Type => "expect_table_column_count_to_equal";

    public override IReadOnlyList<ExpectationArgument> Arguments => [Arg.Required("value", ArgumentKind.Integer, "The number of columns.")];

    public override PlannedCheck Plan(PlanContext context)
    {
        var value = TableKwargs.RequiredInteger(context, "value");
        var count = context.Schema.Columns.Count;
        return new PlannedCheck([], eval => eval.Result(count == value, new ResultDetails { ObservedValue = JsonValue.Create(count) }));
    }
}
