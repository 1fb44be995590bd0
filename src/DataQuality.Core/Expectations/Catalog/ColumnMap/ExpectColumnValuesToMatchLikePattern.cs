using DataQuality.Core.Checks.Planning;

namespace DataQuality.Core.Expectations.Catalog.ColumnMap;

/// <summary>SQL LIKE as DuckDB evaluates it: % and _, case-sensitive, no escape character.</summary>
public sealed class ExpectColumnValuesToMatchLikePattern : ColumnMapExpectation
{
    public override string Type => "expect_column_values_to_match_like_pattern";

    protected override string Unexpected(PlanContext context, SchemaColumn column, string ident) =>
        "NOT " + Patterns.Like(column, ident, context.Kwargs.RequiredString("like_pattern"));
}
