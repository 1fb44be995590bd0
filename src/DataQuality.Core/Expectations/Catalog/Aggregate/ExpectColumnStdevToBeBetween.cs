using DataQuality.Core.Checks.Planning;

namespace DataQuality.Core.Expectations.Catalog.Aggregate;

/// <summary>
/// Sample standard deviation (n − 1 denominator, GX's definition on every backend) of the non-null
/// values. Fewer than two non-null values give null, which fails; so does a NaN or an infinity (the deviation is NaN).
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
        // A NaN or infinity makes the standard deviation NaN (docs/semantics.md: the check fails with observed
        // null), but DuckDB's stddev_samp raises "out of range" on them instead, which made the check an error.
        var inScope = condition == "TRUE" ? "" : $"({condition}) AND ";
        var nonFinite = AggregateSql.Count("*", $"{inScope}NOT isfinite({value})");
        return $"CASE WHEN {nonFinite} > 0 THEN 'NaN'::DOUBLE ELSE stddev_samp({value}) FILTER (WHERE {inScope}isfinite({value})) END";
    }
}
