using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.ColumnMap;

/// <summary>
/// Every row whose value occurs more than once is unexpected (GX semantics: all copies, not all but
/// one). The occurrence count is a window column of the shared scan, so no extra pass is needed.
/// </summary>
public sealed class ExpectColumnValuesToBeUnique : ColumnMapExpectation
{
    public override string Type => "expect_column_values_to_be_unique";

    protected override IReadOnlyList<ExpectationArgument> OwnArguments => [];

    protected override string Unexpected(PlanContext context, SchemaColumn column, string ident)
    {
        var condition = context.Condition();
        // A filtered window aggregate is markedly slower in DuckDB; without a row_condition there is nothing to filter.
        var counted = condition == "TRUE" ? "count(*)" : $"count(*) FILTER (WHERE {condition})";
        var occurrences = context.Scan.Derived($"{counted} OVER (PARTITION BY {ident})");
        return $"{occurrences} > 1";
    }
}
