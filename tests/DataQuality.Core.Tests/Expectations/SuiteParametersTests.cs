using System.Text.Json.Nodes;
using DataQuality.Core.Checks;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Datasets;
using DataQuality.Core.Expectations;

namespace DataQuality.Core.Tests.Expectations;

public sealed class SuiteParametersTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 10, 30, 0);

    private static ExpectationConfig Config(string json) => new("expect_column_values_to_be_between", JsonNode.Parse(json)!.AsObject());

    [Theory]
    [InlineData("now()", "\"2026-11-22T10:30:00\"")]
    [InlineData("datetime(1969, 1, 1)", "\"1969-01-01T00:00:00\"")]
    [InlineData("now() - timedelta(weeks=52*100)", "\"1927-03-27T10:30:00\"")]
    [InlineData("now() + timedelta(days=1, hours=12)", "\"2026-11-23T22:30:00\"")]
    [InlineData("(2 + 3) * 4 - -1", "21")]
    [InlineData("limit / 4", "2.5")]
    public void Parameter_expressions_are_evaluated(string expression, string expected)
    {
        var config = Config($$$"""{"column":"ts","max_value":{"$PARAMETER":"{{{expression}}}"}}""");

        var resolved = SuiteParameters.Resolve(config, new Dictionary<string, JsonNode?> { ["limit"] = 10 }, Now);

        resolved.Kwargs["max_value"]!.ToJsonString().Should().Be(expected);
        resolved.Kwargs["column"]!.GetValue<string>().Should().Be("ts");
    }

    [Theory]
    [InlineData("now(")]
    [InlineData("unknown_param + 1")]
    [InlineData("timedelta(fortnights=1)")]
    [InlineData("now() * 2")]
    public void Bad_expressions_are_argument_errors(string expression)
    {
        var act = () => SuiteParameters.Resolve(Config($$$"""{"column":"ts","min_value":{"$PARAMETER":"{{{expression}}}"}}"""), now: Now);

        act.Should().Throw<ExpectationArgumentException>().Which.Code.Should().Be("DQ4104");
    }

    [Fact]
    public void The_runner_evaluates_parameters_and_reports_bad_ones_as_errors()
    {
        using var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });
        db.Execute("CREATE TABLE t AS SELECT * FROM (VALUES (TIMESTAMP '1970-01-01 12:00:01'), (TIMESTAMP '2001-01-01 12:00:01')) v(ts)");
        var suite = new ExpectationSuite("s", [
            Config("""{"column":"ts","max_value":{"$PARAMETER":"now()"}}"""),
            Config("""{"column":"ts","min_value":{"$PARAMETER":"datetime(2000, 1, 1)"}}"""),
            Config("""{"column":"ts","min_value":{"$PARAMETER":"nope"}}"""),
        ]);

        var results = new SuiteRunner(db).Run(suite, new DataSource("t", "t")).Results;

        results[0].Success.Should().BeTrue();
        results[1].Success.Should().BeFalse();
        results[1].Result.UnexpectedCount.Should().Be(1);
        results[2].Status.Should().Be(CheckStatus.Error);
        results[0].Expectation.Kwargs["max_value"]!.ToJsonString().Should().Contain("$PARAMETER", "results keep the suite as written");
    }
}
