using System.Text;
using System.Text.Json.Nodes;
using DataQuality.Core.Checks;
using DataQuality.Core.Reporting;
using DataQuality.Reports.Model;
using static DataQuality.Reports.Html.HtmlText;

namespace DataQuality.Reports.Html;

public static partial class HtmlReport
{
    private static readonly (string, string)[] StatusOptions =
        [("problems", "not passed"), ("failed", "failed"), ("error", "error"), ("warned", "warned"), ("passed", "passed")];

    // kwargs that say how to run a check, not what it demands.
    private static readonly HashSet<string> NotThresholds = new(StringComparer.Ordinal) { "column", "result_format", "catch_exceptions", "meta", "severity", "include_config" };

    private const int MaxSampleRows = 20;

    /// <summary>Check rows per lazily rendered chunk: a window's worth, so the first screen is one or two chunks.</summary>
    private const int RowsPerChunk = 40;

    private static void Validation(StringBuilder sb, IReadOnlyList<ValidationSection> sections)
    {
        sb.Append("<section id=\"validation\"><h2>Validation</h2>\n");
        foreach (var section in sections)
        {
            var r = section.Report;
            var st = r.Statistics;
            var listId = "rows-" + section.Anchor;
            // Failures first: a dataset whose checks all passed starts collapsed (a deep link still opens it).
            var open = section.Checks.Any(c => c.Status != CheckStatus.Passed) ? " open" : "";
            sb.Append($"<details{open} id=\"{section.Anchor}\"><summary><h3>{Show(r.SuiteName)} · {Show(r.DatasetName)}</h3> ");
            sb.Append($"<span class=\"muted\">{Count(st.Evaluated)} checks: {Count(st.Successful)} passed, {Count(st.Warned)} warned, {Count(st.Failed)} failed, {Count(st.Errored)} errors · {Show(section.Source)}</span></summary>");
            FilterBar(sb, listId, section.Checks.Count, "search checks", StatusOptions);
            sb.Append($"<div class=\"rows\" id=\"{listId}\"><div class=\"row head\"><span>status</span><span>check</span><span>observed</span><span>threshold</span><span>unexpected</span><span>%</span></div>\n");
            // Rows are ~30 px high (one line; samples stay in a collapsed details).
            LazyChunks(sb, section.Checks, RowsPerChunk, n => $"height:{n * 30}px", Check);
            sb.Append("</div></details>\n");
        }
        sb.Append("</section>\n");
    }

    private static void Check(StringBuilder sb, CheckRow check)
    {
        var r = check.Result;
        var d = r.Result;
        sb.Append($"<div class=\"row {StatusClass(r.Status)}\" id=\"{check.Anchor}\" data-status=\"{StatusName(r.Status)}\">");
        sb.Append($"<span class=\"badge\">{ValidationRenderer.Badge(r.Status)}</span>");
        // The declaring file and line ride on the link's tooltip; the details below repeat it when there are samples to show.
        var declared = r.Expectation.Location is { } at ? $" title=\"declared at {Escape(at.ToString())}\"" : "";
        sb.Append($"<span><a href=\"#{check.Anchor}\"{declared}>{Cell(check.Name)}</a></span>");
        sb.Append($"<span>{(r.Exception is { } e ? Cell($"{e.Code}: {e.Message}") : d.ObservedValue is null ? "" : Cell(Json(d.ObservedValue)))}</span>");
        sb.Append($"<span>{Cell(Threshold(r))}</span>");
        sb.Append($"<span>{(d.UnexpectedCount is { } u ? Count(u) + (d.ElementCount is { } n ? " of " + Count(n - (d.MissingCount ?? 0)) : "") : "")}</span>");
        sb.Append($"<span>{Percent(d.UnexpectedPercent)}</span>");
        CheckDetails(sb, r);
        sb.Append("</div>\n");
    }

    /// <summary>The demanded bounds: every kwarg except the column and run options, as <c>name=value</c>.</summary>
    internal static string Threshold(ExpectationResult r) =>
        string.Join(", ", r.Expectation.Kwargs.Where(k => !NotThresholds.Contains(k.Key)).Select(k => $"{k.Key}={Json(k.Value)}"));

    private static void CheckDetails(StringBuilder sb, ExpectationResult r)
    {
        var d = r.Result;
        var samples = d.PartialUnexpectedIndexList ?? d.UnexpectedIndexList;
        var values = d.PartialUnexpectedCounts ?? d.PartialUnexpectedList ?? d.UnexpectedList;
        var summary = d.Details?["summary"] is JsonValue sv && sv.TryGetValue<string>(out var text) ? text : null;
        // Only checks with something to show get a details element: 3,000 empty ones would double the page's DOM.
        if (samples is not { Count: > 0 } && values is not { Count: > 0 } && summary is null && d.UnexpectedIndexQuery is null)
            return;
        sb.Append("<details><summary>details</summary>");
        if (summary is not null) sb.Append($"<p class=\"text\">{Show(summary)}</p>");
        if (r.Expectation.Location is { } at) sb.Append($"<p>declared at <code class=\"text\">{Show(at.ToString())}</code></p>");
        if (samples is { Count: > 0 }) Samples(sb, "failing rows (by primary key)", samples);
        else if (values is { Count: > 0 }) Samples(sb, "unexpected values", values);
        if (d.UnexpectedIndexQuery is { } q) sb.Append($"<p>query: <code class=\"text\">{Show(q)}</code></p>");
        sb.Append("</details>");
    }

    /// <summary>A bounded table of samples: objects become one column per member, scalars one column.</summary>
    private static void Samples(StringBuilder sb, string caption, JsonArray items)
    {
        var objects = items.OfType<JsonObject>().ToList();
        sb.Append($"<table><caption class=\"muted\">{Escape(caption)}</caption>");
        if (objects.Count == items.Count)
        {
            var keys = objects.SelectMany(o => o.Select(p => p.Key)).Distinct(StringComparer.Ordinal).Take(12).ToList();
            sb.Append("<tr>");
            foreach (var k in keys) sb.Append($"<th>{Show(k)}</th>");
            sb.Append("</tr>");
            foreach (var o in objects.Take(MaxSampleRows))
            {
                sb.Append("<tr>");
                foreach (var k in keys) sb.Append($"<td>{(o.TryGetPropertyValue(k, out var v) ? Cell(Json(v)) : "")}</td>");
                sb.Append("</tr>");
            }
        }
        else
        {
            foreach (var item in items.Take(MaxSampleRows)) sb.Append($"<tr><td>{Cell(Json(item))}</td></tr>");
        }
        sb.Append("</table>");
        if (items.Count > MaxSampleRows) sb.Append($"<p class=\"muted\">{Count(items.Count - MaxSampleRows)} more not shown.</p>");
    }
}
