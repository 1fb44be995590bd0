using System.Text;
using DataQuality.Core.Profiling;
using DataQuality.Core.Reporting;
using DataQuality.Reports.Model;
using static DataQuality.Reports.Html.HtmlText;

namespace DataQuality.Reports.Html;

public static partial class HtmlReport
{
    private const int TopValuesShown = 10;

    /// <summary>Column cards (each with its chart) per lazily rendered chunk.</summary>
    private const int CardsPerChunk = 6;

    private static void Profiles(StringBuilder sb, IReadOnlyList<ProfileSection> sections)
    {
        sb.Append("<section id=\"profile\"><h2>Profile</h2>\n");
        foreach (var section in sections)
        {
            var p = section.Profile;
            var listId = "cards-" + section.Anchor;
            sb.Append($"<details open id=\"{section.Anchor}\"><summary><h3>{Show(section.Name)}</h3> <span class=\"muted\">{Count(p.RowCount)} rows, {Count(p.Columns.Count)} columns, {Count(p.Files.Count)} file(s)</span></summary>");
            var kinds = section.Columns.Select(c => KindName(c.Column)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(k => (k, k));
            FilterBar(sb, listId, section.Columns.Count, "search columns", kinds);
            sb.Append($"<div class=\"cards\" id=\"{listId}\">\n");
            // A placeholder spans the grid; cards are ~340 px high, about three to a row.
            LazyChunks(sb, section.Columns, CardsPerChunk, n => $"grid-column:1/-1;height:{(n + 2) / 3 * 340}px", Column);
            sb.Append("</div></details>\n");
        }
        sb.Append("</section>\n");
    }

    private static string KindName(ColumnProfile c) => c.Kind.ToString().ToLowerInvariant();

    private static void Column(StringBuilder sb, ProfileColumn entry)
    {
        var c = entry.Column;
        sb.Append($"<article class=\"card\" id=\"{entry.Anchor}\" data-status=\"{KindName(c)}\"><h4><a href=\"#{entry.Anchor}\">{Show(c.Path)}</a></h4>");
        var type = string.Join(" / ", new[] { KindName(c), c.LogicalType, c.PhysicalType }.Where(t => !string.IsNullOrEmpty(t)).Distinct(StringComparer.OrdinalIgnoreCase));
        sb.Append($"<div class=\"muted\">{Show(type)}{(c.Partition ? " · partition column" : "")}{(c.Repeated ? " · repeated" : "")}</div><dl>");
        Stat(sb, "nulls", $"{Count(c.NullCount)} of {Count(c.ValueCount)}{(c.ValueCount > 0 ? " (" + Percent(100.0 * c.NullCount / c.ValueCount) + ")" : "")}");
        Stat(sb, "distinct", Escape(ProfileFigures.Distinct(c)));
        if (c.Min is not null || c.Max is not null) Stat(sb, "min … max", $"{Show(c.Min)} … {Show(c.Max)}");
        // Temporal values are microseconds since the epoch: the mean reads as a time, the spread as days.
        if (c.Mean is { } mean && c.Kind.IsTemporal())
            Stat(sb, "mean ± sd", $"{Escape(c.FormatNumber(mean))}{(c.StandardDeviation is { } tsd ? " ± " + Escape(Number(tsd / 86_400_000_000.0)) + " days" : "")}");
        else if (c.Mean is { } mean2)
            Stat(sb, "mean ± sd", $"{Escape(Number(mean2))}{(c.StandardDeviation is { } sd ? " ± " + Escape(Number(sd)) : "")}");
        if (c.Quantiles is { } q)
            Stat(sb, "quantiles", Escape(string.Join(" · ", q.Select(kv => $"{kv.Key} {c.FormatNumber(kv.Value)}"))));
        if (c.Strings is { Count: > 0 } s)
        {
            Stat(sb, "length", $"{Count(s.MinLength)} … {Count(s.MaxLength)} (mean {Escape(Number(s.MeanLength))})");
            if (InferredType(s) is { } inferred) Stat(sb, "inferred type", Escape(inferred));
        }
        if (c.TopValues.Count > 0 && ProfileFigures.ShownTopValues(c).Count == 0) Stat(sb, "top values", Escape(ProfileFigures.NoFrequentValues(c)));
        if (c.Unsupported is { } why) Stat(sb, "not profiled", Show(why));
        sb.Append("</dl>");
        if (c.Histogram is { Count: > 0 } bins)
            sb.Append(Svg.Histogram(bins.Select(b => (c.FormatNumber(b.Lower), c.FormatNumber(b.Upper), b.Count)).ToList(), $"Histogram of {c.Path}"));
        else if (ProfileFigures.ShownTopValues(c) is { Count: > 0 } top)
            // Counts from the frequent-items sketch carry "~" as in the CLI's profile table; exact ones are bare.
            sb.Append(Svg.Bars(top.Take(TopValuesShown).Select(t => (t.Value, (double)t.Count, (double?)null)).ToList(),
                $"Top values of {c.Path}{(c.TopValuesExact ? "" : " (approximate counts)")}", approximate: !c.TopValuesExact));
        sb.Append("</article>\n");
    }

    /// <summary>The type every non-null string parses as, when one does (what a contract could declare instead of string).</summary>
    private static string? InferredType(StringStats s)
    {
        var p = s.Parses;
        foreach (var (name, count) in new[] { ("integer", p.Integer), ("decimal", p.Decimal), ("date", p.Date), ("timestamp", p.Timestamp), ("boolean", p.Boolean), ("uuid", p.Uuid), ("email", p.Email) })
            if (count == s.Count) return name;
        return null;
    }

    private static void Stat(StringBuilder sb, string name, string html) => sb.Append($"<dt>{name}</dt><dd>{html}</dd>");
}
