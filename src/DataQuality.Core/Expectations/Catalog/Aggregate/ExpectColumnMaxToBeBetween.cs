using DataQuality.Core.Checks.Planning;

namespace DataQuality.Core.Expectations.Catalog.Aggregate;

public sealed class ExpectColumnMaxToBeBetween : ColumnAggregateBetweenExpectation
{
    public override string Type => "expect_column_max_to_be_between";

    protected override string Statistic(PlanContext context, SchemaColumn column, string ident, string condition) =>
        $"max({ident}) FILTER (WHERE {condition})";
}
