using System.Text.Json.Nodes;
using DataQuality.Cli.Demo;
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
        var files = Directory.EnumerateFiles(Path.Combine(ParityComparison.RepositoryRoot(), "contracts"), "*.yaml").Order(StringComparer.Ordinal)
            .Select(f => { var copy = Path.Combine(root, "contracts", Path.GetFileName(f)); File.Copy(f, copy); return copy; }).ToList();
        files.Should().NotBeEmpty();
        var variables = new Dictionary<string, string> { ["ds"] = DemoPipeline.Partition };
        var compared = 0;

        foreach (var file in files)
        {
            foreach (var server in new[] { "main", "feature" })
            {
                var (fromCli, fromRows, fromMatch) = await ParityComparison.Contract(file, server, variables);
                var what = $"{Path.GetFileName(file)} on {server}";
                fromCli.Should().NotBeEmpty(what);
                fromRows.Should().Equal(fromCli, $"the generated rows of {what} must say what dq validate says");
                fromMatch.Should().Equal(fromCli, $"MatchContract on {what} must say what dq validate says");
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
                    var fromCli = ParityComparison.FromJson(JsonNode.Parse(cli.Out)!).Order().ToList();

                    var target = new SuiteTarget(file, "orders", data);
                    var fromRows = await ParityComparison.Recorded(async () =>
                    {
                        foreach (var row in target.Rows())
                        {
                            try { await target.AssertAsync((string)row.GetData()[0]!, DataQualitySettings.Empty); }
                            catch (CheckFailedException) { }
                        }
                    });
                    var fromSatisfy = await ParityComparison.Recorded(() =>
                    {
                        try { Dataset.Load(data).Should().Satisfy(suite); }
                        catch (CheckFailedException) { }
                        return Task.CompletedTask;
                    });

                    var what = $"{Path.GetRelativePath(ParityComparison.RepositoryRoot(), file)} on {branch}";
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
        var root = ParityComparison.RepositoryRoot();
        return new[] { "src", "examples", "contracts", "docs" }
            .Select(d => Path.Combine(root, d)).Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.suite.*", SearchOption.AllDirectories))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules"))
            .Order(StringComparer.Ordinal);
    }
}
