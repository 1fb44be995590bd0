using DataQuality.Core.Checks;
using DataQuality.Core.Expectations;

namespace DataQuality.Reports.Model;

public enum ReportVerdict { Passed, PassedWithWarnings, Failed }

/// <summary>
/// The top of the report: the verdict, counts by status and by severity, and every finding
/// (failed or errored checks, warnings, comparison threshold breaches) worst first, each linking to its anchor.
/// </summary>
public sealed record ReportSummary(
    ReportVerdict Verdict,
    IReadOnlyDictionary<CheckStatus, int> ByStatus,
    IReadOnlyDictionary<Severity, int> FailuresBySeverity,
    int ComparisonsPassed,
    int ComparisonsFailed,
    int ProfiledColumns,
    IReadOnlyList<Finding> Findings,
    int BenchesPassed,
    int BenchesFailed)
{
    public int Checks => ByStatus.Values.Sum();
}

/// <summary>One thing a reader should look at: <paramref name="Anchor"/> is the element it links to.</summary>
public sealed record Finding(string Anchor, CheckStatus Status, string Where, string What, string Detail);
