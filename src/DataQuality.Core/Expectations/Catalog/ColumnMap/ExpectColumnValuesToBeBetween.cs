using DataQuality.Core.Checks.Planning;

namespace DataQuality.Core.Expectations.Catalog.ColumnMap;

public sealed class ExpectColumnValuesToBeBetween : ColumnMapExpectation
{
    public override string Type => "expect_column_values_to_be_between";

    protected override string Unexpected(PlanContext context, SchemaColumn column, string ident)
    {
        var bounds = Bounds.From(context.Kwargs);
        bounds.EnsureComparableWith(column.Family, context.Config, $"values of column '{column.Name}' ({column.Type})");
        var checks = new List<string>();
        if (bounds.Min is not null) checks.Add($"{ident} {(bounds.StrictMin ? "<=" : "<")} {PlanContext.Literal(bounds.Min, column)}");
        if (bounds.Max is not null) checks.Add($"{ident} {(bounds.StrictMax ? ">=" : ">")} {PlanContext.Literal(bounds.Max, column)}");
        return string.Join(" OR ", checks);
    }
}
