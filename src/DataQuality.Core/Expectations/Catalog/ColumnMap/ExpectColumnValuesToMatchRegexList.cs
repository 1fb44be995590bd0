using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.ColumnMap;

/// <summary>Any (default) or all of regex_list must match, per match_on.</summary>
public sealed class ExpectColumnValuesToMatchRegexList : ColumnMapExpectation
{
    public override string Type => "expect_column_values_to_match_regex_list";

    protected override IReadOnlyList<ExpectationArgument> OwnArguments =>
    [
        Arg.Required("regex_list", ArgumentKind.StringList, "Python regular expressions."),
        Arg.Optional("match_on", ArgumentKind.String, "any: one pattern must match; all: every pattern.", "any"),
    ];

    protected override string Unexpected(PlanContext context, SchemaColumn column, string ident) =>
        "NOT " + Patterns.Combine(context, Patterns.RegexList(context, column, ident));
}
