using System.Text.Json.Nodes;
using DataQuality.Core.Checks;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Contracts.Model;
using DataQuality.Core.Contracts.Sql;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.Contract;

/// <summary>
/// An ODCS/DCS <c>type: sql</c> quality rule: a single read-only SELECT whose first value is compared
/// with the rule's operator. The placeholders were already replaced by the deriver, the model by the
/// scan source (<c>__dq_src</c>), so the rule sees exactly the rows the scan saw. It is validated by
/// <see cref="SqlRuleGuard"/> at planning time and runs as its own query after the scan (the only kind
/// of check that does); the DuckDB session it runs in is sandboxed to the dataset's files.
/// </summary>
public sealed class DqSqlRule : ExpectationDefinition
{
    public override string Type => "dq_sql_rule";

    public override string? CheckedQuery(Kwargs kwargs, ExpectationConfig config)
    {
        if (kwargs.StringIfPresent("query") is not { } query) return null;
        return SqlRuleGuard.Check(query) is { } rejection
            ? throw new ExpectationArgumentException("DQ1020", $"SQL rule rejected: {rejection}", config.Location)
            : SqlRuleGuard.TrimTerminator(query);
    }

    public override IReadOnlyList<ExpectationArgument> Arguments =>
    [
        Arg.Required("query", ArgumentKind.String, "A single read-only SQL query returning one number."),
        .. Arg.Threshold,
    ];

    public override PlannedCheck Plan(PlanContext context)
    {
        var query = context.Kwargs.RequiredString("query");
        var checkedQuery = CheckedQuery(context.Kwargs, context.Config)!;
        var threshold = Threshold.ReadFrom(context.Kwargs.Raw)
            ?? throw context.Kwargs.Invalid("an SQL rule needs an operator (mustBe, mustBeLessThan, ...).");
        return new PlannedCheck([], eval =>
        {
            var rows = eval.Query($"SELECT * FROM ({checkedQuery}) AS __dq_rule LIMIT 1");
            var first = rows.Count == 0 ? null : rows[0].FirstOrDefault().Value;
            var observed = first is JsonValue v && JsonNumber.TryGetDouble(v, out var d) ? d : (double?)null;
            return eval.Result(observed is { } o && threshold.Accepts(o), new ResultDetails
            {
                ObservedValue = first?.DeepClone(),
                Details = new JsonObject { ["metric"] = "custom_sql", ["value"] = first?.DeepClone(), ["threshold"] = threshold.Describe() },
            }) with { Sql = query };
        });
    }
}
