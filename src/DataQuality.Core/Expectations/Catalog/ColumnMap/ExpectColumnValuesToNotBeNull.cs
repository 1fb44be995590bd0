using DataQuality.Core.Checks.Planning;

namespace DataQuality.Core.Expectations.Catalog.ColumnMap;

/// <summary>Nulls are the unexpected values, so (unlike other map expectations) the denominator is every row.</summary>
public sealed class ExpectColumnValuesToNotBeNull : MapExpectation
{
    public override string Type => "expect_column_values_to_not_be_null";

    protected override MapSpec Map(PlanContext context)
    {
        var column = context.Column();
        var ident = PlanContext.Ident(column);
        return new MapSpec("FALSE", $"{ident} IS NULL", ident) { ValueName = column.Name, MissingIsReported = false };
    }
}
