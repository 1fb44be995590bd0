using DataQuality.Core.Contracts.Model;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Expectations;

namespace DataQuality.Core.Contracts.Derivation;

/// <summary>
/// What one contract model compiles to: an expectation suite for the engine (one scan per dataset)
/// and the rules that are listed but not executed (text, custom, rules without an operator).
/// </summary>
public sealed record DerivedChecks(ContractSchema Schema, ExpectationSuite Suite, IReadOnlyList<NotExecutedRule> NotExecuted);

/// <summary>A rule the engine does not run, with the reason; never counted as passed.</summary>
public sealed record NotExecutedRule(string DisplayName, string Reason, SourceLocation Location);
