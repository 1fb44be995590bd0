using System.Text.Json.Nodes;

namespace DataQuality.Core.Checks.Planning;

/// <summary>
/// GX column aggregate expectations of the form "statistic between min_value and max_value":
/// the subclass registers the statistic's SQL, this class applies the bounds. On empty input
/// (no non-null values) the statistic is null and the expectation fails unless both bounds are
/// open, matching GX's SQL backends.
/// </summary>
public abstract class ColumnAggregateBetweenExpectation : ExpectationDefinition
{
    /// <summary>SQL aggregate over the non-null values of the column, already filtered by the row condition.</summary>
    protected abstract string Statistic(PlanContext context, SchemaColumn column, string ident, string condition);

    /// <summary>Turns the raw metric into the reported observed_value (default: as DuckDB returned it).</summary>
    protected virtual JsonNode? Observed(MetricValues values, MetricHandle metric) => values.Json(metric);

    /// <summary>GX lets some statistics (mean) run with both bounds null, always succeeding; most raise.</summary>
    protected virtual bool AllowBothBoundsOpen => false;

    /// <summary>The type family of the statistic, which the bounds must match (default: the column's; a mean is a float).</summary>
    protected virtual TypeFamily StatisticFamily(SchemaColumn column) => column.Family;

    public sealed override PlannedCheck Plan(PlanContext context)
    {
        var column = context.Column();
        var bounds = Bounds.From(context.Kwargs, AllowBothBoundsOpen)
            .RequireComparableWith(StatisticFamily(column), $"column '{column.Name}' ({column.Type})", context.Kwargs);
        var metric = context.Scan.Aggregate(Statistic(context, column, PlanContext.Ident(column), context.Condition()));
        return new PlannedCheck([metric], eval =>
        {
            var observed = Observed(eval.Values, metric);
            var success = (bounds.Min is null && bounds.Max is null) || bounds.Contains(observed);
            return eval.Result(success, new ResultDetails { ObservedValue = observed });
        });
    }
}
