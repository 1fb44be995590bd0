using DataQuality.Core.Checks.Planning;

namespace DataQuality.Core.Expectations.Catalog.Aggregate;

/// <summary>
/// Sample standard deviation (n − 1 denominator, GX's definition on every backend) of the non-null
/// values. Fewer than two non-null values give null, which fails.
/// </summary>
public sealed class ExpectColumnStdevToBeBetween : ColumnAggregateBetweenExpectation
{
    public override string Type => "expect_column_stdev_to_be_between";

    protected override string StatisticName => "the standard deviation";

    protected override string Statistic(PlanContext context, SchemaColumn column, string ident, string condition)
    {
        if (!column.Family.IsNumeric() && column.Family != TypeFamily.Boolean)
            throw NeedsNumeric(context, column, "a standard deviation");
        var value = column.Family == TypeFamily.Boolean ? $"{ident}::INTEGER::DOUBLE" : $"{ident}::DOUBLE";
        return AggregateSql.Filtered($"stddev_samp({value})", condition);
    }
}
