using System.Globalization;
using System.Text;
using DataQuality.Core.Snapshots;

namespace DataQuality.Core.Benchmarking;

/// <summary>
/// The bench report for a pull request: context, runtime per branch, failed runs with their stderr tail,
/// then the comparison exactly as <c>dq compare</c> renders it. <see cref="Render"/> with
/// <c>snapshot: true</c> is the approval-snapshot form: timings, ids and commits vary from run to run, so
/// it keeps only what a reviewer approves (branches, runs succeeded, the comparison), scrubbed.
/// </summary>
public static class BenchMarkdown
{
    public static string Render(BenchResult result, bool snapshot = false)
    {
        var c = result.Context;
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# Bench {(snapshot ? "{bench}" : c.BenchId)}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"- partition: `{string.Join(", ", c.Partition)}`; client `{c.Client}`, env `{c.Env}`\n");
        md.Append(CultureInfo.InvariantCulture, $"- base: `{c.Base.Branch}`{(snapshot ? "" : $" @ `{Short(c.Base.Commit)}`")}; head: `{c.Head.Branch}`{(snapshot ? "" : $" @ `{Short(c.Head.Commit)}`")}\n");
        if (!snapshot)
        {
            md.Append(CultureInfo.InvariantCulture, $"- command: `{c.Command}`\n");
            md.Append(CultureInfo.InvariantCulture, $"- machine: {c.Cores} cores, {c.MemoryBytes / (1024.0 * 1024 * 1024):0.#} GiB; dq {c.DqVersion}\n");
        }
        md.Append('\n');

        md.Append("## Runtime\n\n");
        if (snapshot)
        {
            md.Append(CultureInfo.InvariantCulture, $"| branch | runs | succeeded |\n|---|---:|---:|\n| base | {result.Base.Runs} | {result.Base.Succeeded} |\n| head | {result.Head.Runs} | {result.Head.Succeeded} |\n\n");
            md.Append("Timings vary from run to run and are not part of the approved snapshot; see the bench report.\n\n");
        }
        else
        {
            md.Append("| branch | runs | ok | p50 s | p95 s | min s | max s | CPU p50 s | peak RSS | cost/run |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            Row(md, "base", result.Base);
            Row(md, "head", result.Head);
            md.Append(CultureInfo.InvariantCulture, $"\nhead/base: p50 **{Ratio(result.RatioP50)}**, p95 **{Ratio(result.RatioP95)}**");
            if (result.Base.Runs < 5) md.Append(" (fewer than 5 runs per branch: p95 is close to the maximum; use --repeat 5 or more)");
            md.Append("\n\n![runtime](runtime.svg)\n\n");
        }
        foreach (var failed in result.Failures)
        {
            md.Append(CultureInfo.InvariantCulture, $"### {failed.Label} {(failed.WarmUp ? "warm-up" : $"run {failed.Iteration}")} failed: {(failed.TimedOut ? "timed out" : $"exit {failed.ExitCode}")}\n\n");
            if (!snapshot) md.Append("```\n").Append(failed.StderrTail.Replace("```", "'''", StringComparison.Ordinal)).Append("\n```\n\n");
        }
        if (result.Restore is { } restore)
            md.Append(CultureInfo.InvariantCulture, $"Restored {restore.Objects} object(s) of the partition: {(restore.Identical ? "byte-identical to before" : "NOT identical")}.\n\n");

        md.Append("## Comparison\n\n");
        if (result.Comparison is null) md.Append("Not compared: a branch's last run failed.\n");
        else md.Append(ComparisonMarkdown.Render(result.Comparison, new SnapshotRenderOptions { ScrubRoots = snapshot }));
        return md.ToString();
    }

    private static void Row(StringBuilder md, string label, RuntimeSummary s) =>
        md.Append(CultureInfo.InvariantCulture,
            $"| {label} | {s.Runs} | {s.Succeeded} | {Seconds(s.P50)} | {Seconds(s.P95)} | {Seconds(s.Min)} | {Seconds(s.Max)} | {Seconds(s.CpuP50)} | {s.PeakRssMax / (1024.0 * 1024):0.#} MiB | {(s.CostPerRun is { } cost ? cost.ToString("0.0000", CultureInfo.InvariantCulture) : "-")} |\n");

    private static string Seconds(double value) => double.IsFinite(value) ? value.ToString("0.000", CultureInfo.InvariantCulture) : "-";

    private static string Ratio(double value) => double.IsFinite(value) ? value.ToString("0.00x", CultureInfo.InvariantCulture) : "-";

    private static string Short(string commit) => commit.Length > 12 ? commit[..12] : commit;
}
