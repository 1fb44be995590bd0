using System.Globalization;

namespace DataQuality.Core.Snapshots;

/// <summary>
/// The one place snapshot numbers are formatted: invariant culture, no thousands separators,
/// explicit zeros, fixed decimals for percentages and 10 significant digits for measured
/// doubles (a mean summed in parallel may differ in its last bits; ten digits do not).
/// </summary>
public static class SnapshotFormat
{
    public const string Missing = "-";

    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Integer(long? value) => value is { } v ? Integer(v) : Missing;

    /// <summary><c>12.34%</c>; null (a share of nothing, or infinite growth from zero) renders as <c>n/a</c>.</summary>
    public static string Percent(double? value) => value is { } v && double.IsFinite(v) ? RoundPercent(v).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "n/a";

    public static double RoundPercent(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero) is var r && r == 0 ? 0 : r;

    public static string Share(long part, long whole) => Percent(whole == 0 ? (part == 0 ? 0 : null) : 100.0 * part / whole);

    /// <summary>A signed delta: <c>+4</c>, <c>-2</c>, <c>0</c>.</summary>
    public static string Delta(long value) => value > 0 ? "+" + Integer(value) : Integer(value);

    public static string DeltaPercent(double? value) => value is { } v && v > 0 && RoundPercent(v) > 0 ? "+" + Percent(v) : Percent(value);

    public static string Number(double? value)
    {
        if (value is not { } v) return Missing;
        if (double.IsNaN(v)) return "NaN";
        if (double.IsInfinity(v)) return v > 0 ? "Infinity" : "-Infinity";
        var rounded = double.Parse(v.ToString("G10", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return rounded == 0 ? "0" : rounded.ToString("G10", CultureInfo.InvariantCulture);
    }

    /// <summary>Snapshot values are cut at <paramref name="max"/> characters so one long string cannot swamp a review.</summary>
    public static string Truncate(string value, int max = 80) => value.Length <= max ? value : value[..(max - 1)] + "…";
}
