using System.Text.Json.Nodes;
using DataQuality.Core.Checks;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.Table;

/// <summary>Answered from the schema alone: no scan.</summary>
public sealed class ExpectColumnToExist : ExpectationDefinition
{
    public override string Type => "expect_column_to_exist";

    public override IReadOnlyList<ExpectationArgument> Arguments => [Arg.Column, Arg.Optional("column_index", ArgumentKind.Integer, "The 0-based position the column must have.")];

    public override PlannedCheck Plan(PlanContext context)
    {
        var name = context.Kwargs.RequiredString("column");
        // column_index is 0-based (GX: c2 at index 1 of [c1, c2, c3]).
        long? index = context.Kwargs.Node("column_index") is null ? null : TableKwargs.RequiredInteger(context, "column_index");
        var position = context.Schema.Columns.Select(c => c.Name).ToList().IndexOf(name);
        var success = position >= 0 && (index is null || index.Value == position);
        return new PlannedCheck([], eval => eval.Result(success, new ResultDetails
        {
            Details = position < 0 ? null : new JsonObject { ["column_index"] = position },
        }));
    }
}
