using DataQuality.Core.Checks.Planning;

namespace DataQuality.Core.Expectations.Catalog.Aggregate;

public sealed class ExpectColumnMeanToBeBetween : ColumnAggregateBetweenExpectation
{
    public override string Type => "expect_column_mean_to_be_between";

    protected override bool AllowBothBoundsOpen => true;

    protected override TypeFamily StatisticFamily(SchemaColumn column) => TypeFamily.Floating;

    protected override string Statistic(PlanContext context, SchemaColumn column, string ident, string condition)
    {
        if (!column.Family.IsNumeric() && column.Family != TypeFamily.Boolean)
            throw context.Kwargs.Invalid($"column '{column.Name}' is {column.Type}; a mean needs a numeric column.");
        return $"avg({ident}::DOUBLE) FILTER (WHERE {condition})";
    }
}
