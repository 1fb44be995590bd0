using DataQuality.Core.Contracts.Reading;
using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Tests.Contracts;

/// <summary>DCS <c>$ref</c> inlining and the type rule the parser shares with lint.</summary>
public sealed class ContractReferenceTests
{
    private const string Head = """
        dataContractSpecification: 1.1.0
        id: t
        info: {title: t, version: 1.0.0}
        models:
          orders:
            fields:
              id: {$ref: '#/definitions/order_id', required: true}

        """;

    [Fact]
    public void A_chain_of_refs_is_inlined_with_the_nearest_keys_winning()
    {
        var contract = ContractLoader.Load(Write(Head + """
            definitions:
              order_id: {$ref: '#/definitions/key', minimum: 1}
              key: {type: long, minimum: 0, maximum: 99}
            """));

        var id = contract.Schemas.Single().Properties.Single();
        id.LogicalType.Should().Be("integer");
        id.Required.Should().BeTrue();
        id.Options["minimum"]!.GetValue<long>().Should().Be(1);
        id.Options["maximum"]!.GetValue<long>().Should().Be(99);
    }

    [Fact]
    public void A_definition_that_contains_itself_through_nested_fields_is_a_cycle()
    {
        var act = () => ContractLoader.LoadDocument(Head + """
            definitions:
              order_id: {type: object, fields: {parent: {$ref: '#/definitions/order_id'}}}
            """, "tree.yaml");

        act.Should().Throw<InputException>().Which.ToDiagnosticString().Should()
            .Be("tree.yaml(9,52): error DQ1024: '$ref: #/definitions/order_id' is a cycle (order_id -> order_id): a definition cannot contain itself.");
    }

    [Theory]
    [InlineData("{$ref: 'other.yaml#/definitions/x'}", "is not supported: dq resolves '#/definitions/<name>' within the same file.")]
    [InlineData("{$ref: '#/definitions/nope'}", "points nowhere: no definition 'nope'.")]
    public void Refs_dq_cannot_resolve_are_DQ1024(string field, string message)
    {
        var act = () => ContractLoader.LoadDocument($$"""
            dataContractSpecification: 1.1.0
            id: t
            info: {title: t, version: 1.0.0}
            models:
              orders:
                fields:
                  id: {{field}}
            definitions:
              key: {type: long}
            """, "r.yaml");

        var error = act.Should().Throw<InputException>().Which;
        error.Code.Should().Be("DQ1024");
        error.Message.Should().EndWith(message);
        error.Location.Should().Be(new SourceLocation("r.yaml", 7, 18));
    }

    [Fact]
    public void References_multiplying_past_the_bound_are_DQ1024_not_an_exponential_expansion()
    {
        // Each definition holds ten references to the next: 10^6 fields once expanded.
        var definitions = string.Join("\n", Enumerable.Range(0, 6).Select(i =>
            $"  d{i}: {{type: object, fields: {{{string.Join(", ", Enumerable.Range(0, 10).Select(j => $"f{j}: {{$ref: '#/definitions/d{i + 1}'}}"))}}}}}"));
        var act = () => ContractLoader.LoadDocument(Head.Replace("order_id", "d0") + "definitions:\n" + definitions + "\n  d6: {type: long}\n", "many.yaml");

        act.Should().Throw<InputException>().Which.Message.Should().StartWith("More than 10000 '$ref' expansions");
    }

    [Fact]
    public void Unknown_types_are_DQ1018_in_the_parser_for_odcs_and_dcs_and_dcs_variant_is_known()
    {
        var odcs = () => ContractLoader.Load(Write("""
            apiVersion: v3.1.0
            kind: DataContract
            id: t
            version: 1.0.0
            status: active
            schema:
              - name: orders
                properties:
                  - {name: id, logicalType: bigint}
            """));
        var dcs = () => ContractLoader.Load(Write(Head.Replace("$ref: '#/definitions/order_id'", "type: integr")));

        odcs.Should().Throw<InputException>().Which.Message.Should().StartWith("Unknown logicalType 'bigint'; expected one of string, date,");
        dcs.Should().Throw<InputException>().Which.ToDiagnosticString().Should().Contain("(7,18): error DQ1018: Unknown type 'integr'");
        ContractLoader.Load(Write(Head.Replace("$ref: '#/definitions/order_id'", "type: variant"))).Schemas.Single().Properties.Single().DcsType.Should().Be("variant");
    }

    private static string Write(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"dq-ref-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, text);
        return path;
    }
}
