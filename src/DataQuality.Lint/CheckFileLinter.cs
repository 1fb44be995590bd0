using DataQuality.Core.Contracts.Lint;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Expectations;

namespace DataQuality.Lint;

/// <summary>
/// What the build checks before compiling generated tests: Core's suite linter (parse errors, unknown
/// expectations, unknown or mistyped arguments) and Core's contract linter, the same checks and
/// positions as <c>dq lint</c>.
/// </summary>
public static class CheckFileLinter
{
    public static IReadOnlyList<DataQualityException> LintSuite(string path) => SuiteLinter.LintFile(path);

    /// <summary>The contracts engine's own linter (same codes and positions as <c>dq lint</c>); warnings stay warnings.</summary>
    public static IReadOnlyList<LintLine> LintContract(string path) =>
        ContractLinter.LintFile(path).Select(d => new LintLine(d.ToString(), d.Severity == LintSeverity.Error)).ToList();
}
