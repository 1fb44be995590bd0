using System.ComponentModel;
using System.Collections.Concurrent;
using DataQuality.Core.Checks;
using DataQuality.Core.Contracts.Running;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Expectations;
using Xunit;

namespace DataQuality.Xunit.Sdk;

/// <summary>
/// One model of a data contract as the generated test class sees it. The rows are the checks the
/// contracts engine derives for the model (a dry run at discovery: no data read); at test time the
/// whole contract runs once per test run (one scan per model), shared by every row of every model.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ContractTarget
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<(ContractRunResult? Result, DataQualityException? Error)>>> Runs = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, int> ScansByKey = new(StringComparer.Ordinal);

    public ContractTarget(string contractPath, string model)
    {
        ContractPath = contractPath;
        Model = model;
    }

    public string ContractPath { get; }

    public string Model { get; }

    /// <summary>Contract runs started in this process for one key (contract file, server, variables).</summary>
    public static int RunsFor(string key) => ScansByKey.TryGetValue(key, out var n) ? n : 0;

    public IEnumerable<ITheoryDataRow> Rows(DataQualitySettings settings)
    {
        ExpectationSuite suite;
        try
        {
            suite = Plan(settings);
        }
        catch (DataQualityException ex)
        {
            return [new TheoryDataRow<string>("") { TestDisplayName = $"{Model} · contract could not be read ({ex.Code})" }];
        }
        return SuiteRows.For(Model, suite);
    }

    /// <summary>Runs the check whose key (<see cref="Core.Checks.CheckNames.Keys"/>) a generated row carries.</summary>
    public Task AssertAsync(string key, DataQualitySettings settings)
    {
        ExpectationSuite suite;
        try
        {
            suite = Plan(settings);
        }
        catch (DataQualityException ex)
        {
            throw new CheckFailedException($"{Model}: the contract cannot be read: {ex.ToDiagnosticString()}");
        }
        var index = SuiteRows.IndexOf(Model, suite, key);
        if (index < 0) throw new CheckFailedException($"{Model}: the contract has no check '{key}' (it changed after the tests were discovered).");
        return AssertAsync(index, settings);
    }

    public async Task AssertAsync(int index, DataQualitySettings settings)
    {
        ExpectationSuite suite;
        try
        {
            suite = Plan(settings);
        }
        catch (DataQualityException ex)
        {
            throw new CheckFailedException($"{Model}: the contract cannot be read: {ex.ToDiagnosticString()}");
        }

        var display = Core.Checks.CheckNames.Name(suite.Expectations[index]);
        var key = Key(settings);
        var (result, error) = await Runs.GetOrAdd(key, k => new(() => RunAsync(k, settings))).Value.ConfigureAwait(false);
        var model = result?.Models.FirstOrDefault(m => m.Model == Model);
        var outcome = error is not null
            ? ExpectationResult.FromError(suite.Expectations[index], error.Code, error.Location is { } at ? $"{error.Message} ({at})" : error.Message)
            : model?.Report is { } report
                ? report.Results[index]
                : ExpectationResult.FromError(suite.Expectations[index], "DQ7004", $"The contract run has no results for model '{Model}'.");

        RunSummary.Record(result?.Contract.Id ?? Path.GetFileName(ContractPath), Model, model?.Dataset ?? ContractPath, display, outcome);
        CheckOutcome.Apply(display, outcome, suite.PrimaryKey);
    }

    public string Key(DataQualitySettings settings) =>
        $"{Path.GetFullPath(ContractPath)}|{settings.Server}|{string.Join(";", settings.Variables.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}"))}";

    private readonly ConcurrentDictionary<string, Lazy<ExpectationSuite>> _plans = new(StringComparer.Ordinal);

    /// <summary>The model's derived checks, planned once per settings (a dry run reads the contract, not the data).</summary>
    private ExpectationSuite Plan(DataQualitySettings settings)
    {
        try
        {
            return _plans.GetOrAdd(Key(settings), _ => new Lazy<ExpectationSuite>(() => DryRun(settings))).Value;
        }
        catch (DataQualityException)
        {
            _plans.TryRemove(Key(settings), out _);
            throw;
        }
    }

    private ExpectationSuite DryRun(DataQualitySettings settings)
    {
        var plan = ContractRunner.ValidateAsync(ContractPath, Options(settings) with { DryRun = true, Model = Model }, DataQualityResolver.Shared)
            .GetAwaiter().GetResult();
        return plan.Models.Single().Derived.Suite;
    }

    private async Task<(ContractRunResult?, DataQualityException?)> RunAsync(string key, DataQualitySettings settings)
    {
        ScansByKey.AddOrUpdate(key, 1, (_, n) => n + 1);
        try
        {
            return (await ContractRunner.ValidateAsync(ContractPath, Options(settings), DataQualityResolver.Shared, CancellationToken.None).ConfigureAwait(false), null);
        }
        catch (DataQualityException ex)
        {
            return (null, ex);
        }
    }

    private static ContractRunOptions Options(DataQualitySettings settings) => new()
    {
        Server = settings.Server,
        Variables = settings.Variables,
        // Inside dotnet test the branch's own code already runs with full rights; confining its contracts' paths protects nothing.
        ConfinePaths = false,
    };
}
