using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.ColumnMap;

/// <summary>A value below the previous one (or equal to it, with strictly) is unexpected; order semantics in <see cref="Monotonic"/>.</summary>
public sealed class ExpectColumnValuesToBeIncreasing : ColumnMapExpectation
{
    public override string Type => "expect_column_values_to_be_increasing";

    protected override IReadOnlyList<ExpectationArgument> OwnArguments => [Arg.Optional("strictly", ArgumentKind.Boolean, "Each value must differ from the one before.", "false")];

    protected override string Unexpected(PlanContext context, SchemaColumn column, string ident) =>
        Monotonic.Unexpected(context, column, ident, increasing: true);
}
