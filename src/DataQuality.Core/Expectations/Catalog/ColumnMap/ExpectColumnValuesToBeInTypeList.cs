using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.ColumnMap;

/// <summary>Schema-level like <see cref="ExpectColumnValuesToBeOfType"/>; a null type_list passes (GX treats it as a placeholder).</summary>
public sealed class ExpectColumnValuesToBeInTypeList : ExpectationDefinition
{
    public override string Type => "expect_column_values_to_be_in_type_list";

    public override IReadOnlyList<ExpectationArgument> Arguments =>
    [
        Arg.Column,
        Arg.Optional("type_list", ArgumentKind.StringList, "Type names the column may have (null: any)."),
    ];

    public override PlannedCheck Plan(PlanContext context)
    {
        var column = context.Column();
        var success = !context.Kwargs.Has("type_list")
            || TypeCheck.Matches(context, column, context.Kwargs.RequiredStringList("type_list"), "type_list");
        return TypeCheck.Planned(column, success);
    }
}
