using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.ColumnMap;

/// <summary>A value matching any regex of regex_list is unexpected.</summary>
public sealed class ExpectColumnValuesToNotMatchRegexList : ColumnMapExpectation
{
    public override string Type => "expect_column_values_to_not_match_regex_list";

    protected override IReadOnlyList<ExpectationArgument> OwnArguments => [Arg.Required("regex_list", ArgumentKind.StringList, "Python regular expressions no value may match.")];

    protected override string Unexpected(PlanContext context, SchemaColumn column, string ident) =>
        "(" + string.Join(" OR ", Patterns.RegexList(context, column, ident)) + ")";
}
