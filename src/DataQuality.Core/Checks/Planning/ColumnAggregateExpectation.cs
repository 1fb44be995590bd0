using System.Text.Json.Nodes;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Checks.Planning;

/// <summary>
/// GX column aggregate expectations of the form "statistic between min_value and max_value":
/// the subclass registers the statistic's SQL, this class applies the bounds (GX
/// <c>_validate_metric_value_between</c>):
/// <list type="bullet">
/// <item>both bounds null: vacuously true, as in GX 1.x, except where GX raises (see <see cref="AllowsBothBoundsOpen"/>);</item>
/// <item>a null statistic (no non-null values, e.g. empty input) or NaN fails, with observed_value null;</item>
/// <item>bounds must be comparable with the statistic (numbers for numeric statistics, ISO dates for
/// temporal ones), otherwise an argument error (DQ4601/DQ4602) instead of a meaningless comparison.</item>
/// </list>
/// </summary>
public abstract class ColumnAggregateBetweenExpectation : ExpectationDefinition
{
    public override IReadOnlyList<ExpectationArgument> Arguments => [Arg.Column, .. Arg.Between];

    /// <summary>SQL aggregate over the non-null values of the column, already filtered by the row condition.</summary>
    protected abstract string Statistic(PlanContext context, SchemaColumn column, string ident, string condition);

    /// <summary>Turns the raw metric into the reported observed_value (default: as DuckDB returned it).</summary>
    protected virtual JsonNode? Observed(MetricValues values, MetricHandle metric) => values.Json(metric);

    /// <summary>The type family the statistic has, which decides what the bounds must be (default: a number).</summary>
    protected virtual TypeFamily StatisticFamily(SchemaColumn column) => TypeFamily.Floating;

    /// <summary>
    /// Whether both bounds may be null (then only a null statistic fails). GX 1.x accepts that for
    /// mean, median, stdev and the unique-value statistics but raises "cannot both be None" for
    /// min, max and sum.
    /// </summary>
    protected virtual bool AllowsBothBoundsOpen => true;

    /// <summary>Words for error messages: "the mean of column 'x'".</summary>
    protected virtual string StatisticName => "the statistic";

    public sealed override PlannedCheck Plan(PlanContext context)
    {
        var column = context.Column();
        var bounds = Bounds.From(context.Kwargs, AllowsBothBoundsOpen);
        var ident = PlanContext.Ident(column);
        var condition = context.Condition();
        var metric = context.Scan.Aggregate(Statistic(context, column, ident, condition));
        bounds.EnsureComparableWith(StatisticFamily(column), context.Config, $"{StatisticName} of column '{column.Name}' ({column.Type})");
        var counts = ColumnCounts.Register(context.Scan, ident, condition);
        return new PlannedCheck([metric, .. counts.Handles], eval =>
        {
            var observed = Observed(eval.Values, metric);
            var nan = Bounds.IsNaN(observed);
            if (nan) observed = null;
            var details = counts.Details(eval.Values, observed);
            // observed_value null is GX's answer for both; a person reading "FAIL" needs to know which it was.
            if (observed is null)
                details = details with
                {
                    Details = new JsonObject
                    {
                        ["summary"] = nan ? $"{StatisticName} is NaN (the values in scope include a NaN or an infinity)"
                            : details.ElementCount - details.MissingCount == 0 ? "no non-null values in scope to measure"
                            : $"{StatisticName} is undefined for these values",
                    },
                };
            return eval.Result(bounds.Contains(observed), details);
        });
    }

    /// <summary>The error for a statistic that needs numbers, on a column that holds none.</summary>
    protected static Expectations.ExpectationArgumentException NeedsNumeric(PlanContext context, SchemaColumn column, string statistic) =>
        new("DQ4603", $"{context.Config.Type}: column '{column.Name}' is {column.Type}; {statistic} needs a numeric column.", context.Config.Location);
}
