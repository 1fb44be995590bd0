using System.Globalization;
using System.Text;
using DataQuality.Core.Checks;
using DataQuality.Core.Reporting;
using DataQuality.Reports.Model;

namespace DataQuality.Reports.Markdown;

/// <summary>
/// GitHub-flavoured Markdown for a pull-request comment, from the same <see cref="ReportModel"/> as the
/// HTML page: verdict and counts, findings worst first (each linking to its anchor in the HTML), then
/// every section collapsed in <c>&lt;details&gt;</c>. It stays under GitHub's 65,536-character comment
/// limit: once the budget is spent the rest is left to the linked HTML report.
/// </summary>
public static class MarkdownReport
{
    /// <summary>GitHub rejects comments longer than 65,536 characters; keep a margin for the truncation note.</summary>
    public const int DefaultBudget = 60_000;

    public static string Render(ReportModel model, string? htmlLink = null, int budget = DefaultBudget)
    {
        var w = new BudgetWriter(budget);
        var s = model.Summary;
        w.Line($"## {Icon(s.Verdict)} {Text(model.Title)}: {Verdict(s.Verdict)}");
        w.Line();
        w.Line(FormattableString.Invariant($"**{s.Checks} checks**: {s.ByStatus[CheckStatus.Failed]} failed · {s.ByStatus[CheckStatus.Error]} errors · {s.ByStatus[CheckStatus.Warned]} warned · {s.ByStatus[CheckStatus.Passed]} passed")
            + (model.Comparisons.Count > 0 ? FormattableString.Invariant($" · comparisons: {s.ComparisonsPassed} passed, {s.ComparisonsFailed} failed") : "")
            + (model.Profiles.Count > 0 ? FormattableString.Invariant($" · {s.ProfiledColumns} profiled columns") : ""));
        if (htmlLink is not null) { w.Line(); w.Line($"Full report: [{Text(Path.GetFileName(htmlLink))}]({htmlLink})"); }
        w.Line();

        if (s.Findings.Count > 0)
        {
            w.Line("### Findings");
            w.Line();
            w.Line("| | where | what | detail |");
            w.Line("|---|---|---|---|");
            var shown = 0;
            foreach (var f in s.Findings)
            {
                if (!w.TryLine($"| {Icon(f.Status)} {ValidationRenderer.Badge(f.Status)} | {Link(Text(f.Where), htmlLink, f.Anchor)} | {Text(f.What)} | {Text(f.Detail)} |")) break;
                shown++;
            }
            if (shown < s.Findings.Count) w.Force($"| | … {s.Findings.Count - shown} more | {More(htmlLink)} | |");
            w.Line();
        }

        foreach (var v in model.Validations)
        {
            var st = v.Report.Statistics;
            if (!w.TryLine($"<details><summary>{Icon(v.Report.Success ? ReportVerdict.Passed : ReportVerdict.Failed)} Validation: {Inline(v.Report.SuiteName)} · {Inline(v.Report.DatasetName)}: {st.Evaluated} checks, {st.Failed} failed, {st.Errored} errors, {st.Warned} warned</summary>")) break;
            w.Line();
            w.Line("| status | check | observed | threshold | unexpected |");
            w.Line("|---|---|---|---|---|");
            var rows = v.Checks.OrderBy(c => ReportBuilder.Rank(c.Status)).ToList();
            var shown = 0;
            foreach (var c in rows)
            {
                var d = c.Result.Result;
                var unexpected = d.UnexpectedCount is { } u ? string.Create(CultureInfo.InvariantCulture, $"{u} ({d.UnexpectedPercent:0.##}%)") : "";
                var observed = c.Result.Exception is { } e ? $"{e.Code}: {e.Message}" : ValidationRenderer.Observed(c.Result);
                if (!w.TryLine($"| {Icon(c.Status)} {ValidationRenderer.Badge(c.Status)} | {Link(Text(c.Name), htmlLink, c.Anchor)} | {Text(observed)} | {Text(Reports.Html.HtmlReport.Threshold(c.Result))} | {unexpected} |")) break;
                shown++;
            }
            if (shown < rows.Count) w.Force($"| | … {rows.Count - shown} more | {More(htmlLink)} | | |");
            w.Force("");
            w.Force("</details>");
            w.Line();
        }

        foreach (var c in model.Comparisons)
        {
            var r = c.Report;
            if (!w.TryLine($"<details><summary>{Icon(r.Verdict.Passed ? ReportVerdict.Passed : ReportVerdict.Failed)} Comparison: {Inline(r.BaseRoot)} → {Inline(r.HeadRoot)}: {r.Entities.Count} entities, {r.Verdict.Breaches.Count} threshold breaches</summary>")) break;
            w.Line();
            w.Line("| entity | presence | base rows | head rows | added | removed | changed | schema changes | max PSI |");
            w.Line("|---|---|---:|---:|---:|---:|---:|---:|---:|");
            var shown = 0;
            foreach (var e in c.Entities)
            {
                var x = e.Entity;
                var k = x.Keyed;
                var psi = x.Profile.Select(p => p.Drift?.Psi).Where(p => p is { } v && double.IsFinite(v)).DefaultIfEmpty(null).Max();
                if (!w.TryLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {Link(Text(x.Name), htmlLink, e.Anchor)} | {x.Presence.ToString().ToLowerInvariant()} | {x.RowCounts.Base} | {x.RowCounts.Head} | {k?.Added} | {k?.Removed} | {k?.Changed} | {x.SchemaChanges.Count} | {psi:0.####} |"))) break;
                shown++;
            }
            if (shown < c.Entities.Count) w.Force($"| … {c.Entities.Count - shown} more | {More(htmlLink)} | | | | | | | |");
            w.Force("");
            w.Force("</details>");
            w.Line();
        }

        foreach (var p in model.Profiles)
        {
            if (!w.TryLine(string.Create(CultureInfo.InvariantCulture, $"<details><summary>Profile: {Inline(p.Name)}: {p.Profile.RowCount} rows, {p.Columns.Count} columns</summary>"))) break;
            w.Line();
            w.Line("| column | kind | nulls | distinct | min | max | mean |");
            w.Line("|---|---|---:|---:|---|---|---:|");
            var shown = 0;
            foreach (var col in p.Columns)
            {
                var x = col.Column;
                if (!w.TryLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {Link(Text(x.Path), htmlLink, col.Anchor)} | {x.Kind.ToString().ToLowerInvariant()} | {x.NullCount} | ≈{x.DistinctEstimate:0} | {Text(x.Min ?? "")} | {Text(x.Max ?? "")} | {Reports.Html.HtmlText.Number(x.Mean)} |"))) break;
                shown++;
            }
            if (shown < p.Columns.Count) w.Force($"| … {p.Columns.Count - shown} more | {More(htmlLink)} | | | | | |");
            w.Force("");
            w.Force("</details>");
            w.Line();
        }
        if (w.Truncated) w.Force($"_Truncated to stay under GitHub's comment limit; {More(htmlLink)}._");
        return w.ToString();
    }

    private static string More(string? htmlLink) => htmlLink is null ? "see the HTML report" : $"see the [full report]({htmlLink})";

    private static string Link(string text, string? htmlLink, string anchor) => htmlLink is null ? text : $"[{text}]({htmlLink}#{anchor})";

    private static string Verdict(ReportVerdict v) => v switch
    {
        ReportVerdict.Passed => "passed",
        ReportVerdict.PassedWithWarnings => "passed with warnings",
        _ => "failed",
    };

    private static string Icon(ReportVerdict v) => v switch { ReportVerdict.Passed => "✅", ReportVerdict.PassedWithWarnings => "⚠️", _ => "❌" };

    private static string Icon(CheckStatus s) => s switch { CheckStatus.Passed => "✅", CheckStatus.Warned => "⚠️", CheckStatus.Failed => "❌", _ => "💥" };

    /// <summary>Text in a table cell: one line, at most 120 characters, with Markdown and HTML syntax escaped.</summary>
    internal static string Text(string text)
    {
        var line = text.Replace("\r", " ").Replace("\n", " ");
        if (line.Length > 120) line = line[..(char.IsHighSurrogate(line[118]) ? 118 : 119)] + "…";
        var sb = new StringBuilder(line.Length + 8);
        foreach (var ch in line)
        {
            switch (ch)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '\\' or '|' or '*' or '_' or '[' or ']' or '`': sb.Append('\\').Append(ch); break;
                default: sb.Append(ch); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Text inside an HTML element (a details summary): only HTML escaping, cut like table text.</summary>
    private static string Inline(string text) => Reports.Html.HtmlText.Escape(text.Length > 120 ? text[..119] + "…" : text);

    /// <summary>Appends lines while they fit the budget; <see cref="Force"/> closes open blocks whatever the budget.</summary>
    private sealed class BudgetWriter(int budget)
    {
        private const int Reserve = 2_000; // closing tags and the truncation notes
        private readonly StringBuilder _sb = new();

        public bool Truncated { get; private set; }

        public void Line(string text = "") => TryLine(text);

        public bool TryLine(string text)
        {
            if (Truncated || _sb.Length + text.Length + 1 > budget - Reserve) { Truncated = true; return false; }
            _sb.Append(text).Append('\n');
            return true;
        }

        public void Force(string text) => _sb.Append(text).Append('\n');

        public override string ToString() => _sb.ToString();
    }
}
