using System.Text.Json.Nodes;
using DataQuality.Core.Checks;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.Table;

/// <summary>
/// Answered from the schema alone (no scan). The table's columns must be column_list, in order; a
/// null column_list is vacuously true. On failure details.mismatched lists, for every position where
/// the two lists differ (up to the longer one's length), {"Expected Column Position", "Expected",
/// "Found"}, null where one list is shorter, as GX reports it.
/// </summary>
public sealed class ExpectTableColumnsToMatchOrderedList : ExpectationDefinition
{
    public override string Type => "expect_table_columns_to_match_ordered_list";

    public override IReadOnlyList<ExpectationArgument> Arguments => [Arg.Optional("column_list", ArgumentKind.StringList, "The columns, in order.")];

    public override PlannedCheck Plan(PlanContext context)
    {
        var expected = TableKwargs.OptionalNames(context, "column_list");
        var actual = context.Schema.Columns.Select(c => c.Name).ToList();
        var observed = new JsonArray(actual.Select(n => (JsonNode)JsonValue.Create(n)).ToArray());
        if (expected is null || expected.SequenceEqual(actual, StringComparer.Ordinal))
            return new PlannedCheck([], eval => eval.Result(true, new ResultDetails { ObservedValue = observed }));

        var mismatched = new JsonArray();
        for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            var e = i < expected.Count ? expected[i] : null;
            var f = i < actual.Count ? actual[i] : null;
            if (e == f) continue;
            mismatched.Add((JsonNode)new JsonObject { ["Expected Column Position"] = i, ["Expected"] = e, ["Found"] = f });
        }
        return new PlannedCheck([], eval => eval.Result(false, new ResultDetails { ObservedValue = observed, Details = new JsonObject { ["mismatched"] = mismatched } }));
    }
}
