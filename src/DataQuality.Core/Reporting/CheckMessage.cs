using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DataQuality.Core.Checks;

namespace DataQuality.Core.Reporting;

/// <summary>
/// The text a failing (or warning) check shows in a test (generated rows and hand-written assertions
/// alike): what was checked, observed value, threshold, counts with the denominator <c>dq validate</c>
/// uses (<see cref="ValidationRenderer.Counts"/>), a check's own summary line, up to 10 failing rows
/// keyed by the primary key, where the check was declared, and the SQL when asked.
/// </summary>
public static class CheckMessage
{
    public const int MaxSampleRows = 10;

    public static string Format(string displayName, ExpectationResult result, IReadOnlyList<string> primaryKey, bool showSql)
    {
        var config = result.Expectation;
        var sb = new StringBuilder();
        var verdict = result.Status switch
        {
            CheckStatus.Error => "could not be evaluated",
            CheckStatus.Warned => "failed (severity warn: reported, not failing)",
            CheckStatus.Failed => "failed",
            _ => "passed",
        };
        sb.Append(CultureInfo.InvariantCulture, $"{displayName} {verdict}\n");
        sb.Append(CultureInfo.InvariantCulture, $"  check:     {config.Type}\n");
        var threshold = new JsonObject();
        foreach (var (key, value) in config.Kwargs)
        {
            if (key is "column" or "result_format" or "catch_exceptions") continue;
            threshold[key] = value?.DeepClone();
        }
        if (threshold.Count > 0) sb.Append(CultureInfo.InvariantCulture, $"  threshold: {threshold.ToJsonString()}\n");

        if (result.Exception is { } error)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  reason:    {error.Code}: {error.Message}\n");
        }
        else
        {
            var d = result.Result;
            if (d.ObservedValue is { } observed) sb.Append(CultureInfo.InvariantCulture, $"  observed:  {observed.ToJsonString()}\n");
            if (ValidationRenderer.Counts(d) is { } counts) sb.Append(CultureInfo.InvariantCulture, $"  counts:    {counts}\n");
            if (ValidationRenderer.SummaryLine(d) is { } summary) sb.Append(CultureInfo.InvariantCulture, $"  summary:   {summary}\n");
            AppendSamples(sb, d, primaryKey);
        }

        if (config.Location is { } location) sb.Append(CultureInfo.InvariantCulture, $"  declared:  {location}\n");
        if (showSql && result.Sql is { } sql) sb.Append("  sql:\n    ").Append(sql.Replace("\n", "\n    ", StringComparison.Ordinal)).Append('\n');
        else if (!showSql && result.Sql is not null && result.Status != CheckStatus.Passed) sb.Append("  (set DQ_SHOW_SQL=1 to see the SQL)\n");
        return sb.ToString().TrimEnd();
    }

    private static void AppendSamples(StringBuilder sb, ResultDetails d, IReadOnlyList<string> primaryKey)
    {
        // Keyed rows (unexpected_index_list) when the suite names a primary key; values otherwise.
        if (d.PartialUnexpectedIndexList is { Count: > 0 } keyed)
        {
            var key = primaryKey.Count > 0 ? string.Join(", ", primaryKey) : "row";
            sb.Append(CultureInfo.InvariantCulture, $"  failing rows (first {Math.Min(keyed.Count, MaxSampleRows)} of {d.UnexpectedCount ?? keyed.Count}, by {key}):\n");
            foreach (var row in keyed.Take(MaxSampleRows))
                sb.Append("    ").Append(row?.ToJsonString() ?? "null").Append('\n');
        }
        else if (d.PartialUnexpectedList is { Count: > 0 } values)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  failing values (first {Math.Min(values.Count, MaxSampleRows)}):");
            sb.Append(' ').Append(string.Join(", ", values.Take(MaxSampleRows).Select(v => v?.ToJsonString() ?? "null"))).Append('\n');
        }
    }

    /// <summary>One line for summaries: the renderer's detail (counts or observed value, or the error).</summary>
    public static string OneLine(ExpectationResult result) => ValidationRenderer.Detail(result);
}
