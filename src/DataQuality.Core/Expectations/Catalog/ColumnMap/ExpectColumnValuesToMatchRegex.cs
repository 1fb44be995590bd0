using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.ColumnMap;

/// <summary>A value is expected when the regex matches anywhere in it (Python re.search); non-strings are matched as text.</summary>
public sealed class ExpectColumnValuesToMatchRegex : ColumnMapExpectation
{
    public override string Type => "expect_column_values_to_match_regex";

    protected override IReadOnlyList<ExpectationArgument> OwnArguments =>
    [
        Arg.Required("regex", ArgumentKind.String, "Python regular expression every value must match (search, not full match)."),
    ];

    protected override string Unexpected(PlanContext context, SchemaColumn column, string ident) =>
        "NOT " + Patterns.Regex(context, column, ident, context.Kwargs.RequiredString("regex"), "regex");
}
