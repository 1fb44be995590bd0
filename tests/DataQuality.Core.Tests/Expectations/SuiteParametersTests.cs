using System.Text.Json.Nodes;
using DataQuality.Core.Checks;
using DataQuality.Core.Checks.Planning;

namespace DataQuality.Core.Tests.Expectations;

public sealed class SuiteParametersTests : ExpectationTestBase
{
    private static readonly DateTime Now = new(2026, 11, 22, 23, 30, 0, DateTimeKind.Utc);

    public SuiteParametersTests() : base("CREATE TABLE t AS SELECT * FROM (VALUES (TIMESTAMP '2001-01-01 12:00:01', 5), (TIMESTAMP '1999-12-31 00:00:00', 7)) v(ts, n)")
    {
    }

    private static string Eval(string expression) =>
        SuiteParameters.Evaluate(new JsonObject { [SuiteParameters.Key] = expression }, Now).ToJsonString();

    [Theory]
    [InlineData("now()", "\"2026-11-22T23:30:00\"")]
    [InlineData("now() - timedelta(weeks=52)", "\"2025-11-23T23:30:00\"")]
    [InlineData("now() - timedelta(weeks=52*100)", "\"1927-03-27T23:30:00\"")]
    [InlineData("datetime(1969, 1, 1)", "\"1969-01-01T00:00:00\"")]
    [InlineData("datetime(2003, 1, 1, 12, 30) + timedelta(days=1, hours=2)", "\"2003-01-02T14:30:00\"")]
    [InlineData("(2 + 3) * 4 - 1", "19")]
    public void Evaluates_the_gx_expression_subset(string expression, string expected) =>
        Eval(expression).Should().Be(expected);

    [Theory]
    [InlineData("upstream_row_count")]
    [InlineData("timedelta(days=1)")]
    [InlineData("now() - timedelta(fortnights=1)")]
    [InlineData("os.system('x')")]
    public void Rejects_what_it_cannot_evaluate(string expression)
    {
        var act = () => Eval(expression);

        act.Should().Throw<FormatException>();
    }

    private static readonly Dictionary<string, string> Variables = new(StringComparer.Ordinal)
    {
        ["rows"] = "40", ["day"] = "2026-02-11", ["at"] = "2026-02-11T10:30:00Z", ["label"] = "zebra", ["nan"] = "NaN",
    };

    private static string EvalWith(string expression) =>
        SuiteParameters.Evaluate(new JsonObject { [SuiteParameters.Key] = expression }, Now, name => Variables[name]).ToJsonString();

    [Theory]
    [InlineData("rows", "40")]
    [InlineData("rows * 2 + 1", "81")]
    [InlineData("day", "\"2026-02-11T00:00:00\"")]
    [InlineData("at - timedelta(hours=1)", "\"2026-02-11T09:30:00\"")]
    [InlineData("label", "\"zebra\"")]
    public void Run_time_parameters_take_their_values_typed(string expression, string expected) =>
        EvalWith(expression).Should().Be(expected);

    [Theory]
    [InlineData("label + 1", "not a number or a date")]
    [InlineData("nan", "not a number a bound can use")]
    public void Run_time_parameters_that_cannot_be_bounds_say_why(string expression, string reason) =>
        FluentActions.Invoking(() => EvalWith(expression)).Should().Throw<FormatException>().WithMessage($"*{reason}*");

    [Fact]
    public void Bounds_given_as_suite_parameters_are_evaluated()
    {
        var report = Run(
            E("expect_column_max_to_be_between", new { column = "ts", min_value = new JsonObject { [SuiteParameters.Key] = "now() - timedelta(weeks=52)" } }),
            E("expect_column_values_to_be_between", new { column = "ts", min_value = new JsonObject { [SuiteParameters.Key] = "datetime(1969, 1, 1)" }, max_value = new JsonObject { [SuiteParameters.Key] = "datetime(2003, 1, 1)" } }),
            E("expect_column_max_to_be_between", new { column = "n", max_value = new JsonObject { [SuiteParameters.Key] = "limit" } }));

        report.Results[0].Success.Should().BeFalse("2001 is more than a year ago");
        report.Results[1].Success.Should().BeTrue();
        // A run-time parameter takes the run's variables, then DQ_VAR_name; with neither it is DQ1030 for that check.
        report.Results[2].Status.Should().Be(CheckStatus.Error);
        report.Results[2].Exception!.Message.Should().Contain("DQ_VAR_limit").And.Contain("is not set");
    }
}
