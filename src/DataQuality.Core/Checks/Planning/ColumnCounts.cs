using System.Text.Json.Nodes;

namespace DataQuality.Core.Checks.Planning;

/// <summary>
/// Row and non-null counts of one column under a row condition, registered with the shared scan
/// (the row count expression is the same one map expectations use, so it is computed once). Column
/// aggregate results carry them as element_count / missing_count / missing_percent, as GX's
/// fixtures show for aggregate expectations.
/// </summary>
public sealed record ColumnCounts(MetricHandle Element, MetricHandle NonNull)
{
    public static ColumnCounts Register(ScanBuilder scan, string ident, string condition) => new(
        scan.Aggregate(AggregateSql.Count("*", condition)),
        scan.Aggregate(AggregateSql.Count(ident, condition)));

    public IReadOnlyList<MetricHandle> Handles => [Element, NonNull];

    public ResultDetails Details(MetricValues values, JsonNode? observed)
    {
        var element = values.Long(Element);
        var missing = element - values.Long(NonNull);
        return new ResultDetails
        {
            ObservedValue = observed,
            ElementCount = element,
            MissingCount = missing,
            MissingPercent = element == 0 ? null : 100.0 * missing / element,
        };
    }
}
