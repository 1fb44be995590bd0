using System.Globalization;
using DataQuality.Core.Profiling;
using DataQuality.Core.Profiling.Sketches;

namespace DataQuality.Core.Reporting;

/// <summary>
/// How a profile's sketch figures read in every rendering (the CLI's table and Markdown, the HTML report):
/// estimates carry a <c>~</c>, decided by the profile's own flags (<see cref="ColumnProfile.TopValuesExact"/>
/// and the frequent-items sketch's error bound), never guessed again by a renderer.
/// </summary>
public static class ProfileFigures
{
    /// <summary>Distinct values: <c>0</c> with no values, <c>n/a</c> when no value was decoded (metadata only), else the HyperLogLog estimate as <c>~n</c>.</summary>
    public static string Distinct(ColumnProfile c) =>
        c.NonNullCount == 0 ? "0"
        : c.TopKSketch.Total == 0 ? "n/a"
        : "~" + c.DistinctEstimate.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A top value's count: bare when the sketch never evicted (exact), <c>~n</c> when it may undercount.</summary>
    public static string TopValueCount(ColumnProfile c, long count) =>
        (c.TopValuesExact ? "" : "~") + count.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>
    /// The top values worth showing: all of them when exact; otherwise only those counted above the sketch's
    /// error bound, since below it a "top value" is noise (a near-unique column would list arbitrary keys).
    /// </summary>
    public static IReadOnlyList<FrequentItem> ShownTopValues(ColumnProfile c) =>
        c.TopValuesExact ? c.TopValues : c.TopValues.Where(v => v.Count > c.TopKSketch.MaxError).ToList();

    /// <summary>What stands in for top values when none is above the error bound: a near-unique column reads as unique.</summary>
    public static string NoFrequentValues(ColumnProfile c)
    {
        var distinct = Distinct(c) + " distinct";
        return c.DistinctEstimate >= 0.9 * c.NonNullCount ? $"unique ({distinct})" : $"no frequent values ({distinct})";
    }
}
