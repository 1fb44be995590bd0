using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.Multicolumn;

/// <summary>
/// Legacy GX name. Its docstring describes compound uniqueness, but its metric was
/// <c>select_column_values.unique.within_record</c> and GX points to
/// expect_select_column_values_to_be_unique_within_record as its replacement, so that is what it
/// evaluates (docs/semantics.md).
/// </summary>
public sealed class ExpectMulticolumnValuesToBeUnique : MulticolumnMapExpectation
{
    public override string Type => "expect_multicolumn_values_to_be_unique";

    protected override IReadOnlyList<ExpectationArgument> OwnArguments => [];

    protected override string Unexpected(PlanContext context, IReadOnlyList<SchemaColumn> columns, IReadOnlyList<string> idents, string missing) =>
        ExpectSelectColumnValuesToBeUniqueWithinRecord.WithinRecordDuplicate(idents);
}
