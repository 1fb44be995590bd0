using System.Text.Json.Nodes;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Expectations.Readers;
using DataQuality.Core.Yaml;

namespace DataQuality.Core.Tests.Expectations;

/// <summary>The suite readers' parsing limits and GX's Python-json tokens (docs/security.md, "Suites and contracts: parsing limits").</summary>
public sealed class SuiteParsingLimitsTests
{
    private static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    [Fact]
    public void Yaml_nesting_of_64_levels_is_read_and_65_is_DQ1000_at_the_65th()
    {
        YamlJson.Load(Nested(64), "ok.yaml").Root.Should().BeOfType<JsonArray>();

        var act = () => YamlJson.Load("a:\n  b: " + Nested(64), "deep.yaml");

        act.Should().Throw<InputException>().Which.ToDiagnosticString().Should().Be("deep.yaml(2,68): error DQ1000: YAML nested deeper than 64 levels.");
    }

    [Fact]
    public void Json_nesting_of_64_levels_is_read_and_65_is_DQ4005_with_its_line()
    {
        var ok = GxJsonSuiteReader.Read("{\"name\": \"s\", \"expectations\": [], \"meta\": {\"x\": " + Nested(62) + "}}", "ok.json");
        ok.Expectations.Should().BeEmpty();

        var act = () => GxJsonSuiteReader.Read("{\"name\": \"s\",\n \"expectations\": [],\n \"meta\": {\"x\": " + Nested(63) + "}}", "deep.json");

        act.Should().Throw<InputException>().Which.ToDiagnosticString().Should().Be("deep.json(3,78): error DQ4005: JSON nested deeper than 64 levels.");
    }

    [Theory]
    [InlineData("a: &x 1\nb: 2\n", "(1,4)", "YAML anchor '&x'")]
    [InlineData("a: [1, *x]\n", "(1,8)", "YAML alias '*x'")]
    [InlineData("a: !!str 1\n", "(1,4)", "YAML tag 'tag:yaml.org,2002:str'")]
    [InlineData("a: !custom {b: 1}\n", "(1,4)", "YAML tag '!custom'")]
    public void Anchors_aliases_and_tags_are_DQ1003_where_written(string yaml, string position, string what)
    {
        var act = () => YamlJson.Load(yaml, "c.yaml");

        act.Should().Throw<InputException>().Which.ToDiagnosticString().Should().StartWith($"c.yaml{position}: error DQ1003: {what} is not supported");
    }

    [Fact]
    public void One_document_with_explicit_markers_is_read_and_a_second_is_DQ1000()
    {
        YamlJson.Load("---\na: 1\n...\n", "one.yaml").Root!["a"]!.GetValue<long>().Should().Be(1);

        var act = () => YamlJson.Load("a: 1\n---\na: 2\n", "two.yaml");

        act.Should().Throw<InputException>().Which.ToDiagnosticString().Should().StartWith("two.yaml(2,1): error DQ1000: A second YAML document");
    }

    [Fact]
    public void Yaml_keeps_positions_and_rejects_duplicate_and_complex_keys()
    {
        var doc = YamlJson.Load("a:\n  - x: 1\n    y: [2, 3]\n", "p.yaml");
        var item = doc.Root!["a"]![0]!;
        doc.LocationOf(item).Should().Be(new SourceLocation("p.yaml", 2, 5));
        doc.LocationOf(item["y"]).Should().Be(new SourceLocation("p.yaml", 3, 8));

        ((Action)(() => YamlJson.Load("a: 1\nb: 2\na: 3\n", "d.yaml"))).Should().Throw<InputException>()
            .Which.ToDiagnosticString().Should().Be("d.yaml(3,1): error DQ1000: Malformed YAML: Duplicate key a");
        ((Action)(() => YamlJson.Load("? [a, b]\n: 1\n", "k.yaml"))).Should().Throw<InputException>().Which.Code.Should().Be("DQ1000");
    }

    [Fact]
    public void Gx_json_reads_python_nan_and_infinity_tokens_as_the_strings_the_checks_read_as_numbers()
    {
        var suite = GxJsonSuiteReader.Read("""
            // "a comment with a quote and NaN
            {"name": "s", "expectations": [
              {"type": "expect_column_kl_divergence_to_be_less_than", "column": "x",
               "partition_object": {"bins": [-Infinity, 0, Infinity], "weights": [0.5, 0.5]}, "threshold": NaN},
              {"type": "expect_column_values_to_be_in_set", "column": "s", "value_set": ["NaN", "-Infinity", "x NaN"]}
            ]}
            """, "py.json");

        var kl = suite.Expectations[0].Kwargs;
        kl["partition_object"]!["bins"]!.ToJsonString().Should().Be("[\"-Infinity\",0,\"Infinity\"]");
        kl["threshold"]!.GetValue<string>().Should().Be("NaN");
        suite.Expectations[1].Kwargs["value_set"]!.ToJsonString().Should().Be("[\"NaN\",\"-Infinity\",\"x NaN\"]");
        suite.Expectations.Select(e => e.Location!.Line).Should().Equal(3, 5);
    }

    [Fact]
    public void Gx_json_expectation_lines_come_from_one_pass_over_the_file()
    {
        var lines = string.Join(",\n", Enumerable.Range(0, 2000).Select(i => $"{{\"type\": \"expect_column_to_exist\", \"column\": \"c{i}\"}}"));

        var suite = GxJsonSuiteReader.Read("{\"name\": \"s\",\n\"expectations\": [\n" + lines + "\n]}", "many.json");

        suite.Expectations.Select(e => e.Location!.Line!.Value).Should().Equal(Enumerable.Range(3, 2000));
    }

    [Fact]
    public void Gx_json_still_rejects_bare_words_other_than_pythons()
    {
        var act = () => GxJsonSuiteReader.Read("{\"name\": \"s\", \"expectations\": [{\"type\": \"t\", \"min_value\": NaNa}]}", "bad.json");

        act.Should().Throw<InputException>().Which.Code.Should().Be("DQ4005");
    }
}
