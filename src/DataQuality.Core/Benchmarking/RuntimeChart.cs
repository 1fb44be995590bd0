using System.Globalization;
using System.Text;

namespace DataQuality.Core.Benchmarking;

/// <summary>p50 and p95 wall time per branch as a small bar chart (<c>runtime.svg</c> in the bench folder).</summary>
public static class RuntimeChart
{
    public static string Svg(BenchResult result)
    {
        var bars = new (string Label, double Value, string Colour)[]
        {
            ($"base p50", result.Base.P50, "#4c78a8"), ($"base p95", result.Base.P95, "#9ecae9"),
            ($"head p50", result.Head.P50, "#f58518"), ($"head p95", result.Head.P95, "#ffbf79"),
        };
        var max = bars.Select(b => b.Value).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        if (max <= 0) max = 1;
        const int width = 480, rowHeight = 28, left = 90, right = 80;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{bars.Length * rowHeight + 30}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append("<text x=\"4\" y=\"16\">wall time per run (seconds)</text>\n");
        for (var i = 0; i < bars.Length; i++)
        {
            var (label, value, colour) = bars[i];
            var y = 26 + i * rowHeight;
            var w = double.IsFinite(value) ? (width - left - right) * value / max : 0;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"{y + 15}\">{label}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{left}\" y=\"{y + 3}\" width=\"{w:0.0}\" height=\"{rowHeight - 8}\" fill=\"{colour}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + w + 4:0.0}\" y=\"{y + 15}\">{(double.IsFinite(value) ? value.ToString("0.000", CultureInfo.InvariantCulture) + " s" : "no run")}</text>\n");
        }
        svg.Append("</svg>\n");
        return svg.ToString();
    }
}
