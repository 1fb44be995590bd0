using System.Text.Json.Nodes;
using DataQuality.Core.Checks;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.Contract;

/// <summary>
/// The contract's property exists in the data files. Answered from the schema; a column the runner
/// added as NULL because no file has it (<see cref="DataSource.AbsentColumns"/>) is not present.
/// </summary>
public sealed class DqColumnIsPresent : ExpectationDefinition
{
    public override string Type => "dq_column_is_present";

    public override IReadOnlyList<ExpectationArgument> Arguments => [Arg.Column];

    public override PlannedCheck Plan(PlanContext context)
    {
        var name = context.Kwargs.RequiredString("column");
        var present = context.Schema.TryGet(name, out _) && !context.Source.AbsentColumns.Contains(name);
        var suggestion = present ? null : context.Schema.Suggest(name);
        return new PlannedCheck([], eval => eval.Result(present, new ResultDetails
        {
            ObservedValue = present,
            Details = suggestion is null ? null : new JsonObject { ["did_you_mean"] = suggestion },
        }));
    }
}
