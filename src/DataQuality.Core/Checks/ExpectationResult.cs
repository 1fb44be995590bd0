using System.Text.Json.Nodes;
using DataQuality.Core.Expectations;

namespace DataQuality.Core.Checks;

/// <summary>The outcome of one expectation, in Great Expectations' vocabulary.</summary>
public sealed record ExpectationResult
{
    public required ExpectationConfig Expectation { get; init; }

    /// <summary>GX <c>success</c>: false for failures and for errors (an error is never a pass).</summary>
    public required bool Success { get; init; }

    public required CheckStatus Status { get; init; }

    public ResultDetails Result { get; init; } = new();

    /// <summary>Why the expectation could not be evaluated; null when it was.</summary>
    public ExceptionInfo? Exception { get; init; }

    /// <summary>The metric SQL behind the result, for failure messages that ask for it.</summary>
    public string? Sql { get; init; }

    public static ExpectationResult FromError(ExpectationConfig expectation, string code, string message) => new()
    {
        Expectation = expectation,
        Success = false,
        Status = CheckStatus.Error,
        Exception = new ExceptionInfo(code, message),
    };

    public static CheckStatus StatusFor(bool success, Severity severity) =>
        success ? CheckStatus.Passed : severity == Severity.Warn ? CheckStatus.Warned : CheckStatus.Failed;
}

/// <summary>GX <c>exception_info</c>: raised_exception plus our stable code and message.</summary>
public sealed record ExceptionInfo(string Code, string Message);

/// <summary>GX <c>result</c> fields. Null means "not applicable to this expectation" and is omitted from JSON.</summary>
public sealed record ResultDetails
{
    public JsonNode? ObservedValue { get; init; }
    public long? ElementCount { get; init; }
    public long? UnexpectedCount { get; init; }
    public double? UnexpectedPercent { get; init; }
    public double? UnexpectedPercentTotal { get; init; }
    public double? UnexpectedPercentNonmissing { get; init; }
    public long? MissingCount { get; init; }
    public double? MissingPercent { get; init; }
    public JsonArray? PartialUnexpectedList { get; init; }
    public JsonArray? PartialUnexpectedCounts { get; init; }
    public JsonArray? PartialUnexpectedIndexList { get; init; }
    public JsonArray? UnexpectedList { get; init; }
    public JsonArray? UnexpectedIndexList { get; init; }
    public string? UnexpectedIndexQuery { get; init; }
    public JsonObject? Details { get; init; }
}
