using System.Globalization;

namespace DataQuality.Core.Profiling;

/// <summary>
/// Classifies a string value by the types it parses as. Rules (documented in docs/profiling.md):
/// integer = optional sign and digits fitting a 64-bit integer; decimal = any finite invariant-culture
/// number without exponent or thousands separators (integers included); date = ISO yyyy-MM-dd;
/// timestamp = ISO date, 'T' or space, time (fractional seconds and offset allowed); boolean =
/// true/false (any case); uuid = 8-4-4-4-12 hex; email = one '@' with a non-empty local part and a
/// dotted domain, no spaces.
/// </summary>
public static class StringParse
{
    [Flags]
    public enum Flags : byte
    {
        None = 0,
        Integer = 1,
        Decimal = 2,
        Date = 4,
        Timestamp = 8,
        Boolean = 16,
        Uuid = 32,
        Email = 64,
    }

    private static readonly string[] TimestampFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm",
    ];

    public static Flags Classify(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty || s.Length > 320) return Flags.None;
        var flags = Flags.None;
        var first = s[0];
        if (char.IsAsciiDigit(first) || first is '-' or '+' or '.')
        {
            if (long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)) flags |= Flags.Integer | Flags.Decimal;
            else if (double.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d))
                flags |= Flags.Decimal;
            if (s.Length == 10 && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                flags |= Flags.Date;
            else if (s.Length >= 16 && s[4] == '-' && DateTimeOffset.TryParseExact(s, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
                flags |= Flags.Timestamp;
        }
        if (s.Length is 4 or 5 && (s.Equals("true", StringComparison.OrdinalIgnoreCase) || s.Equals("false", StringComparison.OrdinalIgnoreCase)))
            flags |= Flags.Boolean;
        if (s.Length == 36 && s[8] == '-' && Guid.TryParseExact(s, "D", out _)) flags |= Flags.Uuid;
        if (IsEmail(s)) flags |= Flags.Email;
        return flags;
    }

    private static bool IsEmail(ReadOnlySpan<char> s)
    {
        var at = s.IndexOf('@');
        if (at <= 0 || at != s.LastIndexOf('@') || at == s.Length - 1) return false;
        if (s.ContainsAny(' ', '\t', '\n')) return false;
        var domain = s[(at + 1)..];
        var dot = domain.LastIndexOf('.');
        return dot > 0 && dot < domain.Length - 2 && !domain.Contains("..", StringComparison.Ordinal);
    }
}
