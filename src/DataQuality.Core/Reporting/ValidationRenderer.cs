using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataQuality.Core.Checks;

namespace DataQuality.Core.Reporting;

/// <summary>Renders validation reports as text, JSON, Markdown (failures first) or JUnit XML (<see cref="JUnitReport"/>).</summary>
public static class ValidationRenderer
{
    public static string Render(IReadOnlyList<ValidationReport> reports, ReportFormat format) => format switch
    {
        ReportFormat.Text => Text(reports),
        ReportFormat.Json => Json(reports),
        ReportFormat.Markdown => Markdown(reports),
        ReportFormat.Junit => JUnitReport.Render(reports),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>One report renders as the GX-shaped object; several as <c>{success, reports:[...]}</c>.</summary>
    public static string Json(IReadOnlyList<ValidationReport> reports)
    {
        JsonNode node = reports.Count == 1
            ? ResultJson.Report(reports[0])
            : new JsonObject
            {
                ["success"] = reports.All(r => r.Success),
                ["reports"] = new JsonArray(reports.Select(JsonNode (r) => ResultJson.Report(r)).ToArray()),
            };
        return node.ToJsonString(JsonNumbers.Indented) + "\n";
    }

    public static string Text(IReadOnlyList<ValidationReport> reports)
    {
        var sb = new StringBuilder();
        foreach (var report in reports)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"{report.SuiteName} on {report.DatasetName}");
            foreach (var r in report.Results)
                sb.AppendLine(CultureInfo.InvariantCulture, $"  {Badge(r.Status),-5} {r.Expectation.DisplayName}{Summary(r)}");
            var s = report.Statistics;
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {s.Evaluated} checks: {s.Successful} passed, {s.Warned} warned, {s.Failed} failed, {s.Errored} errors");
        }
        return sb.ToString();
    }

    public static string Markdown(IReadOnlyList<ValidationReport> reports)
    {
        var sb = new StringBuilder();
        foreach (var report in reports)
        {
            var s = report.Statistics;
            sb.AppendLine(CultureInfo.InvariantCulture, $"### {(report.Success ? "✅" : "❌")} {Escape(report.SuiteName)} · {Escape(report.DatasetName)}");
            sb.AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"{s.Evaluated} checks: {s.Successful} passed, {s.Warned} warned, {s.Failed} failed, {s.Errored} errors");
            sb.AppendLine();
            sb.AppendLine("| status | check | observed | details |");
            sb.AppendLine("|---|---|---|---|");
            // Failures and errors first: a reviewer reads the top of the table.
            foreach (var r in report.Results.OrderBy(r => r.Status switch { CheckStatus.Error => 0, CheckStatus.Failed => 1, CheckStatus.Warned => 2, _ => 3 }))
                sb.AppendLine(CultureInfo.InvariantCulture, $"| {Badge(r.Status)} | {Escape(r.Expectation.DisplayName)} | {Escape(Observed(r))} | {Escape(Detail(r))} |");
            sb.AppendLine();
        }
        return sb.ToString();
    }

    public static string Badge(CheckStatus status) => status switch
    {
        CheckStatus.Passed => "PASS",
        CheckStatus.Warned => "WARN",
        CheckStatus.Failed => "FAIL",
        _ => "ERROR",
    };

    private static string Summary(ExpectationResult r)
    {
        var detail = Detail(r);
        return detail.Length == 0 ? "" : "  — " + detail;
    }

    public static string Observed(ExpectationResult r) => r.Result.ObservedValue?.ToJsonString() ?? "";

    /// <summary>The one line a person needs: counts for map checks, observed value for aggregates, the message for errors.</summary>
    public static string Detail(ExpectationResult r)
    {
        if (r.Exception is { } e) return $"{e.Code}: {e.Message}";
        var d = r.Result;
        var parts = new List<string>();
        if (Counts(d) is { } counts)
        {
            parts.Add(counts);
            if (d.PartialUnexpectedList is { Count: > 0 } sample)
                parts.Add("e.g. " + string.Join(", ", sample.Take(5).Select(v => v?.ToJsonString() ?? "null")));
        }
        else if (d.ObservedValue is { } observed)
        {
            parts.Add("observed " + observed.ToJsonString());
        }
        if (SummaryLine(d) is { } text) parts.Add(parts.Count == 0 ? text : "· " + text);
        return string.Join(" ", parts);
    }

    /// <summary>
    /// Unexpected rows out of the rows they were counted among (non-missing, as GX's mostly is), in one
    /// wording for the CLI and test messages: <c>3 unexpected of 97 non-missing rows (3.093%), 3 missing</c>.
    /// </summary>
    public static string? Counts(ResultDetails d)
    {
        if (d.UnexpectedCount is not { } u) return null;
        var text = string.Create(CultureInfo.InvariantCulture, $"{u} unexpected of {d.ElementCount - (d.MissingCount ?? 0)} {(d.MissingCount is null ? "" : "non-missing ")}rows");
        if (d.UnexpectedPercent is { } p) text += string.Create(CultureInfo.InvariantCulture, $" ({p:0.###}%)");
        if (d.MissingCount is { } missing and > 0) text += string.Create(CultureInfo.InvariantCulture, $", {missing} missing");
        return text;
    }

    /// <summary>A check that explains its own bounds (e.g. dq_metric_within_history's range from earlier runs).</summary>
    public static string? SummaryLine(ResultDetails d) =>
        d.Details?["summary"] is System.Text.Json.Nodes.JsonValue summary && summary.TryGetValue<string>(out var text) ? text : null;

    private static string Escape(string text) => text.Replace("|", "\\|").Replace("\n", " ");
}
