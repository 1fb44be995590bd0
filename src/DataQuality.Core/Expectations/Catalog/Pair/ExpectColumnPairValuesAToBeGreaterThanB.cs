using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.Pair;

/// <summary>A &gt; B per row (A ≥ B with <c>or_equal</c>); a NaN on either side is unexpected.</summary>
public sealed class ExpectColumnPairValuesAToBeGreaterThanB : ColumnPairMapExpectation
{
    public override string Type => "expect_column_pair_values_a_to_be_greater_than_b";

    protected override IReadOnlyList<ExpectationArgument> OwnArguments => [Arg.Optional("or_equal", ArgumentKind.Boolean, "Allow A equal to B.", "false")];

    public override IReadOnlyList<string> Aliases => ["expect_column_pair_values_A_to_be_greater_than_B"];

    protected override string Expected(PlanContext context, SchemaColumn a, SchemaColumn b, string identA, string identB)
    {
        var (x, y) = Comparable(a, b, identA, identB);
        var comparison = $"{x} {(context.Kwargs.Bool("or_equal", false) ? ">=" : ">")} {y}";
        // NaN is neither greater nor smaller than anything (IEEE; pandas, so GX, says False), but DuckDB orders
        // NaN above every number, so NaN > 5 was true and the row passed. Either side NaN: unexpected.
        var floatA = a.Family == TypeFamily.Floating || (a.Family == TypeFamily.String && b.Family == TypeFamily.Floating);
        var floatB = b.Family == TypeFamily.Floating || (b.Family == TypeFamily.String && a.Family == TypeFamily.Floating);
        var notNaN = (floatA ? $"NOT isnan({x}) AND " : "") + (floatB ? $"NOT isnan({y}) AND " : "");
        return notNaN + comparison;
    }
}
