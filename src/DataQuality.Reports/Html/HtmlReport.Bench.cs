using System.Globalization;
using System.Text;
using DataQuality.Core.Benchmarking;
using DataQuality.Core.Storage;
using DataQuality.Reports.Model;
using static DataQuality.Reports.Html.HtmlText;

namespace DataQuality.Reports.Html;

public static partial class HtmlReport
{
    private static void Benches(StringBuilder sb, IReadOnlyList<BenchSection> sections)
    {
        sb.Append("<section id=\"bench\"><h2>Bench</h2>\n");
        foreach (var section in sections) Bench(sb, section);
        sb.Append("</section>\n");
    }

    private static void Bench(StringBuilder sb, BenchSection section)
    {
        var r = section.Result;
        var c = r.Context;
        sb.Append($"<details open class=\"bench\" id=\"{section.Anchor}\"><summary><h3>{Show(c.Base.Branch)} → {Show(c.Head.Branch)}</h3> <span class=\"muted\">bench {Show(c.BenchId)} · {Show(section.Source)}</span> ");
        sb.Append(section.Passed ? "<span class=\"verdict v-passed\">PASSED</span>" : "<span class=\"verdict v-failed\">FAILED</span>").Append("</summary>");

        sb.Append("<table><tr><th>base</th><td>").Append(Show(c.Base.Branch)).Append(" @ ").Append(Show(Short(c.Base.Commit))).Append("</td></tr>");
        sb.Append("<tr><th>head</th><td>").Append(Show(c.Head.Branch)).Append(" @ ").Append(Show(Short(c.Head.Commit))).Append("</td></tr>");
        sb.Append("<tr><th>partition</th><td>").Append(Show(string.Join(", ", c.Partition))).Append($"</td></tr><tr><th>client / env</th><td>{Show(c.Client)} / {Show(c.Env)}</td></tr>");
        sb.Append("<tr><th>command</th><td><code>").Append(Show(c.Command)).Append("</code></td></tr>");
        sb.Append($"<tr><th>machine</th><td>{Count(c.Cores)} cores, {ByteSize.Format(c.MemoryBytes)}; dq {Show(c.DqVersion)}</td></tr></table>");

        sb.Append("<h4>Wall time per branch (seconds)</h4><div class=\"legend\"><span class=\"lb\"></span>base<span class=\"lh\"></span>head</div>");
        // A branch with no successful run has NaN percentiles: drawn as no bar, and the table says "-".
        static double Bar(double v) => double.IsFinite(v) && v > 0 ? v : 0;
        sb.Append(Svg.Bars([("p50", Bar(r.Base.P50), Bar(r.Head.P50)), ("p95", Bar(r.Base.P95), Bar(r.Head.P95))], $"Wall time p50 and p95 of {c.Base.Branch} and {c.Head.Branch}", paired: true));
        sb.Append("<table><tr><th>branch</th><th class=\"n\">runs</th><th class=\"n\">ok</th><th class=\"n\">p50 s</th><th class=\"n\">p95 s</th><th class=\"n\">min s</th><th class=\"n\">max s</th><th class=\"n\">CPU p50 s</th><th class=\"n\">peak RSS</th><th class=\"n\">cost per run</th></tr>");
        RuntimeRow(sb, "base", r.Base);
        RuntimeRow(sb, "head", r.Head);
        sb.Append("</table>");
        sb.Append($"<p class=\"ratios\">head / base: p50 <b>{Ratio(r.RatioP50)}</b>, p95 <b>{Ratio(r.RatioP95)}</b>");
        if (r.Base.Runs < 5) sb.Append(" <span class=\"muted\">(fewer than 5 measured runs per branch: p95 is close to the maximum)</span>");
        sb.Append("</p>");

        var listId = "runs-" + section.Anchor;
        sb.Append("<h4>Runs</h4>");
        FilterBar(sb, listId, r.Runs.Count, "search runs", [("passed", "succeeded"), ("failed", "failed")]);
        sb.Append($"<table><thead><tr><th>branch</th><th class=\"n\">iteration</th><th>warm-up</th><th class=\"n\">wall s</th><th class=\"n\">CPU s</th><th class=\"n\">peak RSS</th><th>exit</th></tr></thead><tbody id=\"{listId}\">");
        foreach (var run in r.Runs)
        {
            var status = run.Succeeded ? "passed" : "failed";
            sb.Append($"<tr data-status=\"{status}\"{(run.Succeeded ? "" : " class=\"s-failed\"")}><td>{Show(run.Label)}</td><td class=\"n\">{Count(run.Iteration)}</td><td>{(run.WarmUp ? "yes" : "")}</td>");
            sb.Append($"<td class=\"n\">{Seconds(run.WallSeconds)}</td><td class=\"n\">{Seconds(run.CpuSeconds)}</td><td class=\"n\">{ByteSize.Format(run.PeakRssBytes)}</td>");
            sb.Append($"<td>{(run.TimedOut ? "timed out" : Count(run.ExitCode))}</td></tr>");
        }
        sb.Append("</tbody></table>");

        foreach (var failed in r.Failures)
        {
            sb.Append($"<details open class=\"block s-failed\"><summary>{Show(failed.Label)} {(failed.WarmUp ? "warm-up" : "run " + Count(failed.Iteration))} failed: {(failed.TimedOut ? "timed out" : "exit " + Count(failed.ExitCode))}</summary>");
            sb.Append("<pre class=\"stderr\">").Append(Escape(failed.StderrTail)).Append("</pre></details>");
        }
        if (r.Restore is { } restore)
            sb.Append($"<p>Restored {Count(restore.Objects)} object(s) of the partition: {(restore.Identical ? "byte-identical to before" : "<b>NOT identical</b>")}.</p>");
        sb.Append(section.ComparisonAnchor is { } anchor
            ? $"<p><a href=\"#{anchor}\">The comparison of the branches' outputs</a> is in the comparison section.</p>"
            : "<p>Not compared: a branch's last run failed.</p>");
        sb.Append("</details>\n");
    }

    private static void RuntimeRow(StringBuilder sb, string label, RuntimeSummary s) =>
        sb.Append($"<tr><td>{label}</td><td class=\"n\">{Count(s.Runs)}</td><td class=\"n\">{Count(s.Succeeded)}</td><td class=\"n\">{Seconds(s.P50)}</td><td class=\"n\">{Seconds(s.P95)}</td>")
          .Append($"<td class=\"n\">{Seconds(s.Min)}</td><td class=\"n\">{Seconds(s.Max)}</td><td class=\"n\">{Seconds(s.CpuP50)}</td><td class=\"n\">{ByteSize.Format(s.PeakRssMax)}</td>")
          .Append($"<td class=\"n\">{(s.CostPerRun is { } cost && double.IsFinite(cost) ? cost.ToString("0.0000", CultureInfo.InvariantCulture) : "-")}</td></tr>");

    private static string Seconds(double value) => double.IsFinite(value) ? value.ToString("0.000", CultureInfo.InvariantCulture) : "-";

    private static string Ratio(double value) => double.IsFinite(value) ? value.ToString("0.00", CultureInfo.InvariantCulture) + "×" : "-";

    private static string Short(string commit) => commit.Length > 12 ? commit[..12] : commit;
}
