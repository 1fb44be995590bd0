using DataQuality.Core.Comparison;

namespace DataQuality.Core.Benchmarking;

/// <summary>What a bench run produced: its context, every run, the runtime per branch and the comparison.</summary>
public sealed record BenchResult(
    BenchContext Context,
    IReadOnlyList<RunMeasurement> Runs,
    RuntimeSummary Base,
    RuntimeSummary Head,
    ComparisonReport? Comparison,
    RestoreOutcome? Restore)
{
    /// <summary>head p50 / base p50 (NaN when either branch has no successful run).</summary>
    public double RatioP50 => Head.P50 / Base.P50;

    public double RatioP95 => Head.P95 / Base.P95;

    /// <summary>Every measured or warm-up run that failed, in order.</summary>
    public IReadOnlyList<RunMeasurement> Failures => Runs.Where(r => !r.Succeeded).ToList();

    /// <summary>1 when a branch's pipeline failed, else the comparison's (thresholds), as <c>dq compare</c>.</summary>
    public int ExitCode => Failures.Count > 0 ? ExitCodes.ChecksFailed : Comparison?.Verdict.ExitCode ?? ExitCodes.ChecksFailed;
}

/// <summary>What <c>--restore</c> did: objects put back and whether they are byte-identical to before.</summary>
public sealed record RestoreOutcome(int Objects, bool Identical, IReadOnlyList<string> Differences);
