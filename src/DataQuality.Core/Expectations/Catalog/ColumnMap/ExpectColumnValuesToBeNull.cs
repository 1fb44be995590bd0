using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.ColumnMap;

/// <summary>Non-null values are unexpected; the denominator is every row.</summary>
public sealed class ExpectColumnValuesToBeNull : MapExpectation
{
    public override string Type => "expect_column_values_to_be_null";

    public override IReadOnlyList<ExpectationArgument> Arguments => [Arg.Column, Arg.Mostly];

    protected override MapSpec Map(PlanContext context)
    {
        var column = context.Column();
        var ident = PlanContext.Ident(column);
        return new MapSpec("FALSE", $"{ident} IS NOT NULL", ident) { ValueName = column.Name, MissingIsReported = false };
    }
}
