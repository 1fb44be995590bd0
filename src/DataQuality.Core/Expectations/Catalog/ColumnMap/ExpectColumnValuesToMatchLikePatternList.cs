using DataQuality.Core.Checks.Planning;

namespace DataQuality.Core.Expectations.Catalog.ColumnMap;

/// <summary>Any (default) or all of like_pattern_list must match, per match_on.</summary>
public sealed class ExpectColumnValuesToMatchLikePatternList : ColumnMapExpectation
{
    public override string Type => "expect_column_values_to_match_like_pattern_list";

    protected override string Unexpected(PlanContext context, SchemaColumn column, string ident) =>
        "NOT " + Patterns.Combine(context, Patterns.LikeList(context, column, ident));
}
