using DataQuality.Core.Checks.Planning;

namespace DataQuality.Core.Expectations.Catalog.Aggregate;

/// <summary>
/// Sum of the non-null values: an integer for integer columns (DuckDB's HUGEINT sum, reported as a
/// long while it fits), a double otherwise; booleans count as 0/1. No non-null values gives a null
/// sum (SQL semantics, as GX's SQL backends), which fails.
/// </summary>
public sealed class ExpectColumnSumToBeBetween : ColumnAggregateBetweenExpectation
{
    public override string Type => "expect_column_sum_to_be_between";

    protected override string StatisticName => "the sum";

    protected override bool AllowsBothBoundsOpen => false;

    protected override string Statistic(PlanContext context, SchemaColumn column, string ident, string condition) => column.Family switch
    {
        TypeFamily.Integer => AggregateSql.Filtered($"sum({ident})", condition),
        TypeFamily.Floating or TypeFamily.Decimal => AggregateSql.Filtered($"sum({ident}::DOUBLE)", condition),
        TypeFamily.Boolean => AggregateSql.Filtered($"sum({ident}::INTEGER)", condition),
        _ => throw NeedsNumeric(context, column, "a sum"),
    };
}
