using System.Text.Json.Nodes;
using System.Text;
using DataQuality.Core.Checks;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Expectations;
using DataQuality.Core.Reporting;
using DataQuality.Xunit.Sdk;

namespace DataQuality.Xunit;

/// <summary>Runs hand-written checks as a suite (one scan) and reports them with the same outcome rules as generated rows.</summary>
internal static class AssertionRunner
{
    public static void Verify(Dataset dataset, ExpectationSuite suite, string because, object[] becauseArgs)
    {
        ValidationReport report;
        try
        {
            report = dataset.Validate(suite);
        }
        catch (DataQualityException ex)
        {
            Fail($"{dataset.Location} could not be checked: {ex.ToDiagnosticString()}", because, becauseArgs);
            return;
        }

        Report(dataset, suite, report, because, becauseArgs);
    }

    private static void Report(Dataset dataset, ExpectationSuite suite, ValidationReport report, string because, object[] becauseArgs)
    {
        var model = Path.GetFileName(dataset.Location.TrimEnd('/', '\\'));
        var failures = new StringBuilder();
        var key = suite.PrimaryKey.Count > 0 ? suite.PrimaryKey : dataset.PrimaryKey;
        for (var i = 0; i < report.Results.Count; i++)
        {
            var result = report.Results[i];
            RunSummary.Record(suite.Name, model, dataset.Location, CheckNames.Name(suite.Expectations[i]), result);
            if (result.Status == CheckStatus.Warned)
                global::Xunit.TestContext.Current.AddWarning(CheckMessage.Format(CheckNames.Name(suite.Expectations[i]), result, key, DataQualitySettings.ShowSql));
            else if (result.Status is CheckStatus.Failed or CheckStatus.Error)
                failures.Append(CheckMessage.Format(CheckNames.Name(suite.Expectations[i]), result, key, DataQualitySettings.ShowSql)).Append('\n');
        }
        if (failures.Length > 0) Fail(failures.ToString().TrimEnd(), because, becauseArgs);
    }

    /// <summary>
    /// The contract run <c>dq validate --contract</c> does (Core's <see cref="Core.Contracts.Running.ContractRunner"/>:
    /// the model as a DuckDB view named after it, typed NULLs for absent columns, the sandbox, one scan),
    /// with this dataset as the model's data, reported like a suite.
    /// </summary>
    public static void VerifyContract(Dataset dataset, string contractPath, string? model, IReadOnlyDictionary<string, string> variables, string because, object[] becauseArgs)
    {
        Core.Contracts.Running.ContractModelResult result;
        try
        {
            var contract = Core.Contracts.Reading.ContractLoader.Load(contractPath);
            var folder = Path.GetFileName(dataset.Location.TrimEnd('/', '\\'));
            var schema = model is not null
                ? contract.Schemas.FirstOrDefault(s => s.Name == model)
                : contract.Schemas.Count == 1 ? contract.Schemas[0] : contract.Schemas.FirstOrDefault(s => s.Name == folder);
            if (schema is null)
                throw new InputException("DQ7005", $"Contract '{contractPath}' has no model '{model ?? folder}' (models: {string.Join(", ", contract.Schemas.Select(s => s.Name))}); pass the model name.", contract.Location);
            var options = new Core.Contracts.Running.ContractRunOptions
            {
                Model = schema.Name,
                Variables = variables,
                Data = new Dictionary<string, Core.Datasets.DatasetRef>(StringComparer.Ordinal) { [schema.Name] = dataset.Ref },
            };
            result = Core.Contracts.Running.ContractRunner.ValidateAsync(contractPath, options, dataset.Resolver).GetAwaiter().GetResult().Models.Single();
        }
        catch (DataQualityException ex)
        {
            Fail($"{dataset.Location} could not be checked against {contractPath}: {ex.ToDiagnosticString()}", because, becauseArgs);
            return;
        }
        Report(dataset, result.Derived.Suite, result.Report!, because, becauseArgs);
    }

    /// <summary>Hand-written assertions appear in the run summary under this source name.</summary>
    public const string HandWritten = "hand-written";

    public static ExpectationSuite Single(string type, JsonObject kwargs, IReadOnlyList<string> primaryKey) =>
        new(HandWritten, [new ExpectationConfig(type, kwargs)]) { PrimaryKey = primaryKey };

    /// <summary>
    /// Throws the adapter's own assertion exception (the one generated rows throw): xunit v3 reports it
    /// as a plain assertion failure with the message only. Raising it through FluentAssertions instead
    /// would put FluentAssertions' frames (and, before 7.x, its exception type) in every failure.
    /// </summary>
    private static void Fail(string message, string because, object[] becauseArgs) =>
        throw new CheckFailedException($"Expected data checks to pass{Reason(because, becauseArgs)}, but\n{message}");

    /// <summary>FluentAssertions' convention for the optional reason: " because ..." (the word added when missing), formatted with its arguments.</summary>
    internal static string Reason(string because, object[] becauseArgs)
    {
        if (string.IsNullOrWhiteSpace(because)) return "";
        var text = becauseArgs.Length > 0 ? string.Format(System.Globalization.CultureInfo.InvariantCulture, because, becauseArgs) : because;
        text = text.Trim();
        return text.StartsWith("because ", StringComparison.OrdinalIgnoreCase) ? " " + text : " because " + text;
    }
}
