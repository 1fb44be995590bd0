using DataQuality.Core.Checks.Planning;

namespace DataQuality.Core.Expectations.Catalog.Aggregate;

/// <summary>
/// Distinct non-null values divided by non-null values. With no non-null values GX's metric returns 0
/// (it avoids dividing by zero), and so does this.
/// </summary>
public sealed class ExpectColumnProportionOfUniqueValuesToBeBetween : ColumnAggregateBetweenExpectation
{
    public override string Type => "expect_column_proportion_of_unique_values_to_be_between";

    protected override string StatisticName => "the proportion of unique values";

    protected override string Statistic(PlanContext context, SchemaColumn column, string ident, string condition) =>
        $"coalesce({AggregateSql.Filtered($"count(DISTINCT {ident})", condition)}::DOUBLE / nullif({AggregateSql.Filtered($"count({ident})", condition)}, 0), 0.0)";
}
