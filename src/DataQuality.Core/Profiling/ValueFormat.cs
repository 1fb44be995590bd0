using System.Globalization;

namespace DataQuality.Core.Profiling;

/// <summary>The invariant, round-trippable text forms used in profiles (and so in snapshots).</summary>
public static class ValueFormat
{
    public static readonly DateTime Epoch = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static double Micros(DateTime value) => (value.Ticks - Epoch.Ticks) / 10.0;

    public static string Date(DateTime value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Timestamp(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    public static string DateFromMicros(double micros) => Date(FromMicros(micros));

    public static string TimestampFromMicros(double micros) => Timestamp(FromMicros(micros));

    private static DateTime FromMicros(double micros)
    {
        var ticks = Epoch.Ticks + (long)Math.Round(micros * 10);
        return new DateTime(Math.Clamp(ticks, DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), DateTimeKind.Utc);
    }
}
