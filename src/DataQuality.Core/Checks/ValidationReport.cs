namespace DataQuality.Core.Checks;

/// <summary>All results of one suite (or contract) against one dataset, in declaration order.</summary>
public sealed record ValidationReport(string SuiteName, string DatasetName, IReadOnlyList<ExpectationResult> Results)
{
    public ValidationStatistics Statistics { get; } = ValidationStatistics.From(Results);

    /// <summary>GX <c>success</c>: every error-severity expectation passed and none errored.</summary>
    public bool Success => Results.All(r => r.Status is CheckStatus.Passed or CheckStatus.Warned);

    /// <summary>No check ran (<c>expectations: []</c>): such a run proves nothing about the data.</summary>
    public bool IsEmpty => Results.Count == 0;

    /// <summary>
    /// 0 passed, 1 checks failed (or warned, when <paramref name="failOnWarn"/>); errors count as failures.
    /// A run with no checks is a failure unless <paramref name="allowEmpty"/> (<c>--allow-empty</c>):
    /// a suite emptied by mistake must not turn a gate green.
    /// </summary>
    public int ExitCode(bool failOnWarn = false, bool allowEmpty = false) =>
        (IsEmpty && !allowEmpty) || Results.Any(r => r.Status is CheckStatus.Failed or CheckStatus.Error || (failOnWarn && r.Status == CheckStatus.Warned))
            ? ExitCodes.ChecksFailed
            : ExitCodes.Passed;
}

public sealed record ValidationStatistics(int Evaluated, int Successful, int Warned, int Failed, int Errored)
{
    public double SuccessPercent => Evaluated == 0 ? 100.0 : 100.0 * Successful / Evaluated;

    public static ValidationStatistics From(IReadOnlyList<ExpectationResult> results) => new(
        results.Count,
        results.Count(r => r.Status == CheckStatus.Passed),
        results.Count(r => r.Status == CheckStatus.Warned),
        results.Count(r => r.Status == CheckStatus.Failed),
        results.Count(r => r.Status == CheckStatus.Error));
}
