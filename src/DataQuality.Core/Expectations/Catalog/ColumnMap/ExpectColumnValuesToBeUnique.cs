using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.ColumnMap;

/// <summary>
/// Every row whose value occurs more than once is unexpected (GX semantics: all copies, not all but
/// one); nulls are missing. The definition is <see cref="Uniqueness"/>'s, shared with contract
/// <c>unique</c> and <c>dq suggest</c>.
/// </summary>
public sealed class ExpectColumnValuesToBeUnique : ColumnMapExpectation
{
    public override string Type => "expect_column_values_to_be_unique";

    protected override IReadOnlyList<ExpectationArgument> OwnArguments => [];

    protected override string Unexpected(PlanContext context, SchemaColumn column, string ident) =>
        Uniqueness.DuplicateRow(context.Scan, ident, context.Condition());
}
