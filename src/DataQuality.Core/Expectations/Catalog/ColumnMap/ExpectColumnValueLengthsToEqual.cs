using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.ColumnMap;

public sealed class ExpectColumnValueLengthsToEqual : ColumnMapExpectation
{
    public override string Type => "expect_column_value_lengths_to_equal";

    protected override IReadOnlyList<ExpectationArgument> OwnArguments => [Arg.Required("value", ArgumentKind.Integer, "The length every value must have.")];

    protected override string Unexpected(PlanContext context, SchemaColumn column, string ident)
    {
        var value = context.Kwargs.Node("value") ?? throw context.Kwargs.Missing("value", "a number");
        var length = ExpectColumnValueLengthsToBeBetween.Length(context, "value", value);
        StringColumns.Require(context, column, "a value length check");
        return $"length({ident}) <> {length}";
    }
}
