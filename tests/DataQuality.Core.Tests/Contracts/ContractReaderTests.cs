using DataQuality.Core.Contracts.Derivation;
using DataQuality.Core.Contracts.Model;
using DataQuality.Core.Contracts.Reading;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Expectations.Catalog.Contract;

namespace DataQuality.Core.Tests.Contracts;

public sealed class ContractReaderTests
{
    [Fact]
    public void Dcs_servicelevels_and_enum_and_constraints_are_up_converted()
    {
        var contract = ContractParser.Parse(ContractLoader.LoadDocument("""
            dataContractSpecification: 1.2.1
            id: t
            info: {title: T, version: 2.0.0}
            models:
              orders:
                fields:
                  status: {type: string, enum: [a, b], pattern: '^[ab]$', required: true}
                  amount: {type: decimal, minimum: 0, exclusiveMaximum: 100}
                  ts: {type: timestamp_tz}
            servicelevels:
              freshness: {threshold: 25h, timestampField: orders.ts}
              retention: {period: P1Y, timestampField: orders.ts}
            """, "d.yaml"));
        contract.Standard.Should().Be(ContractStandard.Dcs);
        contract.Version.Should().Be("2.0.0");
        var orders = contract.Schemas.Single();
        var status = orders.Properties[0];
        status.LogicalType.Should().Be("string");
        status.Required.Should().BeTrue();
        status.Enum!.Select(v => v!.ToString()).Should().Equal("a", "b");
        status.Options["pattern"]!.ToString().Should().Be("^[ab]$");
        status.At.Should().Be(new SourceLocation("d.yaml", 7, 15));
        orders.Properties[1].LogicalType.Should().Be("number");
        orders.Properties[2].DcsType.Should().Be("timestamp_tz");
        contract.Sla.Select(s => (s.Property, s.Value!.ToJsonString(), s.Unit, s.Element)).Should().Equal(
            ("freshness", "25", "h", "orders.ts"), ("retention", "\"P1Y\"", null, "orders.ts"));
    }

    [Fact]
    public void Odcs_legacy_rule_names_enum_objects_and_operator_aliases()
    {
        var contract = ContractParser.Parse(ContractLoader.LoadDocument("""
            apiVersion: v3.0.2
            kind: DataContract
            id: t
            version: 1.0.0
            status: active
            schema:
              - name: t
                properties:
                  - name: c
                    enum: [{value: x}, {value: y}]
                    quality:
                      - rule: nullCheck
                        mustBeLessThanOrEqualTo: 3
            """, "o.yaml"));
        var p = contract.Schemas[0].Properties[0];
        p.Enum!.Select(v => v!.ToString()).Should().Equal("x", "y");
        var rule = p.Quality.Single();
        rule.Metric.Should().Be("nullValues");
        rule.Type.Should().Be("library");
        rule.Threshold.Should().Be(new Threshold("mustBeLessOrEqualTo", 3));
    }

    [Fact]
    public void Two_operators_in_one_rule_is_an_input_error_at_the_second()
    {
        var act = () => ContractParser.Parse(ContractLoader.LoadDocument("""
            apiVersion: v3.1.0
            kind: DataContract
            id: t
            version: 1.0.0
            status: active
            schema:
              - name: t
                quality:
                  - metric: rowCount
                    mustBe: 1
                    mustBeGreaterThan: 0
            """, "o.yaml"));
        act.Should().Throw<InputException>().Which.ToDiagnosticString()
            .Should().Be("o.yaml(11,28): error DQ1016: A quality rule takes one operator; found mustBe, mustBeGreaterThan.");
    }

    [Theory]
    [InlineData("INT64", "BIGINT", true)]
    [InlineData("string", "VARCHAR", true)]
    [InlineData("decimal(10, 2)", "DECIMAL(10,2)", true)]
    [InlineData("timestamptz", "TIMESTAMP WITH TIME ZONE", true)]
    [InlineData("INTEGER", "BIGINT", false)]
    public void Physical_types_compare_after_duckdb_aliases(string contract, string duck, bool equal) =>
        (DqColumnPhysicalType.Canonical(contract) == DqColumnPhysicalType.Canonical(duck)).Should().Be(equal);

    [Theory]
    [InlineData("integer", "UBIGINT", true)]
    [InlineData("integer", "DOUBLE", false)]
    [InlineData("number", "DECIMAL(18,3)", true)]
    [InlineData("timestamp", "TIMESTAMP WITH TIME ZONE", true)]
    [InlineData("timestamp", "DATE", false)]
    [InlineData("array", "INTEGER[]", true)]
    [InlineData("object", "STRUCT(a INTEGER)", true)]
    [InlineData("string", "UUID", true)]
    public void Logical_types_match_by_family(string logical, string duck, bool matches) =>
        DqColumnLogicalType.Matches(logical, duck).Should().Be(matches);

    [Theory]
    [InlineData(3, "h", 10800)]
    [InlineData(2, "d", 172800)]
    [InlineData(1, "y", 31536000)]
    public void Sla_numbers_with_units_become_seconds(double value, string unit, long seconds) =>
        CheckDeriver.Seconds(System.Text.Json.Nodes.JsonValue.Create(value), unit).Should().Be(seconds);

    [Theory]
    [InlineData("P30D", 2592000)]
    [InlineData("PT25H", 90000)]
    [InlineData("P1Y", 31536000)]
    [InlineData("25h", 90000)]
    public void Sla_iso_durations_become_seconds(string value, long seconds) =>
        CheckDeriver.Seconds(System.Text.Json.Nodes.JsonValue.Create(value), null).Should().Be(seconds);
}
