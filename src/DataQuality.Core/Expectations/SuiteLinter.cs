using DataQuality.Core.Diagnostics;
using DataQuality.Core.Expectations.Arguments;
using DataQuality.Core.Expectations.Readers;

namespace DataQuality.Core.Expectations;

/// <summary>
/// What can be known about a suite without its data, in one place for <c>dq lint</c> and the build's
/// lint step: it parses (DQ1000, DQ4005-DQ4007, DQ4004), names known expectations (DQ4001) and gives
/// each only the arguments it declares, of the declared kinds (DQ4110, DQ4101, DQ4102). Column names
/// and comparisons with column types need the data and stay run-time errors.
/// </summary>
public static class SuiteLinter
{
    public static IReadOnlyList<DataQualityException> LintFile(string path)
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
        return Lint(suite, path);
    }

    public static IReadOnlyList<DataQualityException> Lint(ExpectationSuite suite, string path)
    {
        var problems = new List<DataQualityException>();
        foreach (var config in suite.Expectations)
        {
            var located = config.Location is null ? config with { Location = new SourceLocation(path) } : config;
            try
            {
                problems.AddRange(ExpectationArguments.Problems(located, ExpectationCatalog.Get(config.Type, located.Location)));
            }
            catch (DataQualityException ex)
            {
                problems.Add(ex);
            }
        }
        return problems;
    }

    /// <summary>
    /// Whether a file holds a suite rather than a contract: GX JSON, or YAML whose top level has an
    /// <c>expectations</c> list (contracts have <c>schema</c>, <c>models</c> or an <c>apiVersion</c>).
    /// </summary>
    public static bool IsSuiteFile(string path)
    {
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) return true;
        if (!File.Exists(path)) return false;
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("expectations:", StringComparison.Ordinal)) return true;
            if (line.StartsWith("schema:", StringComparison.Ordinal) || line.StartsWith("models:", StringComparison.Ordinal)
                || line.StartsWith("apiVersion:", StringComparison.Ordinal) || line.StartsWith("dataContractSpecification:", StringComparison.Ordinal))
                return false;
        }
        return false;
    }
}
