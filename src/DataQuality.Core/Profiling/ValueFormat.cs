using System.Globalization;
using System.Text.RegularExpressions;

namespace DataQuality.Core.Profiling;

/// <summary>The invariant, round-trippable text forms used in profiles (and so in snapshots).</summary>
public static partial class ValueFormat
{
    public static readonly DateTime Epoch = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static double Micros(DateTime value) => (value.Ticks - Epoch.Ticks) / 10.0;

    public static string Date(DateTime value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Timestamp(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    public static string DateFromMicros(double micros) => DateFromMicros(Whole(micros));

    public static string TimestampFromMicros(double micros) => TimestampFromMicros(Whole(micros));

    /// <summary>Exact for the integer microseconds a column holds (a double loses microseconds beyond about year 2255).</summary>
    public static string DateFromMicros(long micros) => InDateTimeRange(micros) ? Date(new DateTime(Epoch.Ticks + micros * 10, DateTimeKind.Utc)) : Extended(micros, dateOnly: true);

    public static string TimestampFromMicros(long micros) => InDateTimeRange(micros) ? Timestamp(new DateTime(Epoch.Ticks + micros * 10, DateTimeKind.Utc)) : Extended(micros, dateOnly: false);

    private static readonly long MinMicros = (DateTime.MinValue.Ticks - Epoch.Ticks) / 10;
    private static readonly long MaxMicros = (DateTime.MaxValue.Ticks - Epoch.Ticks) / 10;

    private static bool InDateTimeRange(long micros) => micros >= MinMicros && micros <= MaxMicros;

    private static long Whole(double micros) => micros >= long.MaxValue ? long.MaxValue : micros <= long.MinValue ? long.MinValue : (long)Math.Round(micros);

    /// <summary>
    /// Parquet and DuckDB timestamps reach years 290309 BC to 294247 AD; DateTime stops at 1..9999. A value outside
    /// used to be clamped to 9999-12-31T23:59:59.9999999, so a profile showed a maximum the data does not hold and
    /// <c>suggest</c> wrote a bound that the data then broke. Written here as ISO 8601 with an expanded (astronomical)
    /// year, which DuckDB reads back: <c>20000-01-01T00:00:00</c>, and <c>-0044-03-15</c> for 45 BC, as DuckDB's
    /// <c>'-0044-03-15'::DATE</c> is. Civil date from days since the epoch: H. Hinnant's days_from_civil inverse.
    /// </summary>
    private static string Extended(long micros, bool dateOnly)
    {
        const long microsPerDay = 86_400_000_000;
        var days = Math.DivRem(micros, microsPerDay, out var timeOfDay);
        if (timeOfDay < 0) { days--; timeOfDay += microsPerDay; }
        var z = days + 719_468;
        var era = (z >= 0 ? z : z - 146_096) / 146_097;
        var dayOfEra = z - era * 146_097;
        var yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        var dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        var monthIndex = (5 * dayOfYear + 2) / 153;
        var day = dayOfYear - (153 * monthIndex + 2) / 5 + 1;
        var month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
        var year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        var date = string.Create(CultureInfo.InvariantCulture, $"{(year < 0 ? "-" : "")}{Math.Abs(year):0000}-{month:00}-{day:00}");
        if (dateOnly) return date;
        var fraction = (timeOfDay % 1_000_000).ToString("000000", CultureInfo.InvariantCulture).TrimEnd('0');
        var seconds = timeOfDay / 1_000_000;
        return string.Create(CultureInfo.InvariantCulture, $"{date}T{seconds / 3600:00}:{seconds / 60 % 60:00}:{seconds % 60:00}{(fraction.Length > 0 ? "." + fraction : "")}");
    }

    /// <summary>
    /// An instant as microseconds since the epoch, from what dq writes and what people write as bounds: anything
    /// DateTime reads (years 1..9999, with or without offset), ISO dates and timestamps with an expanded or
    /// negative year (as <see cref="TimestampFromMicros(long)"/> writes them), and DuckDB's <c>infinity</c> and
    /// <c>-infinity</c>. Compared as text, year 20000 sorted before 2100 and passed a maximum it broke.
    /// </summary>
    public static bool TryParseMicros(string text, out long micros)
    {
        micros = 0;
        if (text is "infinity" or "+infinity") { micros = long.MaxValue; return true; }
        if (text == "-infinity") { micros = long.MinValue; return true; }
        if (text.Length < 8 || !(char.IsDigit(text[0]) || (text[0] is '-' or '+' && char.IsDigit(text[1])))) return false;
        if (char.IsDigit(text[0]) && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value))
        {
            micros = (value.Ticks - Epoch.Ticks) / 10;
            return true;
        }
        var m = ExpandedIso().Match(text);
        if (!m.Success) return false;
        long Part(int group) => m.Groups[group].Success ? long.Parse(m.Groups[group].ValueSpan, CultureInfo.InvariantCulture) : 0;
        var (year, month, day) = (Part(1), Part(2), Part(3));
        if (month is < 1 or > 12 || day < 1 || day > DaysIn(year, month)) return false;
        var (hour, minute, second) = (Part(4), Part(5), Part(6));
        if (hour > 23 || minute > 59 || second > 59) return false;
        var fraction = m.Groups[7].Success ? long.Parse(m.Groups[7].Value.PadRight(6, '0')[..6], CultureInfo.InvariantCulture) : 0;
        micros = (DaysFromCivil(year, month, day) * 86_400 + hour * 3_600 + minute * 60 + second) * 1_000_000 + fraction;
        return true;
    }

    [GeneratedRegex(@"^([+-]?\d{4,6})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ExpandedIso();

    private static long DaysIn(long year, long month) =>
        month == 2 ? (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28) : month is 4 or 6 or 9 or 11 ? 30 : 31;

    /// <summary>H. Hinnant's days_from_civil: days since 1970-01-01 of a proleptic Gregorian date, any year.</summary>
    private static long DaysFromCivil(long year, long month, long day)
    {
        year -= month <= 2 ? 1 : 0;
        var era = (year >= 0 ? year : year - 399) / 400;
        var yearOfEra = year - era * 400;
        var dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        var dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }
}
