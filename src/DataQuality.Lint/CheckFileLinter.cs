using DataQuality.Core.Contracts.Lint;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Expectations;
using DataQuality.Core.Expectations.Readers;

namespace DataQuality.Lint;

/// <summary>
/// What the build checks before compiling generated tests: every suite parses (DQ1000 YAML,
/// DQ4005 JSON, DQ4006/DQ4007 structure, DQ4004 severity) and names only known expectations
/// (DQ4001), with the positions the suite readers report. Kwarg and column checks need the
/// data's schema and stay test-time errors.
/// </summary>
public static class CheckFileLinter
{
    public static IReadOnlyList<DataQualityException> LintSuite(string path)
    {
        ExpectationSuite suite;
        try
        {
            suite = SuiteReader.ReadFile(path);
        }
        catch (DataQualityException ex)
        {
            return [ex];
        }

        var problems = new List<DataQualityException>();
        foreach (var config in suite.Expectations)
        {
            try
            {
                ExpectationCatalog.Get(config.Type, config.Location ?? new SourceLocation(path));
            }
            catch (DataQualityException ex)
            {
                problems.Add(ex);
            }
        }
        return problems;
    }

    /// <summary>The contracts engine's own linter (same codes and positions as <c>dq lint</c>); warnings stay warnings.</summary>
    public static IReadOnlyList<LintLine> LintContract(string path) =>
        ContractLinter.LintFile(path).Select(d => new LintLine(d.ToString(), d.Severity == LintSeverity.Error)).ToList();
}
