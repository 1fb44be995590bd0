using DataQuality.Core.Checks;
using DataQuality.Core.Contracts.Running;
using DataQuality.Core.Datasets;
using DataQuality.Core.Expectations.Readers;
using DataQuality.Core.Profiling;
using DataQuality.Core.Tests.Contracts;

namespace DataQuality.Core.Tests.Distributional;

/// <summary>
/// Profile a Parquet file with the real profiler, save the profile JSON, then validate a YAML suite
/// and an ODCS contract that use drift against it: unchanged data passes, shifted data fails.
/// </summary>
public sealed class DistributionDriftEndToEndTests
{
    // 5000 rows: amount uniform-ish over [0, 100), status 3 values 60/30/10 %.
    private const string Original = "SELECT (i * 37 % 5000) / 50.0 AS amount, CASE WHEN i % 10 < 6 THEN 'placed' WHEN i % 10 < 9 THEN 'shipped' ELSE 'lost' END AS status FROM range(5000) r(i)";

    // Same shape, amount shifted up by 30 and status mostly 'lost'.
    private const string Shifted = "SELECT (i * 37 % 5000) / 50.0 + 30 AS amount, CASE WHEN i % 10 < 2 THEN 'placed' WHEN i % 10 < 4 THEN 'shipped' ELSE 'lost' END AS status FROM range(5000) r(i)";

    private static async Task<ContractWorkspace> WorkspaceWithReferenceAsync()
    {
        var ws = new ContractWorkspace();
        var file = ws.Parquet("orders", Original);
        var profile = await ParquetProfiler.ProfileFileAsync(file, cancellationToken: TestContext.Current.CancellationToken);
        Directory.CreateDirectory(Path.Combine(ws.Path, "profiles"));
        await ProfileJson.WriteAsync(profile, Path.Combine(ws.Path, "profiles", "orders.json"), TestContext.Current.CancellationToken);
        return ws;
    }

    private const string Suite = """
        suite: drift
        expectations:
          - type: dq_column_distribution_drift
            column: amount
            reference_profile: profiles/orders.json
            method: psi
            threshold: 0.1
          - type: dq_column_distribution_drift
            column: amount
            reference_profile: profiles/orders.json
            method: ks
            threshold: 0.05
          - type: dq_column_distribution_drift
            column: status
            reference_profile: profiles/orders.json
            threshold: 0.1
        """;

    private static async Task<ValidationReport> ValidateSuiteAsync(ContractWorkspace ws)
    {
        var suitePath = Path.Combine(ws.Path, "suite.yaml");
        await File.WriteAllTextAsync(suitePath, Suite, TestContext.Current.CancellationToken);
        var suite = SuiteReader.ReadFile(suitePath);
        return await new DatasetValidator().ValidateAsync(suite, DatasetRef.Parse(Path.Combine(ws.Path, "data", "orders.parquet")), cancellationToken: TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Suite_passes_on_the_profiled_data_and_fails_after_a_shift()
    {
        using var ws = await WorkspaceWithReferenceAsync();

        var same = await ValidateSuiteAsync(ws);
        same.Results.Select(r => r.Status).Should().AllBeEquivalentTo(CheckStatus.Passed, string.Join("; ", same.Results.Select(r => r.Exception?.Message ?? r.Result.ObservedValue?.ToJsonString())));
        same.Results[0].Result.ObservedValue!.GetValue<double>().Should().BeLessThan(0.01);
        same.Results[1].Result.ObservedValue!.GetValue<double>().Should().BeLessThan(0.02);
        same.Results[2].Result.ObservedValue!.GetValue<double>().Should().BeLessThan(1e-9);

        ws.Parquet("orders", Shifted);
        var shifted = await ValidateSuiteAsync(ws);
        shifted.Results.Select(r => r.Status).Should().AllBeEquivalentTo(CheckStatus.Failed);
        shifted.Results[0].Result.ObservedValue!.GetValue<double>().Should().BeGreaterThan(0.25);
        // A 30 % shift of a uniform [0, 100) moves the CDF by 0.3 at most.
        shifted.Results[1].Result.ObservedValue!.GetValue<double>().Should().BeApproximately(0.3, 0.02);
        shifted.Results[2].Result.Details!["current_shares"]!.AsArray().Count.Should().Be(4, "three reference values plus 'other'");
    }

    [Fact]
    public async Task Contract_quality_rule_distributionDrift_passes_then_fails()
    {
        using var ws = await WorkspaceWithReferenceAsync();
        var contract = ws.Contract("""
            apiVersion: v3.1.0
            kind: DataContract
            id: t
            version: 1.0.0
            status: active
            servers:
              - server: local
                type: local
                format: parquet
                path: data/{model}.parquet
            schema:
              - name: orders
                properties:
                  - name: amount
                    logicalType: number
                    quality:
                      - metric: distributionDrift
                        arguments:
                          referenceProfile: profiles/orders.json
                          method: psi
                        mustBeLessThan: 0.1
            """);

        var drift = (await ws.RunAsync(contract)).Models.SelectMany(m => m.Report!.Results).Single(r => r.Expectation.Type == "dq_column_distribution_drift");
        drift.Status.Should().Be(CheckStatus.Passed, drift.Exception?.Message);

        ws.Parquet("orders", Shifted);
        drift = (await ws.RunAsync(contract)).Models.SelectMany(m => m.Report!.Results).Single(r => r.Expectation.Type == "dq_column_distribution_drift");
        drift.Status.Should().Be(CheckStatus.Failed);
        drift.Result.Details!["threshold"]!.GetValue<string>().Should().Be("< 0.1");
    }

    [Fact]
    public async Task Bad_reference_inputs_are_typed_errors()
    {
        using var ws = await WorkspaceWithReferenceAsync();
        var suitePath = Path.Combine(ws.Path, "bad.yaml");
        await File.WriteAllTextAsync(suitePath, """
            expectations:
              - type: dq_column_distribution_drift
                column: amount
                reference_profile: profiles/missing.json
                threshold: 0.1
              - type: dq_column_distribution_drift
                column: status
                reference_profile: profiles/orders.json
                method: ks
                threshold: 0.1
              - type: dq_column_distribution_drift
                column: amount
                reference_profile: profiles/orders.json
                method: wasserstein
                threshold: 0.1
            """, TestContext.Current.CancellationToken);
        var report = await new DatasetValidator().ValidateAsync(SuiteReader.ReadFile(suitePath), DatasetRef.Parse(Path.Combine(ws.Path, "data", "orders.parquet")), cancellationToken: TestContext.Current.CancellationToken);

        report.Results.Select(r => r.Status).Should().AllBeEquivalentTo(CheckStatus.Error);
        report.Results[0].Exception!.Message.Should().Contain("missing.json");
        report.Results[1].Exception!.Code.Should().Be("DQ5512");
        report.Results[2].Exception!.Code.Should().Be("DQ5510");
    }
}
