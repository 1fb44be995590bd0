using System.Text.Json.Nodes;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.Pair;

/// <summary>
/// (A, B) must be one of <c>value_pairs_set</c>. Pairs match with IS NOT DISTINCT FROM, so a pair
/// listed with a null matches a null (GX compares Python tuples, where None == None).
/// </summary>
public sealed class ExpectColumnPairValuesToBeInSet : ColumnPairMapExpectation
{
    public override string Type => "expect_column_pair_values_to_be_in_set";

    protected override IReadOnlyList<ExpectationArgument> OwnArguments => [Arg.Required("value_pairs_set", ArgumentKind.List, "The allowed [A, B] pairs.")];

    protected override string Expected(PlanContext context, SchemaColumn a, SchemaColumn b, string identA, string identB)
    {
        var pairs = context.Kwargs.RequiredArray("value_pairs_set");
        var matches = new List<string>();
        for (var i = 0; i < pairs.Count; i++)
        {
            if (pairs[i] is not JsonArray { Count: 2 } pair || pair[0] is JsonObject or JsonArray || pair[1] is JsonObject or JsonArray)
                throw context.Kwargs.WrongType($"value_pairs_set[{i}]", "a pair of scalar values [a, b]", pairs[i]);
            matches.Add($"({identA} IS NOT DISTINCT FROM {PlanContext.Literal(pair[0], a)} AND {identB} IS NOT DISTINCT FROM {PlanContext.Literal(pair[1], b)})");
        }
        return matches.Count == 0 ? "FALSE" : string.Join(" OR ", matches);
    }
}
