using System.Text.Json.Nodes;
using DataQuality.Core.Checks;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.Table;

/// <summary>
/// Answered from the schema alone (no scan). GX semantics: exact_match (default true) needs the same
/// set of names in any order; otherwise column_set must be a subset of the table's columns. observed_value
/// lists the table's columns in order; details.mismatched holds the non-empty lists of
/// <c>unexpected</c> (in the table, not in the set) and <c>missing</c> (in the set, not in the table),
/// each sorted. A null column_set has no details unless exact_match, where every column is unexpected.
/// </summary>
public sealed class ExpectTableColumnsToMatchSet : ExpectationDefinition
{
    public override string Type => "expect_table_columns_to_match_set";

    public override IReadOnlyList<ExpectationArgument> Arguments =>
    [
        Arg.Optional("column_set", ArgumentKind.StringList, "The columns, in any order."),
        Arg.Optional("exact_match", ArgumentKind.Boolean, "No other columns allowed.", "true"),
    ];

    public override PlannedCheck Plan(PlanContext context)
    {
        var set = TableKwargs.OptionalNames(context, "column_set");
        var exact = context.Kwargs.Bool("exact_match", true);
        var actual = context.Schema.Columns.Select(c => c.Name).ToList();
        var observed = new JsonArray(actual.Select(n => (JsonNode)JsonValue.Create(n)).ToArray());

        if (set is null)
        {
            return new PlannedCheck([], eval => eval.Result(!exact || actual.Count == 0, exact
                ? new ResultDetails { ObservedValue = observed, Details = Mismatched(actual, []) }
                : new ResultDetails { ObservedValue = observed }));
        }

        var unexpected = actual.Except(set, StringComparer.Ordinal).ToList();
        var missing = set.Except(actual, StringComparer.Ordinal).ToList();
        var success = missing.Count == 0 && (!exact || unexpected.Count == 0);
        return new PlannedCheck([], eval => eval.Result(success, new ResultDetails { ObservedValue = observed, Details = Mismatched(unexpected, missing) }));
    }

    private static JsonObject Mismatched(IEnumerable<string> unexpected, IEnumerable<string> missing)
    {
        var mismatched = new JsonObject();
        var u = unexpected.Order(StringComparer.Ordinal).ToList();
        var m = missing.Order(StringComparer.Ordinal).ToList();
        if (u.Count > 0) mismatched["unexpected"] = new JsonArray(u.Select(n => (JsonNode)JsonValue.Create(n)).ToArray());
        if (m.Count > 0) mismatched["missing"] = new JsonArray(m.Select(n => (JsonNode)JsonValue.Create(n)).ToArray());
        return new JsonObject { ["mismatched"] = mismatched };
    }
}
