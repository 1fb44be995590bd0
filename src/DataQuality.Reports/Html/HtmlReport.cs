using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using DataQuality.Core.Checks;
using DataQuality.Core.Expectations;
using DataQuality.Core.Reporting;
using DataQuality.Reports.Model;
using static DataQuality.Reports.Html.HtmlText;

namespace DataQuality.Reports.Html;

/// <summary>
/// Renders a <see cref="ReportModel"/> as one self-contained HTML page: inline CSS, inline SVG and a
/// few lines of plain JavaScript; no network at all (the Content-Security-Policy allows only the
/// page's own script, by hash, so even a string that escaped escaping could not run). Large reports
/// stay fast because check rows, column cards and collapsed entity bodies are written as data blocks
/// the browser keeps as text (no elements), rendered by the page's script when they near the window
/// (<see cref="LazyChunks"/>); what is rendered uses <c>content-visibility: auto</c>.
/// </summary>
public static partial class HtmlReport
{
    /// <summary>Findings listed in the summary; the rest are reached through the filters below it.</summary>
    public const int MaxFindingsListed = 500;

    private static readonly string Css = Resource("report.css");
    private static readonly string Script = Resource("report.js");
    private static readonly string ScriptHash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Script)));

    public static string Render(ReportModel model)
    {
        var sb = new StringBuilder(64 * 1024);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        sb.Append($"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-{ScriptHash}'\">");
        sb.Append($"<title>{Escape(model.Title.Length > 200 ? model.Title[..200] : model.Title)}</title><style>{Css}</style></head><body>\n");
        Header(sb, model);
        sb.Append("<main>\n");
        Summary(sb, model);
        if (model.Validations.Count > 0) Validation(sb, model.Validations);
        if (model.Profiles.Count > 0) Profiles(sb, model.Profiles);
        if (model.Benches.Count > 0) Benches(sb, model.Benches);
        if (model.Comparisons.Count > 0) Comparisons(sb, model.Comparisons);
        sb.Append("</main>\n<script>").Append(Script).Append("</script></body></html>\n");
        return sb.ToString();
    }

    private static void Header(StringBuilder sb, ReportModel model)
    {
        sb.Append($"<header><h1>{Show(model.Title)}</h1>{Verdict(model.Summary.Verdict)}<nav><a href=\"#summary\">Summary</a>");
        if (model.Validations.Count > 0) sb.Append("<a href=\"#validation\">Validation</a>");
        if (model.Profiles.Count > 0) sb.Append("<a href=\"#profile\">Profile</a>");
        if (model.Benches.Count > 0) sb.Append("<a href=\"#bench\">Bench</a>");
        if (model.Comparisons.Count > 0) sb.Append("<a href=\"#comparison\">Comparison</a>");
        sb.Append("</nav></header>\n");
    }

    public static string Verdict(ReportVerdict verdict) => verdict switch
    {
        ReportVerdict.Passed => "<span class=\"verdict v-passed\">PASSED</span> ",
        ReportVerdict.PassedWithWarnings => "<span class=\"verdict v-passedwithwarnings\">PASSED WITH WARNINGS</span> ",
        _ => "<span class=\"verdict v-failed\">FAILED</span> ",
    };

    private static void Summary(StringBuilder sb, ReportModel model)
    {
        var s = model.Summary;
        sb.Append($"<section id=\"summary\"><h2>Summary</h2><p>{Verdict(s.Verdict)}");
        sb.Append($"{Count(s.Checks)} checks in {model.Validations.Count} validation(s), {model.Profiles.Count} profile(s) with {Count(s.ProfiledColumns)} columns, {model.Comparisons.Count} comparison(s){(model.Benches.Count > 0 ? $", {model.Benches.Count} bench run(s)" : "")}.</p>");
        sb.Append("<div class=\"tiles\">");
        foreach (var status in new[] { CheckStatus.Failed, CheckStatus.Error, CheckStatus.Warned, CheckStatus.Passed })
            sb.Append($"<div class=\"tile {StatusClass(status)}\" data-count=\"{StatusName(status)}\"><span class=\"badge\">{ValidationRenderer.Badge(status)}</span><b>{Count(s.ByStatus[status])}</b>checks {StatusName(status)}</div>");
        sb.Append($"<div class=\"tile\"><b>{Count(s.FailuresBySeverity[Severity.Error])}</b>error-severity findings</div>");
        sb.Append($"<div class=\"tile\"><b>{Count(s.FailuresBySeverity[Severity.Warn])}</b>warn-severity findings</div>");
        if (model.Comparisons.Count > 0)
            sb.Append($"<div class=\"tile\"><b>{s.ComparisonsPassed} / {s.ComparisonsPassed + s.ComparisonsFailed}</b>comparisons passed</div>");
        if (model.Benches.Count > 0)
            sb.Append($"<div class=\"tile\"><b>{s.BenchesPassed} / {s.BenchesPassed + s.BenchesFailed}</b>bench runs passed</div>");
        sb.Append("</div>");
        if (s.Findings.Count == 0) sb.Append("<p>Nothing failed.</p>");
        else
        {
            sb.Append($"<h3>Findings, worst first ({Count(s.Findings.Count)})</h3><ol class=\"findings\">");
            foreach (var f in s.Findings.Take(MaxFindingsListed))
                sb.Append($"<li class=\"{StatusClass(f.Status)}\"><span class=\"badge\">{ValidationRenderer.Badge(f.Status)}</span> <a href=\"#{f.Anchor}\">{Show(f.Where)} · {Show(f.What)}</a> <span class=\"muted text\">{Show(f.Detail)}</span></li>");
            sb.Append("</ol>");
            if (s.Findings.Count > MaxFindingsListed)
                sb.Append($"<p class=\"muted\">{Count(s.Findings.Count - MaxFindingsListed)} more: filter the tables below by status.</p>");
        }
        sb.Append("</section>\n");
    }

    internal static string StatusName(CheckStatus status) => status.ToString().ToLowerInvariant();

    internal static string StatusClass(CheckStatus status) => "s-" + StatusName(status);

    /// <summary>A search box (and optional select) filtering the <c>[data-status]</c> children of the element with id <paramref name="target"/>.</summary>
    private static void FilterBar(StringBuilder sb, string target, int total, string placeholder, IEnumerable<(string Value, string Label)>? options = null)
    {
        sb.Append($"<div class=\"filter\" data-for=\"{target}\"><input type=\"search\" placeholder=\"{Escape(placeholder)}\" aria-label=\"{Escape(placeholder)}\">");
        if (options is not null)
        {
            sb.Append("<select aria-label=\"status\"><option value=\"\">all</option>");
            foreach (var (value, label) in options) sb.Append($"<option value=\"{Escape(value)}\">{Escape(label)}</option>");
            sb.Append("</select>");
        }
        sb.Append($"<span class=\"count muted\">{Count(total)} of {Count(total)}</span></div>");
    }

    private static string Resource(string name)
    {
        using var stream = typeof(HtmlReport).Assembly.GetManifestResourceStream("DataQuality.Reports." + name)
            ?? throw new InvalidOperationException($"Missing embedded resource {name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
