using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.ColumnMap;

/// <summary>A value matching any pattern of like_pattern_list is unexpected.</summary>
public sealed class ExpectColumnValuesToNotMatchLikePatternList : ColumnMapExpectation
{
    public override string Type => "expect_column_values_to_not_match_like_pattern_list";

    protected override IReadOnlyList<ExpectationArgument> OwnArguments => [Arg.Required("like_pattern_list", ArgumentKind.StringList, "SQL LIKE patterns no value may match.")];

    protected override string Unexpected(PlanContext context, SchemaColumn column, string ident) =>
        "(" + string.Join(" OR ", Patterns.LikeList(context, column, ident)) + ")";
}
