using System.Text;
using static DataQuality.Reports.Html.HtmlText;

namespace DataQuality.Reports.Html;

public static partial class HtmlReport
{
    /// <summary>The type of the data blocks holding not-yet-rendered markup; the browser never runs or parses them.</summary>
    internal const string LazyBlockType = "text/x-dq-html";

    /// <summary>
    /// Writes <paramref name="items"/> in chunks of <paramref name="perChunk"/>, each as a placeholder
    /// (<c>.lazy</c>, sized by <paramref name="height"/> so the scrollbar and anchors are about right) holding the
    /// chunk's markup in a data block. The page's script turns a placeholder into its markup when it comes near
    /// the window or its collapsed section opens, when a filter searches its list, or when a link targets an id
    /// inside it; so a report of 3,000 checks parses and lays out only the rows on screen.
    /// </summary>
    private static void LazyChunks<T>(StringBuilder sb, IReadOnlyList<T> items, int perChunk, Func<int, string> style, Action<StringBuilder, T> render)
    {
        var chunk = new StringBuilder();
        for (var start = 0; start < items.Count; start += perChunk)
        {
            var n = Math.Min(perChunk, items.Count - start);
            chunk.Clear();
            for (var i = start; i < start + n; i++) render(chunk, items[i]);
            sb.Append($"<div class=\"lazy\" data-n=\"{n}\" style=\"{style(n)}\"><script type=\"{LazyBlockType}\">");
            sb.Append(DataBlock(chunk.ToString())).Append("</script></div>\n");
        }
    }
}
