using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.ColumnMap;

/// <summary>Nulls are the unexpected values, so (unlike other map expectations) the denominator is every row.</summary>
public sealed class ExpectColumnValuesToNotBeNull : MapExpectation
{
    public override string Type => "expect_column_values_to_not_be_null";

    public override IReadOnlyList<ExpectationArgument> Arguments => [Arg.Column, Arg.Mostly];

    protected override MapSpec Map(PlanContext context)
    {
        var column = context.Column();
        var ident = PlanContext.Ident(column);
        return new MapSpec("FALSE", $"{ident} IS NULL", ident) { ValueName = column.Name, MissingIsReported = false };
    }
}
