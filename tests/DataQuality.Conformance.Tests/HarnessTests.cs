using System.Text.Json.Nodes;
using DataQuality.Conformance.Tests.Fixtures;
using DataQuality.Conformance.Tests.Running;
using DataQuality.Core.Datasets;

namespace DataQuality.Conformance.Tests;

/// <summary>The harness judges the engine, so it is tested itself: classification, table typing, and that a wrong answer is caught.</summary>
public sealed class HarnessTests
{
    private static JsonObject Obj(string json) => JsonNode.Parse(json)!.AsObject();

    [Theory]
    [InlineData("{}", "{}", CaseScope.Neutral, "postgresql")]
    [InlineData("{}", """{"only_for":["sqlalchemy"]}""", CaseScope.SqlTagged, "postgresql")]
    [InlineData("{}", """{"only_for":["sqlite","mysql"]}""", CaseScope.SqlTagged, "sqlite")]
    [InlineData("{}", """{"only_for":["pandas"]}""", CaseScope.OtherBackends, "postgresql")]
    [InlineData("{}", """{"suppress_test_for":["postgresql"]}""", CaseScope.SqlTagged, "sqlite")]
    [InlineData("{}", """{"suppress_test_for":["sqlalchemy"]}""", CaseScope.OtherBackends, "postgresql")]
    [InlineData("""{"suppress_test_for":["sqlite"]}""", """{"only_for":["sqlite"]}""", CaseScope.OtherBackends, "postgresql")]
    [InlineData("""{"only_for":["postgresql"]}""", "{}", CaseScope.SqlTagged, "postgresql")]
    public void Cases_are_classified_by_the_backends_GX_would_run_them_on(string dataset, string test, CaseScope scope, string backend)
    {
        GxFixtureLoader.Classify(Obj(dataset), Obj(test)).Should().Be((scope, backend));
    }

    [Fact]
    public void Tables_take_schema_hints_then_infer_from_values()
    {
        var table = new GxTable("d", Obj("""{"i":[1,null],"f":[1,2.5],"s":["a",null],"b":[true,false],"m":[1,"x"],"n":[null,null],"ts":["2020-01-01","2021-06-01"]}"""),
            Obj("""{"postgresql":{"ts":"TIMESTAMP","s":"TEXT"},"spark":{"i":"StringType"}}"""));
        using var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });

        FixtureTable.Create(db, "t", table, "postgresql", pkColumn: true);

        FixtureTable.Format(FixtureTable.Columns(table, "postgresql", true)).Should()
            .Be("i BIGINT, f DOUBLE, s VARCHAR, b BOOLEAN, m VARCHAR, n INTEGER, ts TIMESTAMP, pk_index BIGINT");
        db.Scalar("SELECT count(*) FILTER (WHERE ts > TIMESTAMP '2020-06-01')::BIGINT FROM t").Should().Be(1L);
        db.Scalar("SELECT string_agg(m || ':' || pk_index::VARCHAR, ',' ORDER BY pk_index) FROM t").Should().Be("1:0,x:1");
    }

    [Fact]
    public void A_wrong_expected_result_is_reported_as_a_miss()
    {
        var data = Obj("""{"x":[1,2,3,null]}""");
        GxCase Case(string output) => new("c", "column_map_expectations/f.json", "column_map_expectations", "expect_column_values_to_be_in_set", "d",
            [new GxTable("d", data, null)], Obj($$"""{"title":"t","exact_match_out":false,"in":{"column":"x","value_set":[1,2]},"out":{{output}}}"""), CaseScope.Neutral, "postgresql");
        CaseOutcome Run(string output)
        {
            using var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });
            return CaseRunner.Run(Case(output), db, new Dictionary<string, string?>());
        }

        Run("""{"success":false,"unexpected_list":[3],"unexpected_index_list":[{"x":3,"pk_index":2}]}""").Verdict.Should().Be(Verdict.Passed);
        Run("""{"success":true}""").Reason.Should().Contain("success=false");
        Run("""{"success":false,"unexpected_list":[2]}""").Reason.Should().Contain("unexpected_list");
        Run("""{"success":false,"unexpected_index_list":[{"x":3,"pk_index":3}]}""").Reason.Should().Contain("unexpected_index_list");
        Run("""{"success":false,"traceback_substring":"boom"}""").Reason.Should().Contain("expected an error");
    }

    [Fact]
    public void Observed_values_compare_like_numpy_allclose()
    {
        JsonCompare.Close(JsonValue.Create(2.0), JsonValue.Create(2.04), 1e-7, 5e-2).Should().BeTrue();
        JsonCompare.Close(JsonValue.Create(2.0), JsonValue.Create(2.2), 1e-7, 5e-2).Should().BeFalse();
        JsonCompare.Equal(JsonNode.Parse("[1, 2]"), JsonNode.Parse("[1.0, 2.0]")).Should().BeTrue();
        JsonCompare.SameMultiset(JsonNode.Parse("[2, 1, 1]")!.AsArray(), JsonNode.Parse("[1, 2, 1]")!.AsArray()).Should().BeTrue();
        JsonCompare.SameMultiset(JsonNode.Parse("[2, 2, 1]")!.AsArray(), JsonNode.Parse("[1, 2, 1]")!.AsArray()).Should().BeFalse();
    }
}
