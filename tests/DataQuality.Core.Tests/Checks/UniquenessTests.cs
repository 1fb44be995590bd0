using System.Text.Json.Nodes;
using DataQuality.Core.Checks;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Datasets;
using DataQuality.Core.Expectations;
using DataQuality.Core.Profiling;
using DataQuality.Core.Tests.Contracts;

namespace DataQuality.Core.Tests.Checks;

/// <summary>
/// The one definition of "unique" (<see cref="Uniqueness"/>, docs/semantics.md "Uniqueness"): the suite
/// expectation, contract <c>unique</c> and <c>dq suggest</c> agree on a column with NULLs and duplicates.
/// </summary>
public sealed class UniquenessTests : IDisposable
{
    // 1,000 rows; every hundredth value is NULL (10 rows). dup repeats 0 once (rows 0 and 999); nulls_only_repeat
    // repeats nothing but NULL. Near-unique on purpose, so dq suggest's HLL shortlist lets both reach the exact count.
    private const string Data = """
        SELECT CASE WHEN i % 100 = 50 THEN NULL WHEN i = 999 THEN 0 ELSE i END::BIGINT AS dup,
               CASE WHEN i % 100 = 50 THEN NULL ELSE i END::BIGINT AS nulls_only_repeat
        FROM range(1000) t(i)
        """;

    private readonly ContractWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Suite_contract_and_suggest_agree_that_nulls_are_not_duplicates_and_a_repeated_value_is()
    {
        var file = _workspace.Parquet("t", Data);

        // Suite: GX counts every copy of the repeated value, out of the non-missing rows.
        using var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });
        var relation = $"read_parquet({SqlText.Literal(file)})";
        var suite = new SuiteRunner(db).Run(new ExpectationSuite("s",
        [
            new ExpectationConfig("expect_column_values_to_be_unique", new JsonObject { ["column"] = "dup" }),
            new ExpectationConfig("expect_column_values_to_be_unique", new JsonObject { ["column"] = "nulls_only_repeat" }),
        ]), new DataSource("t", relation));
        suite.Results.Select(r => (r.Status, r.Result.UnexpectedCount, r.Result.MissingCount, r.Result.UnexpectedPercent)).Should().Equal(
            (CheckStatus.Failed, 2L, 10L, 100.0 * 2 / 990), (CheckStatus.Passed, 0L, 10L, 0.0));

        // Contract unique: duplicate_count is the surplus copies (one), and zero for the column whose only repeat is NULL.
        var contract = _workspace.Contract($"""
            apiVersion: v3.1.0
            kind: DataContract
            id: t
            version: 1.0.0
            status: active
            servers:
              - server: local
                type: local
                format: parquet
                path: data/t.parquet
            schema:
              - name: t
                properties:
                  - name: dup
                    logicalType: integer
                    unique: true
                  - name: nulls_only_repeat
                    logicalType: integer
                    unique: true
            """);
        var run = await _workspace.RunAsync(contract);
        run.Models.Single().Report!.Results.Where(r => r.Expectation.DisplayName.EndsWith(" · unique", StringComparison.Ordinal))
            .Select(r => (r.Expectation.DisplayName, r.Status, r.Result.ObservedValue!.GetValue<long>())).Should().Equal(
                ("t · dup · unique", CheckStatus.Failed, 1L), ("t · nulls_only_repeat · unique", CheckStatus.Passed, 0L));

        // dq suggest: both columns look unique to the HyperLogLog estimate; the exact count keeps unique for one.
        var profile = await ParquetProfiler.ProfileFileAsync(file, cancellationToken: TestContext.Current.CancellationToken);
        var yaml = ContractSuggester.SuggestYaml(profile, "t", relation, db);
        var properties = new YamlDotNet.Serialization.Deserializer().Deserialize<Dictionary<string, object>>(yaml)["schema"] is List<object> schema
            ? ((Dictionary<object, object>)schema[0])["properties"] : null;
        var unique = ((List<object>)properties!).Cast<Dictionary<object, object>>()
            .ToDictionary(p => (string)p["name"], p => p.TryGetValue("unique", out var u) && (string)u == "true");
        unique.Should().Equal(new Dictionary<string, bool> { ["dup"] = false, ["nulls_only_repeat"] = true });
    }

    [Fact]
    public void A_composite_key_is_missing_only_when_every_column_is_null_and_otherwise_null_equals_null()
    {
        using var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });
        db.Execute("CREATE TABLE k AS SELECT * FROM (VALUES (1, NULL), (1, NULL), (NULL, NULL), (NULL, NULL), (2, 1), (3, 1)) v(a, b)");
        var report = new SuiteRunner(db).Run(new ExpectationSuite("s",
        [
            new ExpectationConfig("dq_duplicate_values", new JsonObject { ["column_list"] = new JsonArray("a", "b") }),
            new ExpectationConfig("dq_duplicate_values", new JsonObject { ["column"] = "b" }),
        ]), new DataSource("k", "k"));

        report.Results.Select(r => r.Result.ObservedValue!.GetValue<long>()).Should().Equal(
            [1L, 1L], "(1, NULL) twice is one surplus copy, the all-NULL keys are missing; b holds 1 twice and NULLs that are not duplicates");
    }
}
