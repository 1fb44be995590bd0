using DataQuality.Lint;

namespace DataQuality.Xunit.Tests;

public sealed class LintTests : IDisposable
{
    private readonly Core.Tests.TestSupport.TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Unknown_expectations_are_DQ4001_at_their_line_and_column_and_all_are_reported()
    {
        var path = _dir.Combine("s.yaml");
        File.WriteAllText(path, "suite: x\nexpectations:\n  - expect_column_values_to_be_uniqe: { column: a }\n  - expect_column_values_to_not_be_null: { column: a }\n  - expect_nothing_at_all: {}\n");

        var problems = CheckFileLinter.LintSuite(path);

        problems.Select(p => p.ToDiagnosticString()).Should().Equal(
            $"{path}(3,5): error DQ4001: Unknown expectation type 'expect_column_values_to_be_uniqe'; did you mean 'expect_column_values_to_be_unique'?",
            $"{path}(5,5): error DQ4001: Unknown expectation type 'expect_nothing_at_all'.");
    }

    [Fact]
    public void Malformed_yaml_is_DQ1000_and_malformed_json_DQ4005_with_positions()
    {
        var yaml = _dir.Combine("bad.yaml");
        File.WriteAllText(yaml, "suite: x\nexpectations:\n  - [a\n");
        var json = _dir.Combine("bad.json");
        File.WriteAllText(json, "{\"expectation_suite_name\": \"x\",\n \"expectations\": [ }");

        CheckFileLinter.LintSuite(yaml).Should().ContainSingle().Which.ToDiagnosticString().Should().StartWith($"{yaml}(4,1): error DQ1000:");
        CheckFileLinter.LintSuite(json).Should().ContainSingle().Which.ToDiagnosticString().Should().StartWith($"{json}(2,").And.Contain("error DQ4005:");
    }

    [Fact]
    public void A_misspelled_argument_fails_the_build_lint_at_its_line_with_a_did_you_mean()
    {
        var path = _dir.Combine("s.yaml");
        File.WriteAllText(path, "suite: x\nexpectations:\n  - type: expect_column_values_to_be_between\n    column: a\n    min_value: 0\n    max_vlaue: 1\n");

        CheckFileLinter.LintSuite(path).Select(p => p.ToDiagnosticString()).Should().Equal(
            $"{path}(6,16): error DQ4110: unknown argument 'max_vlaue' of expect_column_values_to_be_between; did you mean 'max_value'?");
    }

    [Fact]
    public void A_valid_suite_has_no_problems()
    {
        var path = _dir.Combine("ok.yaml");
        File.WriteAllText(path, "suite: x\nexpectations:\n  - expect_column_values_to_be_unique: { column: a }\n");

        CheckFileLinter.LintSuite(path).Should().BeEmpty();
    }

    [Fact]
    public void Contracts_are_linted_by_the_contracts_engine_with_positions()
    {
        var path = _dir.Combine("orders.odcs.yaml");
        File.WriteAllText(path, "apiVersion: v3.1.0\nkind: DataContract\nid: x\nschema:\n  - name: orders\n    properties:\n      - name: amount\n        logicalType: numbr\n");

        var lines = CheckFileLinter.LintContract(path);

        lines.Should().Contain(l => l.IsError && l.Text.StartsWith($"{path}(8,", StringComparison.Ordinal) && l.Text.Contains(": error DQ"));
    }

    [Fact]
    public void A_flow_style_contract_lints_clean_and_a_misspelled_key_in_it_is_an_error_at_its_column()
    {
        var path = _dir.Combine("flow.yaml");
        const string head = "apiVersion: v3.1.0\nkind: DataContract\nid: shop\nversion: 1.0.0\nstatus: active\n";
        File.WriteAllText(path, head + "schema: [{name: orders, properties: [{name: order_id, logicalType: integer, required: true}]}]\n");
        CheckFileLinter.LintContract(path).Should().BeEmpty();

        File.WriteAllText(path, head + "schema: [{name: orders, properties: [{name: order_id, logicalType: integer, requried: true}]}]\n");
        CheckFileLinter.LintContract(path).Should().Equal(
            new LintLine($"{path}(6,87): error DQ1010: Unknown key 'requried' in property; did you mean 'required'? As written it would be ignored, with what it says (an extension key starts with x-).", true));
    }
}
