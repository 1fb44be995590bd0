using DataQuality.Core.Diagnostics;

namespace DataQuality.Lint;

/// <summary>One printed finding: the canonical text and whether it is an error (warnings do not fail the build).</summary>
public sealed record LintLine(string Text, bool IsError)
{
    public static LintLine From(DataQualityException ex) => new(ex.ToDiagnosticString(), true);
}
