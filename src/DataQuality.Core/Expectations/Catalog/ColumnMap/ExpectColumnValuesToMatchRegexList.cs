using DataQuality.Core.Checks.Planning;

namespace DataQuality.Core.Expectations.Catalog.ColumnMap;

/// <summary>Any (default) or all of regex_list must match, per match_on.</summary>
public sealed class ExpectColumnValuesToMatchRegexList : ColumnMapExpectation
{
    public override string Type => "expect_column_values_to_match_regex_list";

    protected override string Unexpected(PlanContext context, SchemaColumn column, string ident) =>
        "NOT " + Patterns.Combine(context, Patterns.RegexList(context, column, ident));
}
