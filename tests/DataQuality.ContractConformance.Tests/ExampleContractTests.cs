using DataQuality.Core.Contracts.Lint;
using DataQuality.Core.Contracts.Reading;

namespace DataQuality.ContractConformance.Tests;

/// <summary>Every ODCS and DCS example contract parses, and lint finds nothing worse than warnings.</summary>
public sealed class ExampleContractTests
{
    public static TheoryData<string> Examples()
    {
        var files = Directory.EnumerateFiles(Fixtures.Examples, "*.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Fixtures.Examples, f)).Order(StringComparer.Ordinal).ToList();
        if (files.Count != 11) throw new InvalidOperationException($"Expected the 11 example contracts in {Fixtures.Examples}, found {files.Count}.");
        return new TheoryData<string>(files);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_parses_and_lints_without_errors(string relative)
    {
        var path = Path.Combine(Fixtures.Examples, relative);
        var contract = ContractLoader.Load(path);
        contract.Id.Should().NotBeNullOrEmpty();
        var errors = ContractLinter.LintFile(path).Where(d => d.Severity == LintSeverity.Error).Select(d => d.ToString()).ToList();
        errors.Should().BeEmpty();
    }

    [Fact]
    public void The_odcs_full_example_keeps_its_structure()
    {
        var contract = ContractLoader.Load(Path.Combine(Fixtures.Examples, "odcs", "full-example.odcs.yaml"));
        contract.Schemas.Should().NotBeEmpty();
        contract.Schemas.SelectMany(s => s.Properties).Should().NotBeEmpty();
        contract.Sla.Should().Contain(s => s.Property == "latency");
        contract.Schemas.SelectMany(s => s.Quality).Should().Contain(q => q.Metric == "rowCount" && q.Threshold!.Operator == "mustBeGreaterThan");
    }

    [Fact]
    public void The_dcs_orders_example_is_up_converted()
    {
        var contract = ContractLoader.Load(Path.Combine(Fixtures.Examples, "dcs", "orders-latest__datacontract.yaml"));
        contract.Standard.Should().Be(Core.Contracts.Model.ContractStandard.Dcs);
        contract.Schemas.Select(s => s.Name).Should().Contain("orders");
        contract.Servers.Should().NotBeEmpty();
        contract.Schemas.SelectMany(s => s.Quality).Should().Contain(q => q.Type == "sql");
    }
}
