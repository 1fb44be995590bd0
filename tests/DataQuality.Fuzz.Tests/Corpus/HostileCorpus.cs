using System.Text.Json;
using System.Text.Json.Nodes;
using DataQuality.Fuzz.Tests.TestSupport;

namespace DataQuality.Fuzz.Tests.Corpus;

/// <summary>
/// Hostile names and conditions (issue 12 items 8, 19, 20, 21): column names and values with quotes, SQL,
/// markup, newlines, emoji and RTL marks; row_condition breakouts; regex bombs; nested value_set entries;
/// suite and contract SQL that reads /etc/passwd or writes a file; misspelled and out-of-range options.
/// </summary>
public static class HostileCorpus
{
    public const string Data = "data/hostile.parquet";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static IEnumerable<FuzzCase> Cases()
    {
        var names = Templates.HostileNames;

        yield return Suite("names/every-check-on-every-hostile-column", names.SelectMany(name => new[]
        {
            Expect("expect_column_to_exist", name),
            Expect("expect_column_values_to_not_be_null", name),
            Expect("expect_column_values_to_be_in_set", name, ("value_set", ToArray(Templates.HostileValues))),
            Expect("expect_column_value_lengths_to_be_between", name, ("min_value", 0), ("max_value", 100)),
            Expect("expect_column_values_to_be_unique", name),
        }));
        yield return Suite("names/missing-hostile-column", [Expect("expect_column_values_to_not_be_null", "\"; DROP TABLE x; --")]);
        yield return Suite("values/value-set-of-hostile-values", [Expect("expect_column_values_to_be_in_set", "status", ("value_set", ToArray(Templates.HostileValues)))]);
        yield return Suite("values/value-set-nested-lists", [Expect("expect_column_values_to_be_in_set", "status", ("value_set", JsonNode.Parse("[[1, 2], [3]]")))]);
        yield return Suite("values/value-set-maps", [Expect("expect_column_values_to_be_in_set", "status", ("value_set", JsonNode.Parse("[{\"a\": 1}, [1, 2]]")))]);
        yield return Suite("values/value-set-nul", [Expect("expect_column_values_to_be_in_set", "status", ("value_set", ToArray(["open", "a\0b"])))]);

        foreach (var (name, condition) in new[]
        {
            ("breakout", "id > 0) OR (1=1"),
            ("semicolon-in-literal", "status <> 'a;b'"),
            ("stacked-statement", "id > 0; COPY (SELECT 1) TO 'pwned.csv'"),
            ("comment", "id > 0 --"),
            ("read-text-passwd", "id IN (SELECT 1 FROM read_text('/etc/passwd'))"),
            ("glob", "id IN (SELECT 1 FROM glob('/etc/*'))"),
            ("unbalanced", "((id > 0)"),
            ("unterminated-literal", "status = 'open"),
            ("pandas-syntax", "status==\"open\""),
            ("hostile-identifier", "\"q\"\"uote\" IS NOT NULL"),
        })
            yield return Suite($"row-condition/{name}", [Expect("expect_column_values_to_not_be_null", "id", ("row_condition", condition))]);

        foreach (var (name, regex) in new[]
        {
            ("nested-quantifier", "(a+)+$"),
            ("alternation", "(a|aa)+$"),
            ("evil-email", "^([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$"),
            ("backreference", "(a*)\\1$"),
            ("unclosed", "(a"),
            ("huge-repetition", "a{1000}{1000}"),
        })
            yield return Suite($"regex/{name}", names.Select(column => Expect("expect_column_values_to_match_regex", column, ("regex", regex))));

        yield return Suite("sql/unexpected-rows-read-passwd", [Expect("unexpected_rows_expectation", null, ("unexpected_rows_query", "SELECT * FROM read_text('/etc/passwd')"))]);
        yield return Suite("sql/unexpected-rows-copy-out", [Expect("unexpected_rows_expectation", null, ("unexpected_rows_query", "SELECT 1; COPY (SELECT 1) TO 'pwned.csv'"))]);
        yield return Suite("sql/unexpected-rows-attach", [Expect("unexpected_rows_expectation", null, ("unexpected_rows_query", "ATTACH 'pwned.db'; SELECT 1"))]);

        yield return Contract("contract/server-path-passwd", "../../../../../../../../../etc/passwd", "csv", "SELECT count(*) FROM {object}");
        yield return Contract("contract/sql-read-passwd", "./data/*.parquet", "parquet", "SELECT count(*) FROM read_text('/etc/passwd')");
        yield return Contract("contract/sql-copy-out", "./data/*.parquet", "parquet", "SELECT 0; COPY (SELECT 1) TO 'pwned.csv'");

        yield return WithData("profile/hostile-names", ["profile", Data, "--output", "out/profile.txt"]);
        yield return WithData("profile/hostile-names-json", ["profile", Data, "--format", "json"]);
        yield return WithData("suggest/hostile-names", ["suggest", Data]);
        yield return new FuzzCase("compare/hostile-names", w =>
        {
            w.Copy(Templates.Hostile, "base/silver/t/ds=1/f.parquet");
            w.Copy(Templates.HostileChanged, "head/silver/t/ds=1/f.parquet");
        }, ["compare", "--base", "base", "--head", "head", "--key", "t=id", "--output", "out/compare.md"]);

        // Argument mistakes.
        yield return WithData("cli/misspelled-option", ["validate", "--sute", "suite.json", "--data", Data]);
        yield return WithData("cli/misspelled-command", ["valdate", "--suite", "suite.json", "--data", Data]);
        foreach (var threads in new[] { "0", "-1", "abc", "100000" })
            yield return WithData($"cli/threads-{threads}", ["profile", Data, "--threads", threads]);
        yield return WithData("cli/output-is-a-folder", ["profile", Data, "--output", "out"]);
        yield return WithData("cli/data-is-dev-zero", ["validate", "--suite", "suite.json", "--data", "/dev/zero"]);
    }

    private static JsonObject Expect(string type, string? column, params (string Name, JsonNode? Value)[] arguments)
    {
        var expectation = new JsonObject { ["type"] = type };
        if (column is not null)
            expectation["column"] = column;
        foreach (var (name, value) in arguments)
            expectation[name] = value?.DeepClone();
        return expectation;
    }

    private static JsonArray ToArray(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);

    private static FuzzCase Suite(string name, IEnumerable<JsonObject> expectations)
    {
        var suite = new JsonObject { ["name"] = "hostile", ["meta"] = new JsonObject { ["primary_key"] = new JsonArray("id") }, ["expectations"] = new JsonArray([.. expectations]) };
        var text = suite.ToJsonString(Indented);
        return new FuzzCase(name, w =>
        {
            w.Copy(Templates.Hostile, Data);
            w.Write("suite.json", text);
        }, ["validate", "--suite", "suite.json", "--data", Data, "--format", "json", "--output", "out/result.json"]);
    }

    private static FuzzCase Contract(string name, string path, string format, string query)
    {
        var text = $$"""
            apiVersion: v3.1.0
            kind: DataContract
            id: hostile
            version: 1.0.0
            status: active
            servers:
              - server: local
                type: local
                format: {{format}}
                path: '{{path}}'
            schema:
              - name: hostile
                quality:
                  - type: sql
                    query: "{{query}}"
                    mustBe: 0

            """;
        return new FuzzCase(name, w =>
        {
            w.Copy(Templates.Hostile, Data);
            w.Write("contract.yaml", text);
        }, ["validate", "--contract", "contract.yaml"]);
    }

    private static FuzzCase WithData(string name, string[] args) => new(name, w =>
    {
        w.Copy(Templates.Hostile, Data);
        w.Write("suite.json", """{"name": "s", "expectations": [{"type": "expect_column_to_exist", "column": "id"}]}""");
    }, args);
}
