using DataQuality.Core.Checks;
using DataQuality.Core.Contracts.Running;
using DataQuality.Core.Datasets;

namespace DataQuality.ContractConformance.Tests;

/// <summary>datacontract-cli fixtures/diagnostics: a 5-row CSV with known violations and the CLI's diagnostics.</summary>
public sealed class DiagnosticsFixtureTests
{
    private static async Task<IReadOnlyList<ExpectationResult>> Results()
    {
        var result = await ContractRunner.ValidateAsync(Fixtures.CliFixture("diagnostics", "datacontract.yaml"),
            new ContractRunOptions { BaseDirectory = Fixtures.CliTests }, DatasetResolver.LocalOnly, TestContext.Current.CancellationToken);
        result.ExitCode().Should().Be(1);
        return result.Models.Single().Report!.Results;
    }

    private static ExpectationResult Check(IReadOnlyList<ExpectationResult> results, string key) =>
        results.Single(r => r.Expectation.Meta!["contract_key"]!.ToString() == key);

    [Fact]
    public async Task Max_length_of_email_fails_once_in_five_rows()
    {
        var check = Check(await Results(), "orders__email__field_max_length");
        check.Status.Should().Be(CheckStatus.Failed);
        CheckDiagnostics.From(check).Should().Be(new CheckDiagnostics("invalid_count", 1, 5, 0.2));
        check.Expectation.Kwargs["max_value"]!.GetValue<long>().Should().Be(20);
    }

    [Fact]
    public async Task Regex_of_email_fails_with_fraction_one_fifth()
    {
        var check = Check(await Results(), "orders__email__field_regex");
        check.Status.Should().Be(CheckStatus.Failed);
        CheckDiagnostics.From(check).FailedFraction.Should().Be(0.2);
    }

    [Fact]
    public async Task Minimum_and_maximum_of_amount_fail()
    {
        var results = await Results();
        Check(results, "orders__amount__field_minimum").Status.Should().Be(CheckStatus.Failed);
        CheckDiagnostics.From(Check(results, "orders__amount__field_minimum")).Value.Should().Be(1);
        Check(results, "orders__amount__field_maximum").Status.Should().Be(CheckStatus.Failed);
    }

    [Fact]
    public async Task Unique_order_id_fails_with_one_duplicate()
    {
        var check = Check(await Results(), "orders__order_id__field_unique");
        check.Status.Should().Be(CheckStatus.Failed);
        CheckDiagnostics.From(check).Should().Be(new CheckDiagnostics("duplicate_count", 1, 5, 0.2));
    }

    [Fact]
    public async Task Required_email_passes_with_zero_missing()
    {
        var check = Check(await Results(), "orders__email__field_required");
        check.Status.Should().Be(CheckStatus.Passed);
        CheckDiagnostics.From(check).Should().Be(new CheckDiagnostics("missing_count", 0, 5, 0));
    }

    [Fact]
    public async Task Exactly_the_listed_checks_fail()
    {
        var failed = (await Results()).Where(r => r.Status != CheckStatus.Passed).Select(r => r.Expectation.Meta!["contract_key"]!.ToString()).ToList();
        failed.Should().BeEquivalentTo(
            "orders__email__field_max_length", "orders__email__field_regex", "orders__amount__field_minimum",
            "orders__amount__field_maximum", "orders__order_id__field_unique");
    }
}
