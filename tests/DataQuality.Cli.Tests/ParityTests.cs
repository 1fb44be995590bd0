using System.Text.Json.Nodes;
using DataQuality.Cli.Demo;
using DataQuality.Core.Contracts.Reading;
using DataQuality.Core.Contracts.Running;
using DataQuality.Xunit;
using DataQuality.Xunit.Sdk;

namespace DataQuality.Cli.Tests;

/// <summary>
/// One engine, one truth: for every contract in the repository's contracts/ and every suite it ships, on the
/// demo pipeline's main and feature outputs, the generated theory rows (their targets, as generated code calls
/// them), <c>MatchContract</c> / <c>Satisfy</c> and <c>dq validate --format json</c> give the same
/// (name, status, observed value) triples.
/// </summary>
public sealed class ParityTests
{
    private static readonly SemaphoreSlim RunSummaryGate = new(1, 1);

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DataQuality.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("repository root");
    }

    [Fact]
    public async Task Rows_MatchContract_and_dq_validate_json_agree_on_every_repository_contract()
    {
        var root = Path.Combine(Path.GetTempPath(), "dq-cli-tests", Guid.NewGuid().ToString("N"));
        DemoPipeline.Build(Path.Combine(root, "dq-demo", "main"), feature: false);
        DemoPipeline.Build(Path.Combine(root, "dq-demo", "feature"), feature: true);
        // The contracts' server paths are relative to contracts/: copies beside the demo output resolve to it
        // (the temp folder is their repository: local server paths are confined to it).
        Directory.CreateDirectory(Path.Combine(root, "contracts"));
        Directory.CreateDirectory(Path.Combine(root, ".git"));
        var files = Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "contracts"), "*.yaml").Order(StringComparer.Ordinal)
            .Select(f => { var copy = Path.Combine(root, "contracts", Path.GetFileName(f)); File.Copy(f, copy); return copy; }).ToList();
        files.Should().NotBeEmpty();
        var variables = new Dictionary<string, string> { ["ds"] = DemoPipeline.Partition };
        var compared = 0;

        foreach (var file in files)
        {
            foreach (var server in new[] { "main", "feature" })
            {
                var cli = await CliRunner.RunAsync("validate", "--contract", file, "--server", server, "--var", $"ds={DemoPipeline.Partition}", "--format", "json");
                var fromCli = FromJson(JsonNode.Parse(cli.Out)!).Order().ToList();

                var settings = new DataQualitySettings(server, variables);
                var contract = ContractLoader.Load(file);
                var fromRows = new List<string>();
                var fromMatch = new List<string>();
                foreach (var schema in contract.Schemas)
                {
                    var target = new ContractTarget(file, schema.Name);
                    fromRows.AddRange(await Recorded(async () =>
                    {
                        foreach (var row in target.Rows(settings))
                        {
                            try { await target.AssertAsync((string)row.GetData()[0]!, settings); }
                            catch (CheckFailedException) { }
                        }
                    }));
                    var location = ContractRunner.Location(contract.Servers.Single(s => s.Name == server), schema, new DataQuality.Core.Settings.VariableValues(variables), Path.GetDirectoryName(file)!);
                    fromMatch.AddRange(await Recorded(() =>
                    {
                        try { Dataset.Load(location).Should().MatchContract(file, schema.Name, $"ds={DemoPipeline.Partition}"); }
                        catch (CheckFailedException) { }
                        return Task.CompletedTask;
                    }));
                }

                var what = $"{Path.GetFileName(file)} on {server}";
                fromCli.Should().NotBeEmpty(what);
                fromRows.Order().Should().Equal(fromCli, $"the generated rows of {what} must say what dq validate says");
                fromMatch.Order().Should().Equal(fromCli, $"MatchContract on {what} must say what dq validate says");
                compared += fromCli.Count;
            }
        }
        compared.Should().BeGreaterThan(20);
    }

    [Fact]
    public async Task Rows_Satisfy_and_dq_validate_json_agree_on_every_repository_suite()
    {
        var root = Path.Combine(Path.GetTempPath(), "dq-cli-tests", Guid.NewGuid().ToString("N"));
        try
        {
            DemoPipeline.Build(Path.Combine(root, "main"), feature: false);
            DemoPipeline.Build(Path.Combine(root, "feature"), feature: true);
            var suites = RepositorySuites().ToList();
            suites.Should().NotBeEmpty("the demo's suite is in the repository");
            var compared = 0;

            foreach (var file in suites)
            {
                var suite = DataQuality.Core.Expectations.Readers.SuiteReader.ReadFile(file);
                foreach (var branch in new[] { "main", "feature" })
                {
                    // The repository's suites check silver/orders (the demo's dataset); a suite naming another dataset would say so here.
                    var data = DemoPipeline.EntityPath(Path.Combine(root, branch), "silver", "orders");
                    var cli = await CliRunner.RunAsync("validate", "--suite", file, "--data", data, "--format", "json");
                    var fromCli = FromJson(JsonNode.Parse(cli.Out)!).Order().ToList();

                    var target = new SuiteTarget(file, "orders", data);
                    var fromRows = await Recorded(async () =>
                    {
                        foreach (var row in target.Rows())
                        {
                            try { await target.AssertAsync((string)row.GetData()[0]!, DataQualitySettings.Empty); }
                            catch (CheckFailedException) { }
                        }
                    });
                    var fromSatisfy = await Recorded(() =>
                    {
                        try { Dataset.Load(data).Should().Satisfy(suite); }
                        catch (CheckFailedException) { }
                        return Task.CompletedTask;
                    });

                    var what = $"{Path.GetRelativePath(RepositoryRoot(), file)} on {branch}";
                    fromCli.Should().HaveCount(suite.Expectations.Count, what);
                    fromRows.Order().Should().Equal(fromCli, $"the generated rows of {what} must say what dq validate says");
                    fromSatisfy.Order().Should().Equal(fromCli, $"Satisfy on {what} must say what dq validate says");
                    compared += fromCli.Count;
                }
            }
            compared.Should().BeGreaterThan(10);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Every suite file the repository ships (outside build output and the third-party conformance corpus).</summary>
    private static IEnumerable<string> RepositorySuites()
    {
        var root = RepositoryRoot();
        return new[] { "src", "examples", "contracts", "docs" }
            .Select(d => Path.Combine(root, d)).Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.suite.*", SearchOption.AllDirectories))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules"))
            .Order(StringComparer.Ordinal);
    }

    /// <summary>(name, status, observed value) of every result in a dq validate JSON document.</summary>
    private static IEnumerable<string> FromJson(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o when o["expectation_type"] is not null:
                yield return Triple(Name(o), o["status"]!.GetValue<string>(), o["result"]?["observed_value"]);
                break;
            case JsonObject o:
                foreach (var (_, child) in o)
                    if (child is not null)
                        foreach (var t in FromJson(child)) yield return t;
                break;
            case JsonArray a:
                foreach (var child in a)
                    if (child is not null)
                        foreach (var t in FromJson(child)) yield return t;
                break;
        }
    }

    /// <summary>
    /// The check's name in a JSON result: <c>meta.display_name</c> (contracts set it); a suite's checks carry
    /// their type and kwargs instead, read back into the name as <see cref="DataQuality.Core.Expectations.ExpectationConfig"/> forms it.
    /// </summary>
    private static string Name(JsonObject result) => new DataQuality.Core.Expectations.ExpectationConfig(
        result["expectation_type"]!.GetValue<string>(),
        (JsonObject)(result["kwargs"] ?? new JsonObject()).DeepClone(),
        Meta: (JsonObject?)result["meta"]?.DeepClone()).DisplayName;

    /// <summary>The checks the hand-written or generated path recorded in the run summary while <paramref name="run"/> ran.</summary>
    private static async Task<IEnumerable<string>> Recorded(Func<Task> run)
    {
        await RunSummaryGate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            var before = RunSummary.Snapshot().Count;
            await run();
            return RunSummary.Snapshot().Skip(before)
                .Select(c => Triple(c.Display, c.Result.Status.ToString().ToLowerInvariant(), c.Result.Result.ObservedValue)).ToList();
        }
        finally
        {
            RunSummaryGate.Release();
        }
    }

    private static string Triple(string name, string status, JsonNode? observed) =>
        $"{name} | {status} | {(observed is null ? "" : JsonNode.Parse(observed.ToJsonString())!.ToJsonString())}";
}
