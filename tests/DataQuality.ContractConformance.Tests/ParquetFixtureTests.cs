using DataQuality.Core.Checks;
using DataQuality.Core.Contracts.Running;
using DataQuality.Core.Datasets;

namespace DataQuality.ContractConformance.Tests;

/// <summary>datacontract-cli tests/test_test_parquet.py: the combined file and every per-type fixture.</summary>
public sealed class ParquetFixtureTests
{
    private static Task<ContractRunResult> Run(string contract, string? server = null) =>
        ContractRunner.ValidateAsync(Fixtures.CliFixture("parquet", contract),
            new ContractRunOptions { BaseDirectory = Fixtures.CliTests, Server = server }, DatasetResolver.LocalOnly, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Combined_parquet_gives_exactly_24_checks_all_passing()
    {
        var result = await Run("datacontract.yaml");
        var report = result.Models.Should().ContainSingle().Subject.Report!;
        var summary = string.Join("\n", report.Results.Select(r => $"{r.Expectation.DisplayName}: {r.Status} {r.Exception?.Message} {r.Result.ObservedValue?.ToJsonString()}"));
        TestContext.Current.SendDiagnosticMessage(summary);
        report.Results.Should().HaveCount(24, summary);
        report.Results.Should().OnlyContain(r => r.Status == CheckStatus.Passed, summary);
        result.ExitCode().Should().Be(0);
    }

    [Theory]
    [InlineData("datacontract_array.yaml")]
    [InlineData("datacontract_bigint.yaml")]
    [InlineData("datacontract_binary.yaml")]
    [InlineData("datacontract_boolean.yaml")]
    [InlineData("datacontract_date.yaml")]
    [InlineData("datacontract_decimal.yaml")]
    [InlineData("datacontract_double.yaml")]
    [InlineData("datacontract_float.yaml")]
    [InlineData("datacontract_integer.yaml")]
    [InlineData("datacontract_map.yaml")]
    [InlineData("datacontract_string.yaml")]
    [InlineData("datacontract_struct.yaml")]
    [InlineData("datacontract_timestamp.yaml")]
    [InlineData("datacontract_timestamp_ntz.yaml")]
    [InlineData("datacontract_number_no_precision.odcs.yaml")]
    public async Task Per_type_fixture_passes(string contract)
    {
        var result = await Run(contract);
        var results = result.Models.SelectMany(m => m.Report!.Results).ToList();
        var summary = string.Join("\n", results.Select(r => $"{r.Expectation.DisplayName}: {r.Status} {r.Exception?.Message} {r.Result.ObservedValue?.ToJsonString()}"));
        results.Should().NotBeEmpty();
        results.Should().OnlyContain(r => r.Status == CheckStatus.Passed, summary);
        result.ExitCode().Should().Be(0);
    }

    [Fact]
    public async Task Invalid_logical_types_fixture_fails_on_the_wrong_types()
    {
        var result = await Run("datacontract_invalid_logical_types_example.yaml");
        var results = result.Models.SelectMany(m => m.Report!.Results).ToList();
        result.ExitCode().Should().Be(1);
        results.Where(r => r.Status != CheckStatus.Passed).Should().NotBeEmpty();
    }
}
