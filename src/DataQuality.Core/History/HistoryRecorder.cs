using DataQuality.Core.Checks;

namespace DataQuality.Core.History;

/// <summary>Turns a validation report into the run record appended to the history.</summary>
public static class HistoryRecorder
{
    public const string SuiteKind = "suite";
    public const string ContractKind = "contract";

    public static HistoryRun ToRun(ValidationReport report, string sourceKind, string dataset, DateTime? timeUtc = null)
    {
        var time = timeUtc ?? DateTime.UtcNow;
        var keys = HistoryKeys.For(report.Results.Select(r => r.Expectation).ToList());
        var checks = report.Results.Select((r, i) => new HistoryCheck(
            keys[i],
            r.Expectation.Type,
            r.Expectation.Column,
            r.Result.ObservedValue?.DeepClone(),
            r.Result.ElementCount,
            r.Result.UnexpectedCount,
            r.Status.ToString().ToLowerInvariant())).ToList();
        return new HistoryRun(HistoryRun.NewRunId(time), time, sourceKind, report.SuiteName, dataset, checks);
    }
}
