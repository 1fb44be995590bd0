using System.Globalization;
using System.Text;
using static DataQuality.Reports.Html.HtmlText;

namespace DataQuality.Reports.Html;

/// <summary>
/// Inline SVG charts: plain rectangles with fixed pixel sizes (no script, no fonts, no external
/// references), each bar titled with its exact figures for hover. Labels pass through <see cref="HtmlText"/>.
/// </summary>
internal static class Svg
{
    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Vertical bars of <paramref name="counts"/> with the first lower and last upper bound under the axis.</summary>
    public static string Histogram(IReadOnlyList<(string Lower, string Upper, long Count)> bins, string title)
    {
        const int W = 300, H = 110, Plot = 90;
        var max = Math.Max(1, bins.Max(b => b.Count));
        var bw = (double)W / bins.Count;
        var sb = new StringBuilder($"<svg class=\"chart\" role=\"img\" width=\"{W}\" height=\"{H}\" viewBox=\"0 0 {W} {H}\"><title>{Escape(title)}</title>");
        for (var i = 0; i < bins.Count; i++)
        {
            var h = Math.Max(bins[i].Count > 0 ? 1 : 0, Plot * (double)bins[i].Count / max);
            sb.Append($"<rect class=\"bar\" x=\"{F(i * bw + 0.5)}\" y=\"{F(Plot - h)}\" width=\"{F(Math.Max(1, bw - 1))}\" height=\"{F(h)}\"><title>{Escape(bins[i].Lower)} … {Escape(bins[i].Upper)}: {Count(bins[i].Count)}</title></rect>");
        }
        sb.Append($"<text x=\"0\" y=\"{H - 4}\">{Escape(Cut(bins[0].Lower))}</text><text x=\"{W}\" y=\"{H - 4}\" text-anchor=\"end\">{Escape(Cut(bins[^1].Upper))}</text></svg>");
        return sb.ToString();
    }

    /// <summary>
    /// Horizontal bars, one per label (<paramref name="paired"/> draws a head bar under each base bar);
    /// <paramref name="approximate"/> marks every figure <c>~</c> (sketch estimates).
    /// </summary>
    public static string Bars(IReadOnlyList<(string Label, double Value, double? Second)> items, string title, bool paired = false, bool approximate = false)
    {
        const int W = 420, Label = 150, Row = 16;
        var pairH = paired ? 2 * Row - 4 : Row;
        var max = Math.Max(1e-12, items.Max(i => Math.Max(i.Value, i.Second ?? 0)));
        var H = items.Count * (pairH + 4) + 4;
        var sb = new StringBuilder($"<svg class=\"chart\" role=\"img\" width=\"{W}\" height=\"{H}\" viewBox=\"0 0 {W} {H}\"><title>{Escape(title)}</title>");
        var y = 2.0;
        var plot = W - Label - 60;
        foreach (var (label, value, second) in items)
        {
            sb.Append($"<text x=\"{Label - 4}\" y=\"{F(y + 11)}\" text-anchor=\"end\">{Escape(Cut(label, 24))}<title>{Escape(label)}</title></text>");
            Bar(sb, paired ? "b" : "bar", Label, y, plot, value, max, paired ? Row - 4 : Row - 2, label, approximate);
            if (paired) Bar(sb, "h", Label, y + Row - 2, plot, second ?? 0, max, Row - 4, label, approximate);
            y += pairH + 4;
        }
        return sb.Append("</svg>").ToString();
    }

    private static void Bar(StringBuilder sb, string cls, int x, double y, int plot, double value, double max, int height, string label, bool approximate)
    {
        var w = value <= 0 ? 0 : Math.Max(1, plot * value / max);
        var text = (approximate ? "~" : "") + Number(value);
        sb.Append($"<rect class=\"{cls}\" x=\"{x}\" y=\"{F(y)}\" width=\"{F(w)}\" height=\"{height}\"><title>{Escape(label)}: {text}</title></rect>");
        sb.Append($"<text x=\"{F(x + w + 4)}\" y=\"{F(y + height - 2)}\">{text}</text>");
    }

    /// <summary>Base and head shares over the same bins, drawn over each other (translucent) so the shift shows.</summary>
    public static string Overlay(IReadOnlyList<(string Lower, string Upper, double Base, double Head)> bins, string title)
    {
        const int W = 300, H = 110, Plot = 90;
        var max = Math.Max(1e-12, bins.Max(b => Math.Max(b.Base, b.Head)));
        var bw = (double)W / bins.Count;
        var sb = new StringBuilder($"<svg class=\"chart overlay\" role=\"img\" width=\"{W}\" height=\"{H}\" viewBox=\"0 0 {W} {H}\"><title>{Escape(title)}</title>");
        for (var i = 0; i < bins.Count; i++)
        {
            var (lower, upper, b, h) = bins[i];
            var hb = Plot * b / max;
            var hh = Plot * h / max;
            var tip = $"{Escape(lower)} … {Escape(upper)}: base {Percent(100 * b)}, head {Percent(100 * h)}";
            sb.Append($"<rect class=\"ob\" x=\"{F(i * bw + 0.5)}\" y=\"{F(Plot - hb)}\" width=\"{F(Math.Max(1, bw - 1))}\" height=\"{F(hb)}\"><title>{tip}</title></rect>");
            sb.Append($"<rect class=\"oh\" x=\"{F(i * bw + 0.5)}\" y=\"{F(Plot - hh)}\" width=\"{F(Math.Max(1, bw - 1))}\" height=\"{F(hh)}\"><title>{tip}</title></rect>");
        }
        sb.Append($"<text x=\"0\" y=\"{H - 4}\">{Escape(Cut(bins[0].Lower))}</text><text x=\"{W}\" y=\"{H - 4}\" text-anchor=\"end\">{Escape(Cut(bins[^1].Upper))}</text></svg>");
        return sb.ToString();
    }

    private static string Cut(string text, int max = 28)
    {
        if (text.Length <= max) return text;
        var n = char.IsHighSurrogate(text[max - 2]) ? max - 2 : max - 1; // never split an emoji's surrogate pair
        return text[..n] + "…";
    }
}
