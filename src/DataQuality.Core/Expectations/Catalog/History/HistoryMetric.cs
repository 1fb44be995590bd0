using DataQuality.Core.Checks.Planning;
using DataQuality.Core.History;

namespace DataQuality.Core.Expectations.Catalog.History;

/// <summary>
/// The metrics a history check can track, as SQL registered with the single scan. Percentages are
/// computed from two counts after the scan (so an empty dataset gives null, not a division error).
/// </summary>
public static class HistoryMetric
{
    public static readonly IReadOnlyList<string> Names =
        ["row_count", "null_count", "null_percent", "non_null_count", "distinct_count", "mean", "min", "max", "sum", "stddev", "median"];

    /// <summary>Registers the metric; the returned function reads its value (null when undefined) after the scan.</summary>
    internal static (IReadOnlyList<MetricHandle> Handles, Func<MetricValues, double?> Read) Register(PlanContext context, string metric)
    {
        var condition = context.Condition();
        if (metric == "row_count")
        {
            var rows = context.Scan.Aggregate(AggregateSql.Filtered("count(*)::BIGINT", condition));
            return ([rows], v => v.Long(rows));
        }
        if (!Names.Contains(metric))
            throw new ExpectationArgumentException(HistoryErrorCodes.BadArguments,
                $"{context.Config.Type}: unknown metric '{metric}' (one of {string.Join(", ", Names)}).", context.Config.Location);

        var column = context.Column();
        var ident = PlanContext.Ident(column);
        if (metric is "null_count" or "null_percent" or "non_null_count" or "distinct_count")
        {
            var all = context.Scan.Aggregate(AggregateSql.Filtered("count(*)::BIGINT", condition));
            var nonNull = context.Scan.Aggregate(AggregateSql.Filtered($"count({ident})::BIGINT", condition));
            if (metric == "distinct_count")
            {
                var distinct = context.Scan.Aggregate(AggregateSql.Filtered($"count(DISTINCT {ident})::BIGINT", condition));
                return ([distinct], v => v.Long(distinct));
            }
            return ([all, nonNull], v =>
            {
                long total = v.Long(all), present = v.Long(nonNull);
                return metric switch
                {
                    "null_count" => total - present,
                    "non_null_count" => present,
                    _ => total == 0 ? null : 100.0 * (total - present) / total,
                };
            });
        }

        if (!column.Family.IsNumeric() && column.Family != TypeFamily.Boolean)
            throw new ExpectationArgumentException(HistoryErrorCodes.BadArguments,
                $"{context.Config.Type}: metric '{metric}' needs a numeric column; '{column.Name}' is {column.Type}.", context.Config.Location);
        var value = $"{ident}::DOUBLE";
        var aggregate = metric switch
        {
            "mean" => $"avg({value})",
            "min" => $"min({value})",
            "max" => $"max({value})",
            "sum" => $"sum({value})",
            "stddev" => $"stddev_samp({value})",
            _ => $"median({value})",
        };
        var handle = context.Scan.Aggregate(AggregateSql.Filtered(aggregate, condition));
        return ([handle], v => v.Double(handle) is { } d && double.IsFinite(d) ? d : null);
    }
}
