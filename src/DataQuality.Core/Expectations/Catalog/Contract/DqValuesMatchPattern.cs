using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Datasets;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.Contract;

/// <summary>
/// Non-null values contain a match of <c>regex</c> (JSON Schema <c>pattern</c> semantics: unanchored
/// unless the pattern anchors itself). Used for contract patterns when the GX regex expectation is
/// not in the catalog; same semantics and result fields (a column map expectation).
/// </summary>
public sealed class DqValuesMatchPattern : ColumnMapExpectation
{
    public override string Type => "dq_values_match_pattern";

    protected override IReadOnlyList<ExpectationArgument> OwnArguments => [Arg.Required("regex", ArgumentKind.String, "Regular expression every value must match.")];

    protected override string Unexpected(PlanContext context, SchemaColumn column, string ident) =>
        $"NOT regexp_matches({ident}::VARCHAR, {SqlText.Literal(context.Kwargs.RequiredString("regex"))})";
}
