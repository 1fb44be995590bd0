using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Contracts.Lint;

public enum LintSeverity
{
    Warning,
    Error,
}

/// <summary>One lint finding, printed as <c>file(line,col): error DQ1010: message</c>.</summary>
public sealed record LintDiagnostic(SourceLocation Location, LintSeverity Severity, string Code, string Message)
{
    public override string ToString() => $"{Location}: {(Severity == LintSeverity.Error ? "error" : "warning")} {Code}: {Message}";
}
