using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.Multicolumn;

/// <summary>
/// Every row whose combination of values occurs more than once among the rows in scope (row_condition
/// and not ignored) is unexpected, all copies included. Nulls group together, as pandas'
/// <c>duplicated</c> does. The count is a window column of the shared scan.
/// </summary>
public sealed class ExpectCompoundColumnsToBeUnique : MulticolumnMapExpectation
{
    public override string Type => "expect_compound_columns_to_be_unique";

    protected override IReadOnlyList<ExpectationArgument> OwnArguments => [];

    protected override string Unexpected(PlanContext context, IReadOnlyList<SchemaColumn> columns, IReadOnlyList<string> idents, string missing)
    {
        var occurrences = context.Scan.Derived(
            $"count(*) FILTER (WHERE {context.Condition()} AND NOT {missing}) OVER (PARTITION BY {string.Join(", ", idents)})");
        return $"{occurrences} > 1";
    }
}
