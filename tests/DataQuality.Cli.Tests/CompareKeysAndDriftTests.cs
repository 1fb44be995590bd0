using DataQuality.Cli.Demo;
using DataQuality.Cli.Tests.TestSupport;
using DataQuality.Core;

namespace DataQuality.Cli.Tests;

/// <summary><c>dq compare --keys-from</c> with the repository's contracts on the demo pipeline, and <c>--max-drift-psi</c>.</summary>
public sealed class CompareKeysAndDriftTests
{
    private static string RepoContracts()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DataQuality.sln"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("repository root"), "contracts");
    }

    [Fact]
    public async Task Keys_from_the_repository_contracts_key_all_four_demo_entities()
    {
        using var dir = new TempDirectory();
        DemoPipeline.Build(dir.Combine("dq-demo", "main"), feature: false);
        DemoPipeline.Build(dir.Combine("dq-demo", "feature"), feature: true);

        var run = await CliRunner.RunAsync("compare", "--base", dir.Combine("dq-demo", "main"), "--head", dir.Combine("dq-demo", "feature"),
            "--keys-from", RepoContracts() + Path.DirectorySeparatorChar);

        run.ExitCode.Should().Be(ExitCodes.Passed, run.Error);
        run.Out.Should().Contain("## bronze/customers").And.Contain("### Keys: `customer_id`")
            .And.Contain("### Keys: `country`, `ds`")
            .And.Contain("### Keys: `order_id`, `line_no`")
            .And.Contain("### Keys: `order_id`\n")
            .And.NotContain("no key: matched as whole rows");
        run.Out.Should().Contain("### Drift").And.Contain("| status | string |");

        // --key overrides the contract's key for that entity only.
        var overridden = await CliRunner.RunAsync("compare", "--base", dir.Combine("dq-demo", "main"), "--head", dir.Combine("dq-demo", "feature"),
            "--keys-from", RepoContracts(), "--key", "daily_sales=country");
        overridden.Out.Should().Contain("### Keys: `country`\n").And.Contain("### Keys: `order_id`, `line_no`");
    }

    [Fact]
    public async Task Drift_threshold_fails_the_verdict_and_names_the_column()
    {
        using var t = new CompareTrees()
            .Write("base", "silver/readings/ds=2026-01-01/p.parquet", "SELECT i::BIGINT AS id, (i % 100)::DOUBLE AS v FROM range(0, 1000) t(i)")
            .Write("head", "silver/readings/ds=2026-01-01/p.parquet", "SELECT i::BIGINT AS id, (i % 100 + 50)::DOUBLE AS v FROM range(0, 1000) t(i)");

        var run = await CliRunner.RunAsync("compare", "--base", t.Base, "--head", t.Head, "--key", "readings=id", "--max-drift-psi", "0.2");

        run.ExitCode.Should().Be(ExitCodes.ChecksFailed);
        run.Error.Should().MatchRegex(@"silver/readings: threshold max-drift-psi breached: v: PSI \d+\.\d{4} \(limit 0\.2000\)");
        run.Error.Should().NotContain("id: PSI");
        run.Out.Should().Contain("| v | numeric |");

        (await CliRunner.RunAsync("compare", "--base", t.Base, "--head", t.Head, "--max-drift-psi", "-1")).ExitCode.Should().Be(ExitCodes.UsageOrInputError);
        var noProfile = await CliRunner.RunAsync("compare", "--base", t.Base, "--head", t.Head, "--max-drift-psi", "0.2", "--no-profile");
        noProfile.ExitCode.Should().Be(ExitCodes.UsageOrInputError);
        noProfile.Error.Should().Contain("DQ6005");
        (await CliRunner.RunAsync("compare", "--base", t.Base, "--head", t.Head, "--max-drift-psi", "0.2", "--no-drift")).ExitCode.Should().Be(ExitCodes.UsageOrInputError);
        var withoutDrift = await CliRunner.RunAsync("compare", "--base", t.Base, "--head", t.Head, "--no-drift");
        withoutDrift.ExitCode.Should().Be(ExitCodes.Passed, withoutDrift.Error);
        withoutDrift.Out.Should().Contain("### Profile").And.NotContain("### Drift");
        var missing = await CliRunner.RunAsync("compare", "--base", t.Base, "--head", t.Head, "--keys-from", t.Combine("no-such-contracts"));
        missing.ExitCode.Should().Be(ExitCodes.UsageOrInputError);
        missing.Error.Should().Contain("DQ6013");
    }
}
