using DataQuality.Core.Checks.Planning;

namespace DataQuality.Core.Expectations.Catalog.Aggregate;

/// <summary>Number of distinct non-null values (0 on empty input, which is compared like any count).</summary>
public sealed class ExpectColumnUniqueValueCountToBeBetween : ColumnAggregateBetweenExpectation
{
    public override string Type => "expect_column_unique_value_count_to_be_between";

    protected override string StatisticName => "the number of distinct values";

    protected override string Statistic(PlanContext context, SchemaColumn column, string ident, string condition) =>
        AggregateSql.Filtered($"count(DISTINCT {ident})", condition);
}
