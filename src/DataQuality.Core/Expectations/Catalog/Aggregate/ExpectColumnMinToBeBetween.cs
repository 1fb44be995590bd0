using DataQuality.Core.Checks.Planning;

namespace DataQuality.Core.Expectations.Catalog.Aggregate;

/// <summary>The smallest non-null value; keeps the column's type (ints stay ints, dates compare as dates).</summary>
public sealed class ExpectColumnMinToBeBetween : ColumnAggregateBetweenExpectation
{
    public override string Type => "expect_column_min_to_be_between";

    protected override string StatisticName => "the minimum";

    protected override bool AllowsBothBoundsOpen => false;

    protected override TypeFamily StatisticFamily(SchemaColumn column) => column.Family;

    protected override string Statistic(PlanContext context, SchemaColumn column, string ident, string condition) =>
        AggregateSql.Filtered($"min({ident})", condition);
}
