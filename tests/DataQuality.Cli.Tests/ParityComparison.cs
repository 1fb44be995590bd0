using System.Text.Json.Nodes;
using DataQuality.Core.Contracts.Reading;
using DataQuality.Core.Contracts.Running;
using DataQuality.Xunit;
using DataQuality.Xunit.Sdk;

namespace DataQuality.Cli.Tests;

/// <summary>
/// The three front ends of one contract run side by side, reduced to (name, status, observed value) triples:
/// <c>dq validate --format json</c>, the generated theory rows (their <see cref="ContractTarget"/>, as generated
/// code calls it) and <c>MatchContract</c>. Shared by the repository's and the conformance corpus's parity tests.
/// </summary>
internal static class ParityComparison
{
    // The run summary is process-wide; one recording at a time keeps each front end's triples apart.
    private static readonly SemaphoreSlim RunSummaryGate = new(1, 1);

    public sealed record ContractTriples(IReadOnlyList<string> FromCli, IReadOnlyList<string> FromRows, IReadOnlyList<string> FromMatch);

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DataQuality.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("repository root");
    }

    /// <summary>Runs <paramref name="file"/> on <paramref name="server"/> through all three front ends; each list is sorted.</summary>
    public static async Task<ContractTriples> Contract(string file, string server, IReadOnlyDictionary<string, string> variables)
    {
        var varArgs = variables.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}").ToArray();
        var cli = await CliRunner.RunAsync(["validate", "--contract", file, "--server", server, .. varArgs.SelectMany(v => new[] { "--var", v }), "--format", "json"]);
        cli.ExitCode.Should().BeOneOf([0, 1], $"dq validate must run {Path.GetFileName(file)} on {server}: {cli.Error}");
        var fromCli = FromJson(JsonNode.Parse(cli.Out)!).Order(StringComparer.Ordinal).ToList();

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
            var location = ContractRunner.Location(contract.Servers.Single(s => s.Name == server), schema, new Core.Settings.VariableValues(variables), Path.GetDirectoryName(file)!);
            fromMatch.AddRange(await Recorded(() =>
            {
                try { Dataset.Load(location).Should().MatchContract(file, schema.Name, varArgs.Length == 0 ? null : string.Join(";", varArgs)); }
                catch (CheckFailedException) { }
                return Task.CompletedTask;
            }));
        }
        return new(fromCli, fromRows.Order(StringComparer.Ordinal).ToList(), fromMatch.Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>(name, status, observed value) of every result in a dq validate JSON document.</summary>
    public static IEnumerable<string> FromJson(JsonNode node)
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
    /// their type and kwargs instead, read back into the name as <see cref="Core.Expectations.ExpectationConfig"/> forms it.
    /// </summary>
    private static string Name(JsonObject result) => new Core.Expectations.ExpectationConfig(
        result["expectation_type"]!.GetValue<string>(),
        (JsonObject)(result["kwargs"] ?? new JsonObject()).DeepClone(),
        Meta: (JsonObject?)result["meta"]?.DeepClone()).DisplayName;

    /// <summary>The checks the hand-written or generated path recorded in the run summary while <paramref name="run"/> ran.</summary>
    public static async Task<IEnumerable<string>> Recorded(Func<Task> run)
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
