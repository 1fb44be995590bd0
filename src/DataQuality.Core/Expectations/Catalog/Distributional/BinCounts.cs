using System.Globalization;
using DataQuality.Core.Checks.Planning;

namespace DataQuality.Core.Expectations.Catalog.Distributional;

/// <summary>
/// GX's column.histogram over given bin edges plus the counts below the first and above the last
/// edge, all as aggregates of the shared scan. Bins are half-open [lo, hi) except the last, which is
/// closed [lo, hi] (numpy/GX semantics); an infinite edge drops that side's comparison.
/// </summary>
public sealed record BinCounts(MetricHandle[] Bins, MetricHandle Below, MetricHandle Above)
{
    public IEnumerable<MetricHandle> Handles => [.. Bins, Below, Above];

    public static BinCounts Register(ScanBuilder scan, string ident, string condition, double[] edges)
    {
        var value = $"({ident})::DOUBLE";
        var bins = new MetricHandle[edges.Length - 1];
        for (var i = 0; i < bins.Length; i++)
        {
            var parts = new List<string>();
            if (!double.IsNegativeInfinity(edges[i])) parts.Add($"{value} >= {Num(edges[i])}");
            if (!double.IsPositiveInfinity(edges[i + 1])) parts.Add($"{value} {(i == bins.Length - 1 ? "<=" : "<")} {Num(edges[i + 1])}");
            if (parts.Count == 0) parts.Add($"{ident} IS NOT NULL");
            bins[i] = Count(scan, string.Join(" AND ", parts), condition);
        }
        var below = Count(scan, double.IsNegativeInfinity(edges[0]) ? "FALSE" : $"{value} < {Num(edges[0])}", condition);
        var above = Count(scan, double.IsPositiveInfinity(edges[^1]) ? "FALSE" : $"{value} > {Num(edges[^1])}", condition);
        return new BinCounts(bins, below, above);
    }

    public double[] Read(MetricValues values) => Bins.Select(b => (double)values.Long(b)).ToArray();

    private static MetricHandle Count(ScanBuilder scan, string predicate, string condition) =>
        scan.Aggregate(AggregateSql.Count("*", condition == "TRUE" ? predicate : $"({condition}) AND {predicate}"));

    internal static string Num(double d) => d.ToString("R", CultureInfo.InvariantCulture) + "::DOUBLE";
}
