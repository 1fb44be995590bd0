using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.Pair;

public sealed class ExpectColumnPairValuesToBeEqual : ColumnPairMapExpectation
{
    public override string Type => "expect_column_pair_values_to_be_equal";

    protected override IReadOnlyList<ExpectationArgument> OwnArguments => [];

    protected override string Expected(PlanContext context, SchemaColumn a, SchemaColumn b, string identA, string identB)
    {
        var (x, y) = Comparable(a, b, identA, identB);
        return $"{x} = {y}";
    }
}
