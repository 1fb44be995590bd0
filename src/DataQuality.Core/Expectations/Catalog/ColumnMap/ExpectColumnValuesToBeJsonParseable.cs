using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.ColumnMap;

/// <summary>
/// Text that DuckDB's JSON parser rejects is unexpected (top-level scalars such as <c>1</c> or
/// <c>"a"</c> parse, as with Python's json.loads). A JSON-typed column is valid by construction;
/// values of any other type are not JSON text and are unexpected (GX on pandas fails them too).
/// </summary>
public sealed class ExpectColumnValuesToBeJsonParseable : ColumnMapExpectation
{
    public override string Type => "expect_column_values_to_be_json_parseable";

    protected override IReadOnlyList<ExpectationArgument> OwnArguments => [];

    protected override string Unexpected(PlanContext context, SchemaColumn column, string ident) =>
        column.Family == TypeFamily.String ? $"NOT json_valid({ident})"
        : column.Type.Equals("JSON", StringComparison.OrdinalIgnoreCase) ? "FALSE"
        : "TRUE";
}
