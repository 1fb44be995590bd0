using DataQuality.Core.Checks;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Expectations;
using DataQuality.Core.Expectations.Readers;
using System.Text.Json.Nodes;
using Xunit;

namespace DataQuality.Xunit;

/// <summary>
/// One expectation suite file as the generated test class sees it. The generator knows the file,
/// the model name and the dataset location at build time; the checks themselves are read here,
/// by Core, when xunit enumerates the theory data (at discovery), so the row names and the
/// engine can never disagree.
/// </summary>
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
            yield return new TheoryDataRow<int>(-1) { TestDisplayName = $"{Model} · suite could not be read ({error!.Code})" };
            yield break;
        }

        var names = CheckNames.DisplayAll(Model, suite.Expectations);
        for (var i = 0; i < suite.Expectations.Count; i++)
        {
            var config = suite.Expectations[i];
            var traits = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
            void Add(string name, string? value)
            {
                if (string.IsNullOrWhiteSpace(value)) return;
                if (!traits.TryGetValue(name, out var set)) traits[name] = set = new HashSet<string>(StringComparer.Ordinal);
                set.Add(value);
            }
            Add("model", Model);
            Add("column", config.Column);
            Add("expectation", ExpectationCatalog.Normalize(config.Type));
            Add("severity", config.Severity.ToString().ToLowerInvariant());
            Add("dimension", MetaString(config.Meta, "dimension"));
            foreach (var tag in MetaStrings(config.Meta, "tags")) Add("tag", tag);
            yield return new TheoryDataRow<int>(i) { TestDisplayName = names[i], Traits = traits };
        }
    }

    /// <summary>Runs (once per dataset per test run, shared) and turns check <paramref name="index"/>'s result into pass / warning / failure.</summary>
    public async Task AssertAsync(int index, DataQualitySettings settings)
    {
        var (suite, error) = _suite.Value;
        if (suite is null) throw new CheckFailedException($"{Model}: the suite cannot be read: {error!.ToDiagnosticString()}");

        var display = CheckNames.DisplayAll(Model, suite.Expectations)[index];
        ExpectationResult result;
        string? location = null;
        try
        {
            location = ResolveLocation(settings);
            var outcome = await DatasetRuns.GetAsync(suite, SuitePath, location).ConfigureAwait(false);
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

    private static string? MetaString(JsonObject? meta, string key) =>
        meta?[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static IEnumerable<string> MetaStrings(JsonObject? meta, string key) => meta?[key] switch
    {
        JsonArray array => array.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : v.ToJsonString()),
        JsonValue value when value.TryGetValue<string>(out var s) => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        _ => [],
    };
}
