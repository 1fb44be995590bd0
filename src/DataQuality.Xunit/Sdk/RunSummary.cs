using System.ComponentModel;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using DataQuality.Core.Checks;
using DataQuality.Core.Reporting;

namespace DataQuality.Xunit.Sdk;

/// <summary>
/// Every check row that ran in this process, for the pull-request summary: per dataset
/// passed / warned / failed, failing checks first. Filled by the rows, rendered once at the end
/// of the run by <see cref="DataQualityRunReport"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RunSummary
{
    private static readonly ConcurrentQueue<RecordedCheck> Checks = new();

    public static void Record(string source, string model, string location, string display, ExpectationResult result) =>
        Checks.Enqueue(new RecordedCheck(source, model, location, display, result));

    public static IReadOnlyList<RecordedCheck> Snapshot() => Checks.ToArray();

    public static string Markdown(IReadOnlyList<RecordedCheck> checks)
    {
        var sb = new StringBuilder();
        var datasets = checks.GroupBy(c => (c.Source, c.Model, c.Location)).OrderBy(g => g.Key.Source, StringComparer.Ordinal).ThenBy(g => g.Key.Model, StringComparer.Ordinal).ToList();
        int Count(IEnumerable<RecordedCheck> cs, params CheckStatus[] statuses) => cs.Count(c => statuses.Contains(c.Result.Status));
        var failed = Count(checks, CheckStatus.Failed, CheckStatus.Error);
        sb.AppendLine(CultureInfo.InvariantCulture, $"## {(failed > 0 ? "❌" : "✅")} Data quality: {datasets.Count} datasets, {checks.Count} checks — {Count(checks, CheckStatus.Passed)} passed, {Count(checks, CheckStatus.Warned)} warned, {failed} failed");
        sb.AppendLine();
        sb.AppendLine("| dataset | model | passed | warned | failed |");
        sb.AppendLine("|---|---|---:|---:|---:|");
        foreach (var g in datasets.OrderByDescending(g => Count(g, CheckStatus.Failed, CheckStatus.Error)).ThenByDescending(g => Count(g, CheckStatus.Warned)))
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {Escape(g.Key.Source)} | {Escape(g.Key.Model)} | {Count(g, CheckStatus.Passed)} | {Count(g, CheckStatus.Warned)} | {Count(g, CheckStatus.Failed, CheckStatus.Error)} |");
        sb.AppendLine();

        var notPassed = checks.Where(c => c.Result.Status != CheckStatus.Passed)
            .OrderBy(c => c.Result.Status switch { CheckStatus.Error => 0, CheckStatus.Failed => 1, _ => 2 })
            .ThenBy(c => c.Display, StringComparer.Ordinal).ToList();
        if (notPassed.Count > 0)
        {
            sb.AppendLine("| status | check | details | dataset |");
            sb.AppendLine("|---|---|---|---|");
            foreach (var c in notPassed)
                sb.AppendLine(CultureInfo.InvariantCulture, $"| {ValidationRenderer.Badge(c.Result.Status)} | {Escape(c.Display)} | {Escape(CheckMessage.OneLine(c.Result))} | {Escape(c.Location)} |");
            sb.AppendLine();
        }
        return sb.ToString();
    }

    private static string Escape(string s) => s.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}

[EditorBrowsable(EditorBrowsableState.Never)]
public sealed record RecordedCheck(string Source, string Model, string Location, string Display, ExpectationResult Result);
