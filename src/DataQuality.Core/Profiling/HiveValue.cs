namespace DataQuality.Core.Profiling;

/// <summary>
/// The type DuckDB's hive autocast gives one raw partition value: it tries DATE, then TIMESTAMP, then
/// BIGINT with its strict string casts, else VARCHAR. The grammars below follow DuckDB 1.5's strict
/// casts (checked value by value against DuckDB in HivePartitionTypeTests):
/// <list type="bullet">
/// <item>BIGINT: optional leading/trailing whitespace, optional '-', digits without a leading zero (a
/// lone 0 is fine) and without '+', '.', '_' or an exponent; or <c>0x</c> hex / <c>0b</c> binary.</item>
/// <item>DATE: <c>y-m-d</c> with a 1–2 digit month and day and one separator out of <c>- / \ space</c>,
/// surrounded by whitespace only; also <c>epoch</c>, <c>infinity</c>, <c>-infinity</c>.</item>
/// <item>TIMESTAMP: such a date, ' ' or 'T', <c>h:m[:s[.fraction]]</c> (24:00:00 is the next midnight,
/// digits past microseconds are dropped), then optionally 'Z', a <c>+hh[[:]mm]</c> offset (which DuckDB's
/// TIMESTAMP cast ignores) or <c> UTC</c>, then whitespace.</item>
/// </list>
/// Not covered: dates outside years 1–9999 (BC, five-digit years), which DuckDB reads as DATE and the
/// profiler as VARCHAR.
/// </summary>
public readonly record struct HiveValue(ColumnKind Kind, long Integer, long Micros, int Infinity)
{
    private const long MicrosPerDay = 86_400_000_000L;
    private static readonly int EpochDay = new DateOnly(1970, 1, 1).DayNumber;

    /// <summary>The kind DuckDB's autocast detects for <paramref name="raw"/> (Date, Timestamp, Integer or String), with the value.</summary>
    public static HiveValue Detect(string raw)
    {
        var s = raw.AsSpan();
        if (TryDate(s, out var micros, out var infinity)) return new HiveValue(ColumnKind.Date, 0, micros, infinity);
        if (TryTimestamp(s, out micros)) return new HiveValue(ColumnKind.Timestamp, 0, micros, 0);
        if (TryBigint(s, out var integer)) return new HiveValue(ColumnKind.Integer, integer, 0, 0);
        return new HiveValue(ColumnKind.String, 0, 0, 0);
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';

    private static ReadOnlySpan<char> TrimSpaces(ReadOnlySpan<char> s)
    {
        var start = 0;
        while (start < s.Length && IsSpace(s[start])) start++;
        var end = s.Length;
        while (end > start && IsSpace(s[end - 1])) end--;
        return s[start..end];
    }

    internal static bool TryBigint(ReadOnlySpan<char> s, out long value)
    {
        value = 0;
        var start = 0;
        while (start < s.Length && IsSpace(s[start])) start++;
        s = s[start..];
        // Hex and binary literals allow no trailing whitespace; decimal ones do.
        if (s.Length > 2 && s[0] == '0' && s[1] is 'x' or 'X') return TryRadix(s[2..], 16, allowUnderscore: false, out value);
        if (s.Length > 2 && s[0] == '0' && s[1] is 'b' or 'B') return TryRadix(s[2..], 2, allowUnderscore: true, out value);
        s = TrimSpaces(s);
        if (s.IsEmpty) return false;
        var negative = s[0] == '-';
        var digits = negative ? s[1..] : s;
        if (digits.IsEmpty) return false;
        if (!negative && digits.Length > 1 && digits[0] == '0') return false; // strict: no leading zeros
        ulong magnitude = 0;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c)) return false;
            if (magnitude > (ulong.MaxValue - 9) / 10) return false;
            magnitude = magnitude * 10 + (ulong)(c - '0');
        }
        if (negative)
        {
            if (magnitude > 1UL << 63) return false;
            value = (long)(0 - magnitude);
            return true;
        }
        if (magnitude > long.MaxValue) return false;
        value = (long)magnitude;
        return true;
    }

    private static bool TryRadix(ReadOnlySpan<char> digits, int radix, bool allowUnderscore, out long value)
    {
        value = 0;
        if (digits.IsEmpty) return false;
        ulong result = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var c = digits[i];
            // Binary literals may group digits with '_', never first or last.
            if (allowUnderscore && c == '_' && i > 0 && i < digits.Length - 1) continue;
            var digit = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiHexDigit(c) ? char.ToLowerInvariant(c) - 'a' + 10 : 99;
            if (digit >= radix) return false;
            if (result > (long.MaxValue - (ulong)digit) / (ulong)radix) return false;
            result = result * (ulong)radix + (ulong)digit;
        }
        value = (long)result;
        return true;
    }

    internal static bool TryDate(ReadOnlySpan<char> s, out long micros, out int infinity)
    {
        infinity = 0;
        micros = 0;
        var trimmed = TrimSpaces(s);
        if (trimmed.Equals("epoch", StringComparison.OrdinalIgnoreCase)) return true;
        if (trimmed.Equals("infinity", StringComparison.OrdinalIgnoreCase)) { infinity = 1; return true; }
        if (trimmed.Equals("-infinity", StringComparison.OrdinalIgnoreCase)) { infinity = -1; return true; }
        if (!TryDatePrefix(s, out var day, out var pos)) return false;
        while (pos < s.Length && IsSpace(s[pos])) pos++;
        if (pos < s.Length) return false;
        micros = day * MicrosPerDay;
        return true;
    }

    /// <summary>Leading spaces, then y-m-d; <paramref name="pos"/> is where the date ends.</summary>
    private static bool TryDatePrefix(ReadOnlySpan<char> s, out long day, out int pos)
    {
        day = 0;
        pos = 0;
        while (pos < s.Length && IsSpace(s[pos])) pos++;
        if (pos >= s.Length || !char.IsAsciiDigit(s[pos])) return false; // years before 1 are not covered
        var year = 0;
        for (; pos < s.Length && char.IsAsciiDigit(s[pos]); pos++)
        {
            if (year > 100_000) return false;
            year = year * 10 + (s[pos] - '0');
        }
        if (pos >= s.Length) return false;
        var separator = s[pos++];
        if (separator is not (' ' or '-' or '/' or '\\')) return false;
        if (!TryTwoDigits(s, ref pos, out var month)) return false;
        if (pos >= s.Length || s[pos++] != separator) return false;
        if (!TryTwoDigits(s, ref pos, out var dayOfMonth)) return false;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || dayOfMonth < 1 || dayOfMonth > DateTime.DaysInMonth(year, month)) return false;
        day = new DateOnly(year, month, dayOfMonth).DayNumber - EpochDay;
        return true;
    }

    private static bool TryTwoDigits(ReadOnlySpan<char> s, ref int pos, out int value)
    {
        value = 0;
        if (pos >= s.Length || !char.IsAsciiDigit(s[pos])) return false;
        value = s[pos++] - '0';
        if (pos < s.Length && char.IsAsciiDigit(s[pos])) value = value * 10 + (s[pos++] - '0');
        return true;
    }

    internal static bool TryTimestamp(ReadOnlySpan<char> s, out long micros)
    {
        micros = 0;
        if (!TryDatePrefix(s, out var day, out var pos)) return false;
        micros = day * MicrosPerDay;
        if (pos == s.Length) return true;
        if (char.IsAsciiDigit(s[pos])) return false;
        if (s[pos] is ' ' or 'T') pos++;
        while (pos < s.Length && IsSpace(s[pos])) pos++;
        if (!TryTwoDigits(s, ref pos, out var hour)) return false;
        if (pos >= s.Length || s[pos++] != ':') return false;
        if (!TryTwoDigits(s, ref pos, out var minute)) return false;
        var second = 0;
        long fraction = 0;
        if (pos < s.Length && s[pos] == ':')
        {
            pos++;
            if (!TryTwoDigits(s, ref pos, out second)) return false;
            if (pos < s.Length && s[pos] == '.')
            {
                pos++;
                var digits = 0;
                for (; pos < s.Length && char.IsAsciiDigit(s[pos]); pos++, digits++)
                    if (digits < 6) fraction = fraction * 10 + (s[pos] - '0');
                for (; digits < 6; digits++) fraction *= 10;
            }
        }
        var midnight = hour == 24 && minute == 0 && second == 0 && fraction == 0;
        if (!midnight && (hour > 23 || minute > 59 || second > 59)) return false;
        if (pos < s.Length && s[pos] == 'Z') pos++;
        if (pos + 3 <= s.Length && s[pos] is '+' or '-' && char.IsAsciiDigit(s[pos + 1]) && char.IsAsciiDigit(s[pos + 2]))
        {
            pos += 3;
            if (pos < s.Length && s[pos] == ':') pos++;
            if (pos + 2 <= s.Length && char.IsAsciiDigit(s[pos]) && char.IsAsciiDigit(s[pos + 1])) pos += 2;
        }
        else if (pos + 4 <= s.Length && s[pos] == ' ' && s.Slice(pos + 1, 3).Equals("UTC", StringComparison.Ordinal))
        {
            pos += 4;
        }
        while (pos < s.Length && IsSpace(s[pos])) pos++;
        if (pos < s.Length) return false;
        micros += ((hour * 60L + minute) * 60 + second) * 1_000_000 + fraction;
        return true;
    }
}
