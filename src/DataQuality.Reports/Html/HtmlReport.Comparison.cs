using System.Text;
using DataQuality.Core.Comparison;
using DataQuality.Core.Profiling;
using DataQuality.Reports.Model;
using static DataQuality.Reports.Html.HtmlText;

namespace DataQuality.Reports.Html;

public static partial class HtmlReport
{
    private const int MaxPartitionBars = 40;
    private const int MaxRowSamples = 20;

    private static void Comparisons(StringBuilder sb, IReadOnlyList<ComparisonSection> sections)
    {
        sb.Append("<section id=\"comparison\"><h2>Comparison</h2>\n");
        foreach (var section in sections)
        {
            var r = section.Report;
            sb.Append($"<details open id=\"{section.Anchor}\"><summary><h3>{Show(r.BaseRoot)} → {Show(r.HeadRoot)}</h3> <span class=\"muted\">{Show(section.Source)}</span> {(r.Verdict.Passed ? "<span class=\"verdict v-passed\">PASSED</span>" : "<span class=\"verdict v-failed\">FAILED</span>")}</summary>");
            if (r.Verdict.Breaches.Count > 0)
            {
                sb.Append("<table><tr><th>entity</th><th>rule</th><th>observed</th><th>limit</th></tr>");
                foreach (var b in r.Verdict.Breaches)
                    sb.Append($"<tr class=\"s-failed\"><td>{Show(b.Entity)}</td><td>{Show(b.Rule)}</td><td>{Show(b.Observed)}</td><td>{Show(b.Limit)}</td></tr>");
                sb.Append("</table>");
            }
            var listId = "entities-" + section.Anchor;
            sb.Append("<table><tr><th>entity</th><th>presence</th><th class=\"n\">base rows</th><th class=\"n\">head rows</th><th class=\"n\">Δ</th><th class=\"n\">added</th><th class=\"n\">removed</th><th class=\"n\">changed</th><th>schema</th></tr>");
            foreach (var e in section.Entities)
            {
                var x = e.Entity;
                sb.Append($"<tr><td><a href=\"#{e.Anchor}\">{Show(x.Name)}</a></td><td>{Presence(x)}</td><td class=\"n\">{Count(x.RowCounts.Base)}</td><td class=\"n\">{Count(x.RowCounts.Head)}</td>");
                sb.Append($"<td class=\"n\">{Delta(x.RowCounts)}</td><td class=\"n\">{KeyedCount(x, k => k.Added)}</td><td class=\"n\">{KeyedCount(x, k => k.Removed)}</td><td class=\"n\">{KeyedCount(x, k => k.Changed)}</td>");
                sb.Append($"<td>{(x.SchemaChanges.Count == 0 ? "" : Count(x.SchemaChanges.Count) + " change(s)")}</td></tr>");
            }
            sb.Append("</table>");
            FilterBar(sb, listId, section.Entities.Count, "search entities", [("both", "in both"), ("added", "added"), ("removed", "removed")]);
            sb.Append($"<div id=\"{listId}\">");
            foreach (var e in section.Entities) Entity(sb, e);
            sb.Append("</div></details>\n");
        }
        sb.Append("</section>\n");
    }

    private static string Presence(EntityComparison e) => e.Presence switch
    {
        Core.Comparison.Presence.Added => "added",
        Core.Comparison.Presence.Removed => "removed",
        _ => e.IdenticalFiles ? "identical files" : "in both",
    };

    private static string Delta(RowCountComparison c) =>
        c.Delta == 0 ? "0" : $"{(c.Delta > 0 ? "+" : "")}{Count(c.Delta)}{(c.DeltaPercent is { } p ? " (" + Percent(p) + ")" : "")}";

    private static string KeyedCount(EntityComparison e, Func<KeyedComparison, long> pick) => e.Keyed is { } k ? Count(pick(k)) : "";

    /// <summary>Open by default: what Core calls a difference (the CLI's "changed" count), or drift.</summary>
    private static bool Interesting(EntityComparison e) => e.HasDifferences || e.HasDrift;

    private static void Entity(StringBuilder sb, EntitySection section)
    {
        var e = section.Entity;
        // Entities that changed open; unchanged ones stay collapsed, their body rendered by the page's script when opened.
        var interesting = Interesting(e);
        sb.Append($"<details class=\"block\" id=\"{section.Anchor}\" data-status=\"{e.Presence.ToString().ToLowerInvariant()}\"{(interesting ? " open" : "")}>");
        sb.Append($"<summary><h3>{Show(e.Name)}</h3> <span class=\"muted\">{Presence(e)} · rows {Count(e.RowCounts.Base)} → {Count(e.RowCounts.Head)} ({Delta(e.RowCounts)})</span></summary>");
        var body = interesting ? sb : new StringBuilder();
        if (e.Partitions.Count > 0)
        {
            body.Append("<h4>Rows per partition</h4><div class=\"legend\"><span class=\"lb\"></span>base<span class=\"lh\"></span>head</div>");
            var shown = e.Partitions.OrderByDescending(p => Math.Abs(p.HeadRows - p.BaseRows)).ThenBy(p => p.Partition, StringComparer.Ordinal).Take(MaxPartitionBars)
                .OrderBy(p => p.Partition, StringComparer.Ordinal).ToList();
            body.Append(Svg.Bars(shown.Select(p => (p.Partition, (double)p.BaseRows, (double?)p.HeadRows)).ToList(), $"Rows per partition of {e.Name}", paired: true));
            if (e.Partitions.Count > shown.Count) body.Append($"<p class=\"muted\">{Count(shown.Count)} of {Count(e.Partitions.Count)} partitions shown (largest changes).</p>");
        }
        if (e.SchemaChanges.Count > 0)
        {
            body.Append("<h4>Schema changes</h4><table><tr><th>column</th><th>change</th><th>before</th><th>after</th></tr>");
            foreach (var c in e.SchemaChanges)
                body.Append($"<tr><td>{Show(c.Column)}</td><td>{c.Kind}</td><td>{Show(c.Before)}</td><td>{Show(c.After)}</td></tr>");
            body.Append("</table>");
        }
        if (e.Keyed is { } k) Keyed(body, e, k);
        if (e.Profile.Any(p => p.Drift is not null)) Drift(body, e);
        if (!interesting) LazyChunks(sb, [body.ToString()], 1, _ => "height:200px", (chunk, html) => chunk.Append(html));
        sb.Append("</details>\n");
    }

    private static void Keyed(StringBuilder sb, EntityComparison e, KeyedComparison k)
    {
        sb.Append($"<h4>Rows by key ({Show(string.Join(", ", k.KeyColumns))})</h4>");
        sb.Append($"<p>{Count(k.Added)} added, {Count(k.Removed)} removed, {Count(k.Changed)} changed, {Count(k.Identical)} identical");
        if (k.IdenticalWithinTolerance > 0) sb.Append($" ({Count(k.IdenticalWithinTolerance)} within tolerance)");
        if (k.DuplicateKeysEitherSide > 0) sb.Append($"; {Count(k.DuplicateKeysEitherSide)} duplicate keys left out");
        sb.Append("</p>");
        var unequal = k.Columns.Where(c => c.Unequal > 0).ToList();
        if (unequal.Count > 0)
        {
            sb.Append("<h4>Changed rows per column</h4>");
            sb.Append(Svg.Bars(unequal.Select(c => (c.Column, (double)c.Unequal, (double?)null)).ToList(), $"Unequal values per column of {e.Name}"));
        }
        var s = k.Samples;
        if (s.Changed.Count + s.Added.Count + s.Removed.Count == 0) return;
        sb.Append("<details><summary>samples</summary><table><tr><th>key</th><th>row</th><th>column</th><th>base</th><th>head</th></tr>");
        foreach (var c in s.Changed.Take(MaxRowSamples))
            foreach (var v in c.Changes)
                sb.Append($"<tr><td>{Show(c.Key)}</td><td>changed</td><td>{Show(v.Column)}</td><td>{Show(v.Base)}</td><td>{Show(v.Head)}</td></tr>");
        foreach (var a in s.Added.Take(MaxRowSamples)) sb.Append($"<tr><td>{Show(a)}</td><td>added</td><td></td><td></td><td></td></tr>");
        foreach (var r in s.Removed.Take(MaxRowSamples)) sb.Append($"<tr><td>{Show(r)}</td><td>removed</td><td></td><td></td><td></td></tr>");
        sb.Append("</table></details>");
    }

    private static void Drift(StringBuilder sb, EntityComparison e)
    {
        sb.Append("<h4>Distribution drift</h4><div class=\"legend\"><span class=\"lb\"></span>base<span class=\"lh\"></span>head</div><table><tr><th>column</th><th>kind</th><th class=\"n\">PSI</th><th class=\"n\">KS</th><th>base vs head</th></tr>");
        foreach (var p in e.Profile.Where(p => p.Drift is not null).OrderByDescending(p => p.Drift!.Psi ?? 0))
        {
            var d = p.Drift!;
            sb.Append($"<tr><td>{Show(p.Column)}</td><td>{Escape(d.Kind)}</td><td class=\"n\">{(d.NotEvaluable is { } why ? Escape(why) : Number(d.Psi))}</td><td class=\"n\">{Number(d.KolmogorovSmirnov)}</td><td>");
            if (d.Histogram is { Count: > 0 } bins)
            {
                // Temporal bins are microseconds since the epoch, as the profiler keeps them.
                Func<double, string> label = d.Kind == "temporal" ? v => double.IsFinite(v) ? ValueFormat.TimestampFromMicros(v) : Number(v) : v => Number(v);
                sb.Append(Svg.Overlay(bins.Select(b => (label(b.Lower), label(b.Upper), b.Base, b.Head)).ToList(), $"Base and head distribution of {p.Column}"));
            }
            else if (p.Base?.TopValues is { Count: > 0 } top)
            {
                var head = p.Head?.TopValues?.ToDictionary(t => t.Value ?? "\0null", t => t.Count, StringComparer.Ordinal) ?? [];
                double bt = Math.Max(1, p.Base.Count - p.Base.Nulls), ht = Math.Max(1, (p.Head?.Count ?? 0) - (p.Head?.Nulls ?? 0));
                sb.Append(Svg.Bars(top.Take(TopValuesShown).Select(t => (t.Value ?? "null", 100 * t.Count / bt, (double?)(100 * head.GetValueOrDefault(t.Value ?? "\0null") / ht))).ToList(),
                    $"Top values of {p.Column} in base and head (% of non-null)", paired: true));
            }
            sb.Append("</td></tr>");
        }
        sb.Append("</table>");
    }
}
