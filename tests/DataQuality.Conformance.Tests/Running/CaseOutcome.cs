using DataQuality.Conformance.Tests.Fixtures;

namespace DataQuality.Conformance.Tests.Running;

public enum Verdict
{
    Passed,
    Failed,

    /// <summary>The expectation type is not in our catalog, or is distributional (comes with the profiler).</summary>
    NotSupported,

    /// <summary>Tagged for pandas/spark/other dialects: not run against a SQL engine.</summary>
    OtherBackend,
}

/// <summary>What one fixture case gave: its verdict and, unless it passed, why.</summary>
public sealed record CaseOutcome(GxCase Case, Verdict Verdict, string? Reason = null);
