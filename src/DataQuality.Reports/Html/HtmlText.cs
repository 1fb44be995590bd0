using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DataQuality.Reports.Html;

/// <summary>
/// The one way text enters the page: every name, value and message is HTML-escaped here (the five
/// characters that matter in text and double-quoted attributes), shown bidi-isolated, and cut to a
/// readable length, so a column called <c>&lt;/svg&gt;&lt;script&gt;</c> is just text.
/// </summary>
internal static partial class HtmlText
{
    public const int MaxShown = 240;

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                case '\0': sb.Append('\uFFFD'); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>User text for display: isolated from the surrounding text direction, long values cut with the full text (bounded) as a tooltip.</summary>
    public static string Show(string? text)
    {
        if (text is null) return "<span class=\"muted\">null</span>";
        if (text.Length <= MaxShown) return $"<bdi>{Escape(text)}</bdi>";
        var cut = char.IsHighSurrogate(text[MaxShown - 1]) ? MaxShown - 1 : MaxShown;
        var title = text.Length > 4000 ? text[..4000] + "…" : text;
        return $"<bdi title=\"{Escape(title)}\">{Escape(text[..cut])}…</bdi><span class=\"muted\"> ({text.Length:N0} chars)</span>";
    }

    /// <summary>
    /// User text alone in a table or grid cell: like <see cref="Show"/> without the <c>&lt;bdi&gt;</c>
    /// wrapper, because a cell is its own bidi paragraph (CSS isolates it too) and 3,000 rows of
    /// wrappers would double the page's element count.
    /// </summary>
    public static string Cell(string? text)
    {
        if (text is null || text.Length > MaxShown) return Show(text);
        return Escape(text);
    }

    /// <summary>
    /// Page markup made safe to sit inside a <c>&lt;script type="text/x-dq-html"&gt;</c> data block, which the
    /// browser keeps as raw text until the page's script renders it. Only <c>&lt;/script</c> (which would end the
    /// block) and <c>&lt;!--</c> or <c>&lt;script</c> (which change how the tokenizer finds that end) matter there;
    /// escaped text never contains them, and this makes sure markup does not either: each becomes text.
    /// </summary>
    public static string DataBlock(string html) => DataBlockBreakers().Replace(html, "&lt;");

    [GeneratedRegex("<(?=/?script|!--)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DataBlockBreakers();

    public static string Json(JsonNode? node) => node is null ? "null"
        : node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>()
        : node.ToJsonString(Relaxed);

    public static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    public static string Number(double? value) => value switch
    {
        null => "",
        { } v when double.IsNaN(v) => "NaN",
        { } v when double.IsPositiveInfinity(v) => "∞",
        { } v when double.IsNegativeInfinity(v) => "−∞",
        { } v when Math.Abs(v) >= 1e6 || (v != 0 && Math.Abs(v) < 1e-3) => v.ToString("0.###e+0", CultureInfo.InvariantCulture),
        { } v => v.ToString("#,0.####", CultureInfo.InvariantCulture),
    };

    public static string Percent(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("0.##", CultureInfo.InvariantCulture) + "%" : "";
}
