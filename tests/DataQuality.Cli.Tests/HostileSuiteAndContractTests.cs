using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DataQuality.Cli.Tests.TestSupport;
using DataQuality.Core;
using DataQuality.Core.Datasets;
using DataQuality.Tests.Shared;

namespace DataQuality.Cli.Tests;

/// <summary>
/// Hostile or careless suite and contract files (issue 12, items 10-13 and 19) through every command
/// that reads them: each is exit 2 (lint: an error line and exit 1) with a DQ code and file(line,col),
/// never a crash, a hang or a silently dropped constraint.
/// </summary>
public sealed class HostileSuiteAndContractTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string _data;

    public HostileSuiteAndContractTests()
    {
        _data = _dir.Combine("orders", "p.parquet");
        Directory.CreateDirectory(Path.GetDirectoryName(_data)!);
        using var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });
        db.Execute($"COPY (SELECT i::BIGINT AS id, 'open' AS status FROM range(1, 11) t(i)) TO {SqlText.Literal(_data)} (FORMAT parquet)");
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>Nine anchors, each aliasing the previous one nine times: 9^9 strings once expanded, 359 bytes written.</summary>
    private static string BillionLaughs()
    {
        var text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
        var previous = "a";
        foreach (var name in "bcdefghi")
        {
            text += $"{name}: &{name} [{string.Join(",", Enumerable.Repeat("*" + previous, 9))}]\n";
            previous = name.ToString();
        }
        return text + "expectations: *i\n";
    }

    private string Contract(string name, string schemaYaml) => _dir.Write(name, $"""
        apiVersion: v3.1.0
        kind: DataContract
        id: t
        version: 1.0.0
        status: active
        servers:
          - server: local
            type: local
            format: parquet
            path: ./orders/*.parquet
        schema:
        {schemaYaml}
        """);

    /// <summary>A DCS contract over the orders data whose one model has one field (line 9, column 7), then <paramref name="tail"/>.</summary>
    private string DcsContract(string name, string field, string tail = "") => _dir.Write(name, $$"""
        dataContractSpecification: 1.1.0
        id: t
        info: {title: t, version: 1.0.0}
        servers:
          local: {type: local, format: parquet, path: ./orders/*.parquet}
        models:
          orders:
            fields:
              {{field}}
        """ + tail);

    [Fact]
    public async Task Nesting_100000_deep_is_DQ1000_at_the_65th_level_in_validate_lint_diff_and_compare()
    {
        var deepYaml = _dir.Write("deep.yaml", new string('[', 100_000));
        var deepJson = _dir.Write("deep.json", "{\"name\": \"x\", \"expectations\": " + new string('[', 100_000));
        using var trees = CompareTrees.Orders();

        var suite = await CliRunner.RunAsync("validate", "--suite", deepYaml, "--data", _data);
        var json = await CliRunner.RunAsync("validate", "--suite", deepJson, "--data", _data);
        var contract = await CliRunner.RunAsync("validate", "--contract", deepYaml);
        var lint = await CliRunner.RunAsync("lint", deepYaml);
        var diff = await CliRunner.RunAsync("contract", "diff", deepYaml, deepYaml);
        var compare = await CliRunner.RunAsync("compare", "--base", trees.Base, "--head", trees.Head, "--keys-from", deepYaml);

        foreach (var run in new[] { suite, contract, diff, compare })
        {
            run.ExitCode.Should().Be(ExitCodes.UsageOrInputError, run.Error);
            run.Error.Should().Contain($"{deepYaml}(1,65): error DQ1000: YAML nested deeper than 64 levels.").And.NotContain("   at ");
        }
        json.ExitCode.Should().Be(ExitCodes.UsageOrInputError, json.Error);
        json.Error.Should().Contain($"{deepJson}(1,94): error DQ4005: JSON nested deeper than 64 levels.");
        lint.ExitCode.Should().Be(ExitCodes.ChecksFailed);
        lint.Out.Should().Contain($"{deepYaml}(1,65): error DQ1000: YAML nested deeper than 64 levels.");
    }

    [Fact]
    public async Task Billion_laughs_is_DQ1003_at_the_first_anchor_in_validate_and_lint()
    {
        var lol = _dir.Write("lol.yaml", BillionLaughs());

        var validate = await CliRunner.RunAsync("validate", "--suite", lol, "--data", _data);
        var contract = await CliRunner.RunAsync("validate", "--contract", lol);
        var lint = await CliRunner.RunAsync("lint", lol);

        validate.ExitCode.Should().Be(ExitCodes.UsageOrInputError, validate.Error);
        validate.Error.Should().Contain($"{lol}(1,4): error DQ1003: YAML anchor '&a' is not supported");
        contract.ExitCode.Should().Be(ExitCodes.UsageOrInputError, contract.Error);
        contract.Error.Should().Contain($"{lol}(1,4): error DQ1003:");
        lint.Out.Should().Contain($"{lol}(1,4): error DQ1003:");
    }

    [Fact]
    public async Task Aliases_and_tags_are_DQ1003_where_they_are_written()
    {
        var alias = _dir.Write("alias.yaml", "suite: s\nexpectations:\n  - expect_column_values_to_not_be_null: *x\n");
        var tag = _dir.Write("tag.yaml", "suite: s\nexpectations: !!seq\n  - expect_column_values_to_not_be_null: {column: id}\n");

        var aliasRun = await CliRunner.RunAsync("validate", "--suite", alias, "--data", _data);
        var tagRun = await CliRunner.RunAsync("validate", "--suite", tag, "--data", _data);

        aliasRun.ExitCode.Should().Be(ExitCodes.UsageOrInputError);
        aliasRun.Error.Should().Contain($"{alias}(3,42): error DQ1003: YAML alias '*x' is not supported");
        tagRun.ExitCode.Should().Be(ExitCodes.UsageOrInputError);
        tagRun.Error.Should().Contain($"{tag}(2,15): error DQ1003: YAML tag 'tag:yaml.org,2002:seq' is not supported");
    }

    [Fact]
    public async Task A_second_yaml_document_is_an_error_not_dropped()
    {
        var suite = _dir.Write("multi.yaml", """
            suite: a
            expectations:
              - expect_table_row_count_to_be_between: {min_value: 1}
            ---
            suite: b
            expectations:
              - expect_column_values_to_not_be_null: {column: nope}
            """);

        var run = await CliRunner.RunAsync("validate", "--suite", suite, "--data", _data);

        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError, run.Out);
        run.Error.Should().Contain($"{suite}(4,1): error DQ1000: A second YAML document ('---')");
    }

    [Fact]
    public async Task An_empty_suite_fails_unless_allow_empty()
    {
        var suite = _dir.Write("empty.yaml", "suite: nothing\nexpectations: []\n");

        var run = await CliRunner.RunAsync("validate", "--suite", suite, "--data", _data);
        var allowed = await CliRunner.RunAsync("validate", "--suite", suite, "--data", _data, "--allow-empty");

        run.ExitCode.Should().Be(ExitCodes.ChecksFailed, run.Out);
        run.Error.Should().Contain("'nothing' has no checks, so nothing was validated").And.Contain("--allow-empty");
        allowed.ExitCode.Should().Be(ExitCodes.Passed, allowed.Error);
        allowed.Error.Should().NotContain("has no checks");
    }

    [Fact]
    public async Task Gx_json_duplicate_key_is_DQ4005_with_its_line()
    {
        var suite = _dir.Write("dup.json", """
            {"name": "s", "expectations": [
              {"type": "expect_column_values_to_not_be_null",
               "column": "id",
               "column": "status"}
            ]}
            """);

        var run = await CliRunner.RunAsync("validate", "--suite", suite, "--data", _data);

        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError, run.Error);
        run.Error.Should().Contain($"{suite}(4,4): error DQ4005: Duplicate key 'column'.");
    }

    [Fact]
    public async Task A_value_set_entry_that_is_a_mapping_or_list_is_DQ4006()
    {
        var suite = _dir.Write("nested.json", """
            {"name": "s", "expectations": [
              {"type": "expect_column_values_to_not_be_null", "column": "id"},
              {"type": "expect_column_values_to_be_in_set", "column": "status", "value_set": [{"a": 1}, [1, 2]]}
            ]}
            """);

        var run = await CliRunner.RunAsync("validate", "--suite", suite, "--data", _data);

        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError, run.Error);
        run.Error.Should().Contain($"{suite}(3): error DQ4006: expect_column_values_to_be_in_set: value_set[0] is a mapping");
    }

    [Fact]
    public async Task A_nul_character_in_a_value_set_entry_is_an_error_in_json_and_yaml()
    {
        var json = _dir.Write("nul.json", """
            {"name": "s", "expectations": [
              {"type": "expect_column_values_to_be_in_set", "column": "status", "value_set": ["open\u0000' OR 1=1 --"]}
            ]}
            """);
        var yaml = _dir.Write("nul.yaml", "suite: s\nexpectations:\n  - expect_column_values_to_be_in_set: {column: status, value_set: [\"open\\0x\"]}\n");

        var jsonRun = await CliRunner.RunAsync("validate", "--suite", json, "--data", _data);
        var yamlRun = await CliRunner.RunAsync("validate", "--suite", yaml, "--data", _data);

        jsonRun.ExitCode.Should().Be(ExitCodes.UsageOrInputError, jsonRun.Error);
        jsonRun.Error.Should().Contain($"{json}(2,83): error DQ4005: A NUL character");
        yamlRun.ExitCode.Should().Be(ExitCodes.UsageOrInputError, yamlRun.Error);
        yamlRun.Error.Should().Contain($"{yaml}(3,69): error DQ1000: A NUL character");
    }

    [Fact]
    public async Task A_dcs_ref_that_points_nowhere_or_cycles_is_DQ1024_in_lint_and_validate()
    {
        const string id = "id: {$ref: '#/definitions/order_id'}";
        var nowhere = DcsContract("nowhere.yaml", id, "\ndefinitions:\n  orderid: {type: long, minimum: 1}\n");
        var cycle = DcsContract("cycle.yaml", id, "\ndefinitions:\n  order_id: {$ref: '#/definitions/key'}\n  key: {$ref: '#/definitions/order_id'}\n");

        var lint = await CliRunner.RunAsync("lint", nowhere, cycle);
        var validate = await CliRunner.RunAsync("validate", "--contract", nowhere);
        var validateCycle = await CliRunner.RunAsync("validate", "--contract", cycle);

        lint.ExitCode.Should().Be(ExitCodes.ChecksFailed);
        lint.Out.Should().Contain($"{nowhere}(9,18): error DQ1024: '$ref: #/definitions/order_id' points nowhere: no definition 'order_id'; did you mean 'orderid'?")
            .And.Contain($"{cycle}(12,15): error DQ1024: '$ref: #/definitions/order_id' is a cycle (order_id -> key -> order_id)");
        validate.ExitCode.Should().Be(ExitCodes.UsageOrInputError, validate.Out);
        validate.Error.Should().Contain($"{nowhere}(9,18): error DQ1024:");
        validateCycle.ExitCode.Should().Be(ExitCodes.UsageOrInputError, validateCycle.Out);
        validateCycle.Error.Should().Contain("error DQ1024:").And.Contain("is a cycle");
    }

    [Fact]
    public async Task An_unknown_logical_type_fails_validate_as_it_fails_lint()
    {
        var contract = Contract("types.yaml", """
              - name: orders
                properties:
                  - name: id
                    logicalType: integr
            """);

        var lint = await CliRunner.RunAsync("lint", contract);
        var validate = await CliRunner.RunAsync("validate", "--contract", contract);

        lint.Out.Should().Contain($"{contract}(15,22): error DQ1018: Unknown logicalType 'integr'; did you mean 'integer'?");
        validate.ExitCode.Should().Be(ExitCodes.UsageOrInputError, validate.Out);
        validate.Error.Should().Contain($"{contract}(15,22): error DQ1018: Unknown logicalType 'integr'");
    }

    [Fact]
    public async Task A_number_beyond_a_doubles_range_is_DQ1011_where_it_is_written_in_both_standards()
    {
        // 1e400 reads as an infinity: it was exit 3 (DQ9000 "... infinity cannot be written as valid JSON").
        var odcs = Contract("huge.yaml", """
              - name: orders
                properties:
                  - name: id
                    logicalType: integer
                    logicalTypeOptions: {minimum: -1e400}
            """);
        var dcs = DcsContract("huge.dcs.yaml", "id: {type: long, maximum: 1e400}");

        var lint = await CliRunner.RunAsync("lint", odcs, dcs);
        var validate = await CliRunner.RunAsync("validate", "--contract", odcs);
        var validateDcs = await CliRunner.RunAsync("validate", "--contract", dcs);
        var diff = await CliRunner.RunAsync("contract", "diff", dcs, dcs);

        lint.ExitCode.Should().Be(ExitCodes.ChecksFailed, lint.Out + lint.Error);
        lint.Out.Should().Contain($"{odcs}(16,39): error DQ1011: Number out of range").And.Contain("this one is below it")
            .And.Contain($"{dcs}(9,33): error DQ1011: Number out of range").And.Contain("this one is above it");
        validate.ExitCode.Should().Be(ExitCodes.UsageOrInputError, validate.Out + validate.Error);
        validate.Error.Should().Contain($"{odcs}(16,39): error DQ1011:").And.NotContain("Exception");
        validateDcs.ExitCode.Should().Be(ExitCodes.UsageOrInputError, validateDcs.Out + validateDcs.Error);
        validateDcs.Error.Should().Contain($"{dcs}(9,33): error DQ1011:");
        diff.ExitCode.Should().Be(ExitCodes.UsageOrInputError, diff.Out + diff.Error);
        diff.Error.Should().Contain($"{dcs}(9,33): error DQ1011:");
    }

    /// <summary>
    /// GX fixture cases whose partitions have infinite bounds, written as GX writes suites (Python's json:
    /// bare <c>Infinity</c>/<c>-Infinity</c>), run through <c>dq validate</c>: the verdict is the fixture's.
    /// </summary>
    [Theory]
    [InlineData("expect_column_kl_divergence_to_be_less_than.json", "manual_partition_lower_inf_bound")]
    [InlineData("expect_column_kl_divergence_to_be_less_than.json", "manual_partition_upper_inf_bound")]
    [InlineData("expect_column_kl_divergence_to_be_less_than.json", "manual_partition_lower_and_upper_inf_bounds")]
    [InlineData("expect_column_kl_divergence_to_be_less_than.json", "tail_weight_holdout_is_not_defined_for_partitions_already_extending_to_inifinity")]
    [InlineData("test_expect_column_bootstrapped_ks_test_p_value_to_be_greater_than.json", "bad_partition_infinite_endpoints_raise_error")]
    public async Task Gx_suites_with_pythons_infinite_bounds_are_read_and_give_the_fixtures_verdict(string file, string title)
    {
        var fixturePath = ConformanceData.Require("gx", "tests", "test_definitions", "column_distributional_expectations", file);
        // The test reads the fixture on its own (quoting the tokens), independently of the reader under test.
        var fixture = JsonNode.Parse(Regex.Replace(File.ReadAllText(fixturePath), @"(?<=[\[,:]\s*)-?(NaN|Infinity)(?=\s*[,\]}])", "\"$0\""))!;
        var (dataset, testCase) = fixture["datasets"]!.AsArray()
            .SelectMany(d => d!["tests"]!.AsArray().Select(t => (Dataset: d, Case: t!)))
            .First(x => x.Case["title"]!.GetValue<string>() == title);
        var kwargs = testCase["in"]!.AsObject();
        var column = kwargs["column"]!.GetValue<string>();
        var values = string.Join(", ", dataset!["data"]![column]!.AsArray().Select(v => v is null ? "NULL" : v.GetValue<double>().ToString("R", CultureInfo.InvariantCulture)));
        var data = _dir.Combine("kl", "p.parquet");
        Directory.CreateDirectory(Path.GetDirectoryName(data)!);
        using (var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 }))
            db.Execute($"COPY (SELECT unnest([{values}]::DOUBLE[]) AS {column}) TO {SqlText.Literal(data)} (FORMAT parquet)");
        var type = Path.GetFileNameWithoutExtension(file).Replace("test_expect_", "expect_", StringComparison.Ordinal);
        var pythonJson = "{\"expectation_suite_name\": \"gx\", \"expectations\": [{\"expectation_type\": \"" + type + "\", \"kwargs\": "
            + kwargs.ToJsonString().Replace("\"-Infinity\"", "-Infinity", StringComparison.Ordinal).Replace("\"Infinity\"", "Infinity", StringComparison.Ordinal) + "}]}";
        pythonJson.Should().MatchRegex(@"[\[,]-?Infinity[,\]]").And.NotContain("\"Infinity\"");
        var suite = _dir.Write("gx.json", pythonJson);

        var run = await CliRunner.RunAsync("validate", "--suite", suite, "--data", data);

        var expected = testCase["out"]!.AsObject();
        if (expected.ContainsKey("traceback_substring"))
        {
            run.ExitCode.Should().Be(ExitCodes.ChecksFailed, run.Error);
            run.Out.Should().Contain("ERROR");
        }
        else
            run.ExitCode.Should().Be(expected["success"]!.GetValue<bool>() ? ExitCodes.Passed : ExitCodes.ChecksFailed, run.Out + run.Error);
    }
}
