using DataQuality.Cli.Demo;
using DataQuality.Core.Checks;
using DataQuality.Core.Contracts.Lint;
using DataQuality.Core.Contracts.Running;
using DataQuality.Core.Datasets;

namespace DataQuality.Cli.Tests;

/// <summary>The repository's contracts/ describe the demo pipeline: they lint clean, main passes, the feature's bad status is caught.</summary>
public sealed class RepoContractsTests
{
    private static string ContractsDir()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DataQuality.sln"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("repository root"), "contracts");
    }

    public static TheoryData<string> Contracts() => new(Directory.EnumerateFiles(ContractsDir(), "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Contracts))]
    public void Contract_lints_clean(string name) =>
        ContractLinter.LintFile(Path.Combine(ContractsDir(), name)).Select(d => d.ToString()).Should().BeEmpty();

    [Fact]
    public async Task Main_passes_every_contract_and_the_feature_fails_only_orders_on_its_status()
    {
        var root = Path.Combine(Path.GetTempPath(), "dq-cli-tests", Guid.NewGuid().ToString("N"));
        DemoPipeline.Build(Path.Combine(root, "dq-demo", "main"), feature: false);
        DemoPipeline.Build(Path.Combine(root, "dq-demo", "feature"), feature: true);
        var vars = new Dictionary<string, string> { ["ds"] = DemoPipeline.Partition };
        // The contracts' paths are relative to contracts/; anchor them at a contracts/ folder beside the demo output.
        var baseDir = Path.Combine(root, "contracts");
        foreach (var file in Directory.EnumerateFiles(ContractsDir(), "*.yaml"))
        {
            foreach (var server in new[] { "main", "feature" })
            {
                var result = await ContractRunner.ValidateAsync(file, new ContractRunOptions { Server = server, Variables = vars, BaseDirectory = baseDir, AllowedPaths = [root] },
                    DatasetResolver.LocalOnly, TestContext.Current.CancellationToken);
                var bad = result.Models.SelectMany(m => m.Report!.Results).Where(r => r.Status != CheckStatus.Passed).Select(r => r.Expectation.DisplayName).ToList();
                if (server == "main" || !file.EndsWith("orders.odcs.yaml", StringComparison.Ordinal) || file.EndsWith("order_items.odcs.yaml", StringComparison.Ordinal))
                    bad.Should().BeEmpty($"{Path.GetFileName(file)} on {server}");
                else
                    bad.Should().Contain("orders · status · enum");
            }
        }
    }
}
