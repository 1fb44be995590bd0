using System.Text.Json.Nodes;
using DataQuality.Core.Checks;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Contracts.Model;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.Contract;

/// <summary>
/// ODCS library metrics (rowCount, nullValues, missingValues, invalidValues, duplicateValues): a count
/// from the shared scan compared with the rule's operator (<c>operator</c>, <c>value</c>, <c>value2</c>
/// kwargs), as rows or as a percent of the rows (<c>unit: percent</c>). The result carries the
/// datacontract-cli diagnostics: metric, value, threshold, row_count, failed_fraction.
/// </summary>
public abstract class ContractMetricExpectation : ExpectationDefinition
{
    public sealed override IReadOnlyList<ExpectationArgument> Arguments => [.. OwnArguments, .. Arg.Threshold, Arg.Unit];

    /// <summary>The arguments this expectation reads besides the ones its family declares.</summary>
    protected abstract IReadOnlyList<ExpectationArgument> OwnArguments { get; }

    /// <summary>The metric name reported in details (e.g. <c>missing_count</c>).</summary>
    protected abstract string MetricName { get; }

    /// <summary>SQL aggregate counting the rows (or values) the metric measures.</summary>
    protected abstract string CountSql(PlanContext context);

    /// <summary>Whether <c>unit: percent</c> makes sense (counts of bad rows, not rowCount).</summary>
    protected virtual bool AllowsPercent => true;

    public sealed override PlannedCheck Plan(PlanContext context)
    {
        var threshold = Threshold.ReadFrom(context.Kwargs.Raw) ?? new Threshold("mustBe", 0);
        if (!Threshold.Operators.Contains(threshold.Operator))
            throw context.Kwargs.Invalid($"unknown operator '{threshold.Operator}'.");
        var unit = context.Kwargs.OptionalString("unit") ?? "rows";
        if (unit is not ("rows" or "percent"))
            throw context.Kwargs.Invalid($"unit must be 'rows' or 'percent', got '{unit}'.");
        if (unit == "percent" && !AllowsPercent)
            throw context.Kwargs.Invalid($"unit 'percent' does not apply to {MetricName}.");
        var count = context.Scan.Aggregate($"({CountSql(context)})::BIGINT");
        var rows = context.Scan.Aggregate("count(*)::BIGINT");
        return new PlannedCheck([count, rows], eval =>
        {
            var value = eval.Values.Long(count);
            var rowCount = eval.Values.Long(rows);
            double? fraction = rowCount == 0 ? null : (double)value / rowCount;
            var compared = unit == "percent" ? (fraction ?? 0) * 100.0 : value;
            var details = new JsonObject
            {
                ["metric"] = MetricName,
                ["value"] = value,
                ["threshold"] = threshold.Describe() + (unit == "percent" ? " %" : ""),
                ["row_count"] = rowCount,
                ["failed_fraction"] = fraction,
            };
            if (unit == "percent") details["percent"] = compared;
            return eval.Result(threshold.Accepts(compared), new ResultDetails
            {
                ObservedValue = unit == "percent" ? JsonValue.Create(compared) : JsonValue.Create(value),
                ElementCount = rowCount,
                UnexpectedCount = MetricName == "row_count" ? null : value,
                Details = details,
            });
        });
    }

    /// <summary>The optional column kwarg as a quoted identifier, validated against the schema.</summary>
    protected static string Ident(PlanContext context) => PlanContext.Ident(context.Column());
}
