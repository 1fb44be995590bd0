using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.ColumnMap;

/// <summary>A value is unexpected when the regex matches anywhere in it.</summary>
public sealed class ExpectColumnValuesToNotMatchRegex : ColumnMapExpectation
{
    public override string Type => "expect_column_values_to_not_match_regex";

    protected override IReadOnlyList<ExpectationArgument> OwnArguments => [Arg.Required("regex", ArgumentKind.String, "Python regular expression no value may match.")];

    protected override string Unexpected(PlanContext context, SchemaColumn column, string ident) =>
        Patterns.Regex(context, column, ident, context.Kwargs.RequiredString("regex"), "regex");
}
