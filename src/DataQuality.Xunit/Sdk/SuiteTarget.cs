using System.ComponentModel;
using DataQuality.Core.Checks;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Expectations;
using DataQuality.Core.Expectations.Readers;
using Xunit;

namespace DataQuality.Xunit.Sdk;

/// <summary>
/// One expectation suite file as the generated test class sees it. The generator knows the file,
/// the model name and the dataset location at build time; the checks themselves are read here,
/// by Core, when xunit enumerates the theory data (at discovery), so the row names and the
/// engine can never disagree.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SuiteTarget
{
    private readonly Lazy<(ExpectationSuite? Suite, DataQualityException? Error)> _suite;

    public SuiteTarget(string suitePath, string model, string? dataset)
    {
        SuitePath = suitePath;
        Model = model;
        Dataset = string.IsNullOrWhiteSpace(dataset) ? null : dataset;
        _suite = new(Load);
    }

    public string SuitePath { get; }

    public string Model { get; }

    /// <summary>The dataset location as declared (may hold <c>${var}</c>, relative to the suite file or the server).</summary>
    public string? Dataset { get; }

    /// <summary>Theory rows: one per check, argument = the check's index, display name <c>orders · order_id · unique</c>, traits for filtering.</summary>
    public IEnumerable<ITheoryDataRow> Rows()
    {
        var (suite, error) = _suite.Value;
        if (suite is null)
        {
            // The file cannot be read: one row that fails with the reason, so the break is visible in the test list.
            yield return new TheoryDataRow<string>("") { TestDisplayName = $"{Model} · suite could not be read ({error!.Code})" };
            yield break;
        }

        foreach (var row in SuiteRows.For(Model, suite)) yield return row;
    }

    /// <summary>Runs the check whose key (<see cref="Core.Checks.CheckNames.Keys"/>) a generated row carries.</summary>
    public Task AssertAsync(string key, DataQualitySettings settings)
    {
        var (suite, error) = _suite.Value;
        if (suite is null) throw new CheckFailedException($"{Model}: the suite cannot be read: {error!.ToDiagnosticString()}");
        var index = SuiteRows.IndexOf(Model, suite, key);
        if (index < 0) throw new CheckFailedException($"{Model}: the suite has no check '{key}' (it changed after the tests were discovered).");
        return AssertAsync(index, settings);
    }

    /// <summary>Runs (once per dataset per test run, shared) and turns check <paramref name="index"/>'s result into pass / warning / failure.</summary>
    public async Task AssertAsync(int index, DataQualitySettings settings)
    {
        var (suite, error) = _suite.Value;
        if (suite is null) throw new CheckFailedException($"{Model}: the suite cannot be read: {error!.ToDiagnosticString()}");

        var display = Core.Checks.CheckNames.Name(suite.Expectations[index]);
        ExpectationResult result;
        string? location = null;
        try
        {
            location = ResolveLocation(settings);
            // The run's variables (DataQualityVariables, then DQ_VAR_name) give the suite's run-time parameters, as dq --var does.
            var outcome = await DatasetRuns.GetAsync(suite with { Parameters = settings.Variables }, SuitePath, location).ConfigureAwait(false);
            result = outcome.ResultFor(suite, index);
        }
        catch (DataQualityException ex)
        {
            result = ExpectationResult.FromError(suite.Expectations[index], ex.Code, ex.Location is { } at ? $"{ex.Message} ({at})" : ex.Message);
        }

        RunSummary.Record(suite.Name, Model, location ?? Dataset ?? "(no dataset)", display, result);
        CheckOutcome.Apply(display, result, suite.PrimaryKey);
    }

    /// <summary>Variables substituted; relative paths against the server root when one is set, else against the suite file's folder.</summary>
    public string ResolveLocation(DataQualitySettings settings)
    {
        if (Dataset is null)
            throw new InputException("DQ7003",
                $"Suite '{Path.GetFileName(SuitePath)}' names no dataset: add a top-level 'dataset:' (YAML), meta.dataset (GX JSON), or Dataset metadata on its ExpectationSuite item.",
                new SourceLocation(SuitePath));
        var location = settings.Substitute(Dataset, new SourceLocation(SuitePath));
        return DataPaths.Resolve(location, settings.Server is { } server ? DataPaths.Resolve(server, Path.GetDirectoryName(Path.GetFullPath(SuitePath))!) : Path.GetDirectoryName(Path.GetFullPath(SuitePath))!);
    }

    private (ExpectationSuite?, DataQualityException?) Load()
    {
        try
        {
            return (SuiteReader.ReadFile(SuitePath), null);
        }
        catch (DataQualityException ex)
        {
            return (null, ex);
        }
    }
}
