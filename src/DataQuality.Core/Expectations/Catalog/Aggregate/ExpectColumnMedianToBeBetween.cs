using DataQuality.Core.Checks.Planning;

namespace DataQuality.Core.Expectations.Catalog.Aggregate;

/// <summary>
/// Median of the non-null values: the middle value, or the mean of the two middle values for an even
/// count (GX's SQL metric does the same); a double for numeric columns. Dates and timestamps have a
/// median too (DuckDB interpolates to a timestamp) and compare against ISO date bounds.
/// </summary>
public sealed class ExpectColumnMedianToBeBetween : ColumnAggregateBetweenExpectation
{
    public override string Type => "expect_column_median_to_be_between";

    protected override string StatisticName => "the median";

    protected override TypeFamily StatisticFamily(SchemaColumn column) =>
        column.Family is TypeFamily.Date or TypeFamily.Timestamp ? TypeFamily.Timestamp : TypeFamily.Floating;

    protected override string Statistic(PlanContext context, SchemaColumn column, string ident, string condition) => column.Family switch
    {
        TypeFamily.Integer or TypeFamily.Floating or TypeFamily.Decimal => AggregateSql.Filtered($"median({ident}::DOUBLE)", condition),
        TypeFamily.Boolean => AggregateSql.Filtered($"median({ident}::INTEGER::DOUBLE)", condition),
        TypeFamily.Date or TypeFamily.Timestamp => AggregateSql.Filtered($"median({ident})", condition),
        _ => throw NeedsNumeric(context, column, "a median"),
    };
}
