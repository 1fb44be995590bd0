using DataQuality.Core.Checks.Planning;

namespace DataQuality.Core.Expectations.Catalog.Aggregate;

/// <summary>Arithmetic mean of the non-null values as a double; booleans count as 0/1 (as pandas does).</summary>
public sealed class ExpectColumnMeanToBeBetween : ColumnAggregateBetweenExpectation
{
    public override string Type => "expect_column_mean_to_be_between";

    protected override string StatisticName => "the mean";

    protected override string Statistic(PlanContext context, SchemaColumn column, string ident, string condition)
    {
        if (!column.Family.IsNumeric() && column.Family != TypeFamily.Boolean)
            throw NeedsNumeric(context, column, "a mean");
        return AggregateSql.Filtered($"avg({ident}::DOUBLE)", condition);
    }
}
