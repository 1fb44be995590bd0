using DataQuality.Core.Checks;
using DataQuality.Core.Contracts.Derivation;
using DataQuality.Core.Contracts.Model;

namespace DataQuality.Core.Contracts.Running;

/// <summary>The outcome of validating a contract: one entry per model.</summary>
public sealed record ContractRunResult(DataContract Contract, string? ServerName, IReadOnlyList<ContractModelResult> Models)
{
    /// <summary>The local files the run read (the contract and its models' data), so a report is never written over one.</summary>
    public IReadOnlyList<string> InputFiles { get; init; } = [];

    /// <summary>0 passed, 1 when a check failed or errored (or warned, with <paramref name="failOnWarn"/>), or a model ran no check unless <paramref name="allowEmpty"/>; dry runs pass.</summary>
    public int ExitCode(bool failOnWarn = false, bool allowEmpty = false) =>
        Models.Any(m => m.Report is { } r && r.ExitCode(failOnWarn, allowEmpty) != ExitCodes.Passed) ? ExitCodes.ChecksFailed : ExitCodes.Passed;
}

/// <summary>
/// One model: the dataset it was read from, the derived checks, the rules listed but not executed,
/// and either the <see cref="ValidationReport"/> (a real run) or the planned SQL (a dry run).
/// </summary>
public sealed record ContractModelResult(string Model, string? Dataset, DerivedChecks Derived, ValidationReport? Report, IReadOnlyList<PlannedContractCheck> Plan);

/// <summary>A derived check as planned: its name, type, arguments and the SQL it contributes.</summary>
public sealed record PlannedContractCheck(string DisplayName, string Type, string Kwargs, string Location, string? Sql, string? Error);
