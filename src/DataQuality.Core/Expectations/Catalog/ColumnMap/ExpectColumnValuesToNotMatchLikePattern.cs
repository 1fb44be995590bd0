using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.ColumnMap;

/// <summary>A value matching the LIKE pattern is unexpected.</summary>
public sealed class ExpectColumnValuesToNotMatchLikePattern : ColumnMapExpectation
{
    public override string Type => "expect_column_values_to_not_match_like_pattern";

    protected override IReadOnlyList<ExpectationArgument> OwnArguments => [Arg.Required("like_pattern", ArgumentKind.String, "SQL LIKE pattern no value may match.")];

    protected override string Unexpected(PlanContext context, SchemaColumn column, string ident) =>
        Patterns.Like(column, ident, context.Kwargs.RequiredString("like_pattern"));
}
