using System.Text.Json.Nodes;
using DataQuality.Core.Expectations;
using DataQuality.Core.Expectations.Readers;
using FluentAssertions;
using FluentAssertions.Primitives;

namespace DataQuality.Xunit;

/// <summary>Dataset-level assertions; each is one expectation (or a whole suite) run by the engine.</summary>
public sealed class DatasetAssertions : ReferenceTypeAssertions<Dataset, DatasetAssertions>
{
    public DatasetAssertions(Dataset subject) : base(subject) { }

    protected override string Identifier => "dataset";

    public AndConstraint<DatasetAssertions> HaveUniqueValues(string column, string because = "", params object[] becauseArgs) =>
        Check("expect_column_values_to_be_unique", new JsonObject { ["column"] = column }, because, becauseArgs);

    public AndConstraint<DatasetAssertions> HaveColumn(string column, string because = "", params object[] becauseArgs) =>
        Check("expect_column_to_exist", new JsonObject { ["column"] = column }, because, becauseArgs);

    public AndConstraint<DatasetAssertions> HaveRowCountBetween(long min, long max, string because = "", params object[] becauseArgs) =>
        Check("expect_table_row_count_to_be_between", new JsonObject { ["min_value"] = min, ["max_value"] = max }, because, becauseArgs);

    /// <summary>Every check of the suite, one scan; warn-severity failures become test warnings.</summary>
    public AndConstraint<DatasetAssertions> Satisfy(ExpectationSuite suite, string because = "", params object[] becauseArgs)
    {
        AssertionRunner.Verify(Subject, suite, because, becauseArgs);
        return new AndConstraint<DatasetAssertions>(this);
    }

    /// <summary>A suite file (GX JSON or YAML), relative to the current directory.</summary>
    public AndConstraint<DatasetAssertions> Satisfy(string suitePath, string because = "", params object[] becauseArgs) =>
        Satisfy(SuiteReader.ReadFile(Path.GetFullPath(suitePath)), because, becauseArgs);

    /// <summary>
    /// The checks a contract derives for one of its models (default: the only model, or the one named
    /// like the dataset's folder), run against this dataset in one scan. Variables in SQL rules come
    /// from <paramref name="variables"/> (<c>ds=2026-02-11;...</c>), then <c>DQ_VAR_name</c>.
    /// </summary>
    public AndConstraint<DatasetAssertions> MatchContract(string contractPath, string? model = null, string? variables = null, string because = "", params object[] becauseArgs)
    {
        AssertionRunner.VerifyContract(Subject, Path.GetFullPath(contractPath), model, DataQualitySettings.FromDefaults(null, variables).Variables, because, becauseArgs);
        return new AndConstraint<DatasetAssertions>(this);
    }

    private AndConstraint<DatasetAssertions> Check(string type, JsonObject kwargs, string because, object[] becauseArgs)
    {
        AssertionRunner.Verify(Subject, AssertionRunner.Single(type, kwargs, Subject.PrimaryKey), because, becauseArgs);
        return new AndConstraint<DatasetAssertions>(this);
    }
}
