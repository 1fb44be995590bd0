using DataQuality.Core.Contracts.Lint;
using DataQuality.Core.Contracts.Reading;

namespace DataQuality.Core.Tests.Contracts;

public sealed class ContractLinterTests
{
    private static List<string> Lint(string yaml) =>
        ContractLinter.Lint(ContractLoader.LoadDocument(yaml, "c.yaml")).Select(d => d.ToString()).ToList();

    [Fact]
    public void Reports_each_problem_with_line_column_severity_and_code()
    {
        var findings = Lint("""
            apiVersion: v3.1.0
            kind: DataContract
            id: t
            version: 1.0.0
            status: active
            schema:
              - name: orders
                properties:
                  - name: id
                    logicalType: integr
                    requird: true
                    unique: "yes"
                  - name: email
                    logicalType: string
                    logicalTypeOptions:
                      pattern: "([a-z"
                      minLength: 10
                      maxLength: 5
                  - name: id
                    quality:
                      - metric: nullValues
                        mustBe: 0
                        mustBeLessThan: 3
                      - metric: nulValues
                        mustBe: 0
                      - type: sql
                        query: DROP TABLE orders
                        mustBe: 0
                      - metric: nullValues
                        mustBeBetween: [5, 1]
                        unit: pct
            """);
        findings.Should().Equal(
            "c.yaml(10,22): error DQ1018: Unknown logicalType 'integr'; did you mean 'integer'?",
            "c.yaml(11,18): error DQ1010: Unknown key 'requird' in property; did you mean 'required'? As written it would be ignored, with what it says (an extension key starts with x-).",
            "c.yaml(12,17): error DQ1011: 'unique' must be true or false, not the string 'yes'.",
            "c.yaml(16,20): error DQ1013: Pattern does not compile: Invalid pattern '([a-z' at offset 5. Unterminated [] set.",
            "c.yaml(17,22): error DQ1016: minLength (10) is greater than maxLength (5): no value can satisfy both.",
            "c.yaml(19,15): error DQ1014: Duplicate property name 'id'.",
            "c.yaml(23,29): error DQ1016: Conflicting operators mustBe and mustBeLessThan: a rule takes one.",
            "c.yaml(24,21): error DQ1017: Unknown metric 'nulValues'; did you mean 'nullValues'?",
            "c.yaml(27,20): error DQ1020: SQL rule rejected: only a read-only SELECT or WITH query is allowed; this one starts with DROP.",
            "c.yaml(30,28): error DQ1016: 'mustBeBetween' bounds are reversed: [5, 1].",
            "c.yaml(31,19): error DQ1019: unit must be 'rows' or 'percent', not 'pct'.");
    }

    /// <summary>
    /// A misspelled key drops what it says (<c>requried: true</c> leaves the column nullable; the check passes):
    /// an error in lint and a refusal to load for validate. A key that only resembles a known one (<c>pii</c>,
    /// two edits from <c>id</c>) stays a warning, as do other unknown keys.
    /// </summary>
    [Fact]
    public void A_misspelled_key_is_an_error_and_loading_refuses_it_but_a_merely_unknown_key_warns()
    {
        const string head = "apiVersion: v3.1.0\nkind: DataContract\nid: t\nversion: 1.0.0\nstatus: active\nschema:\n  - name: orders\n    properties:\n      - name: id\n";
        var typos = new[] { "Required: true", "unqiue: true", "requried: true" };
        foreach (var typo in typos)
        {
            var yaml = head + "        " + typo + "\n";
            Lint(yaml).Should().ContainSingle().Which.Should().Contain("error DQ1010").And.Contain("did you mean");
            var act = () => ContractLinter.RejectMisspelledKeys(ContractLoader.LoadDocument(yaml, "c.yaml"));
            act.Should().Throw<Diagnostics.InputException>().Which.ToDiagnosticString().Should().StartWith("c.yaml(10,").And.Contain("error DQ1010");
        }

        var extension = head + "        pii: true\n        classificaton: restricted\n        x-owner: me\n";
        Lint(extension).Should().Equal(
            "c.yaml(10,14): warning DQ1010: Unknown key 'pii' in property; did you mean 'id'?",
            "c.yaml(11,24): error DQ1010: Unknown key 'classificaton' in property; did you mean 'classification'? As written it would be ignored, with what it says (an extension key starts with x-).");
        Lint(head + "        pii: true\n").Should().ContainSingle().Which.Should().Contain("warning DQ1010");
        ContractLinter.RejectMisspelledKeys(ContractLoader.LoadDocument(head + "        pii: true\n", "c.yaml"));
    }

    [Fact]
    public void Dcs_primary_key_on_a_missing_field_and_missing_info()
    {
        var findings = Lint("""
            dataContractSpecification: 1.2.1
            id: t
            info:
              title: T
            models:
              orders:
                primaryKey: [order_id, line_n]
                fields:
                  order_id:
                    type: long
                  line_no:
                    type: int
            """);
        findings.Should().Equal(
            "c.yaml(4,3): error DQ1012: Required key 'info.version' is missing (DCS).",
            "c.yaml(7,28): error DQ1015: Primary key 'line_n' is not a property of 'orders'; did you mean 'line_no'?");
    }

    [Fact]
    public void A_numeric_bound_that_is_not_a_number_is_an_error_at_the_bound_in_both_standards()
    {
        Lint("""
            apiVersion: v3.1.0
            kind: DataContract
            id: t
            version: 1.0.0
            status: active
            schema:
              - name: orders
                properties:
                  - name: amount
                    logicalType: number
                    logicalTypeOptions:
                      minimum: zero
                      maximum: 100
                  - name: placed_at
                    logicalType: date
                    logicalTypeOptions:
                      minimum: "2026-01-01"
            """).Should().Equal("c.yaml(12,20): error DQ1011: 'minimum' of a number property must be a number, not the string 'zero'.");

        Lint("""
            dataContractSpecification: 1.2.1
            id: t
            info:
              title: T
              version: 1.0.0
            models:
              orders:
                fields:
                  quantity:
                    type: int
                    exclusiveMaximum: lots
            """).Should().Equal("c.yaml(11,27): error DQ1011: 'exclusiveMaximum' of an integer property must be a number, not the string 'lots'.");
    }

    [Fact]
    public void Malformed_yaml_and_duplicate_keys_are_errors_with_positions()
    {
        ContractLinter.LintFile("/nonexistent/c.yaml").Single().Code.Should().Be("DQ1004");
        var act = () => ContractLoader.LoadDocument("apiVersion: v3.1.0\nkind: DataContract\nkind: x\n", "c.yaml");
        act.Should().Throw<Diagnostics.InputException>().Which.ToDiagnosticString().Should().Be("c.yaml(3,1): error DQ1000: Malformed YAML: Duplicate key kind");
    }

    [Fact]
    public void A_clean_contract_has_no_findings()
    {
        Lint("""
            apiVersion: v3.1.0
            kind: DataContract
            id: t
            version: 1.0.0
            status: active
            schema:
              - name: orders
                properties:
                  - name: id
                    logicalType: integer
                    required: true
            """).Should().BeEmpty();
    }
}
