using DataQuality.Core.Checks.Planning;

namespace DataQuality.Core.Expectations.Catalog.ColumnMap;

/// <summary>A value matching the LIKE pattern is unexpected.</summary>
public sealed class ExpectColumnValuesToNotMatchLikePattern : ColumnMapExpectation
{
    public override string Type => "expect_column_values_to_not_match_like_pattern";

    protected override string Unexpected(PlanContext context, SchemaColumn column, string ident) =>
        Patterns.Like(column, ident, context.Kwargs.RequiredString("like_pattern"));
}
