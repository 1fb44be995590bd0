using System.Text;

namespace DataQuality.Core.Expectations.Catalog.ColumnMap;

/// <summary>
/// Python strptime formats → DuckDB strptime formats. The directives both understand pass through;
/// Python's C-locale composites (%c, %x, %X) are expanded; directives Python rejects ("%D", "%-d",
/// a stray "%") make the format invalid as in GX ("Unable to use provided strftime_format."), and
/// ISO-week directives (%G, %u, %V), which DuckDB parses differently, are refused rather than misread.
/// </summary>
internal static class StrftimeFormat
{
    private const string Shared = "aAwdbBmyYHIpMSfzZjUW%";

    public static string ToDuckDb(string format, ExpectationConfig config)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%') { sb.Append(format[i]); continue; }
            if (i + 1 >= format.Length) throw Invalid(format, config, "it ends with a stray '%'");
            var d = format[++i];
            switch (d)
            {
                case 'c': sb.Append("%a %b %d %H:%M:%S %Y"); break;
                case 'x': sb.Append("%m/%d/%y"); break;
                case 'X': sb.Append("%H:%M:%S"); break;
                case 'G' or 'u' or 'V':
                    throw new ExpectationArgumentException("DQ4431",
                        $"{config.Type}: strftime_format '{format}' uses the ISO-week directive %{d}, which this engine cannot parse the way Python does.", config.Location);
                default:
                    if (!Shared.Contains(d)) throw Invalid(format, config, $"'%{d}' is not a Python strptime directive");
                    sb.Append('%').Append(d);
                    break;
            }
        }
        return sb.ToString();
    }

    private static ExpectationArgumentException Invalid(string format, ExpectationConfig config, string why) =>
        new("DQ4430", $"{config.Type}: Unable to use provided strftime_format. '{format}': {why}.", config.Location);
}
