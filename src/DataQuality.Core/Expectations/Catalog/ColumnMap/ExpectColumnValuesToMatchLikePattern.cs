using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.ColumnMap;

/// <summary>SQL LIKE as DuckDB evaluates it: % and _, case-sensitive, no escape character.</summary>
public sealed class ExpectColumnValuesToMatchLikePattern : ColumnMapExpectation
{
    public override string Type => "expect_column_values_to_match_like_pattern";

    protected override IReadOnlyList<ExpectationArgument> OwnArguments => [Arg.Required("like_pattern", ArgumentKind.String, "SQL LIKE pattern every value must match.")];

    protected override string Unexpected(PlanContext context, SchemaColumn column, string ident) =>
        "NOT " + Patterns.Like(column, ident, context.Kwargs.RequiredString("like_pattern"));
}
