using System.Text.Json.Nodes;
using DataQuality.Core.Checks;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Datasets;
using DataQuality.Core.Expectations;

namespace DataQuality.Core.Tests.Checks;

public sealed class SuiteRunnerTests : IDisposable
{
    private readonly DuckDbSession _db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });

    public SuiteRunnerTests() =>
        _db.Execute("CREATE TABLE t AS SELECT * FROM (VALUES (1, 10.0, 'a'), (2, NULL, 'b'), (3, 30.0, 'b'), (4, 40.0, NULL), (5, 500.0, 'c')) v(id, amount, code)");

    public void Dispose() => _db.Dispose();

    private static ExpectationConfig E(string type, object kwargs, Severity severity = Severity.Error) =>
        new(type, JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(kwargs))!.AsObject(), severity);

    private ValidationReport Run(params ExpectationConfig[] expectations) =>
        new SuiteRunner(_db).Run(new ExpectationSuite("s", expectations) { PrimaryKey = ["id"] }, new DataSource("t", "t"));

    [Fact]
    public void Mostly_leaves_nulls_out_of_the_denominator_of_map_expectations()
    {
        // 4 non-null amounts, one (500) outside: 3/4 = 0.75.
        var report = Run(
            E("expect_column_values_to_be_between", new { column = "amount", min_value = 0, max_value = 100, mostly = 0.75 }),
            E("expect_column_values_to_be_between", new { column = "amount", min_value = 0, max_value = 100, mostly = 0.76 }));

        report.Results[0].Success.Should().BeTrue();
        report.Results[1].Success.Should().BeFalse();
        var r = report.Results[1].Result;
        r.ElementCount.Should().Be(5);
        r.MissingCount.Should().Be(1);
        r.UnexpectedCount.Should().Be(1);
        r.UnexpectedPercent.Should().BeApproximately(25.0, 1e-9);
        r.UnexpectedPercentTotal.Should().BeApproximately(20.0, 1e-9);
        r.PartialUnexpectedList!.ToJsonString().Should().Be("[500]");
        r.PartialUnexpectedIndexList!.ToJsonString().Should().Be("""[{"id":5,"amount":500}]""");
    }

    [Fact]
    public void Not_null_uses_every_row_as_the_denominator()
    {
        var report = Run(
            E("expect_column_values_to_not_be_null", new { column = "amount", mostly = 0.8 }),
            E("expect_column_values_to_not_be_null", new { column = "amount", mostly = 0.81 }));

        report.Results[0].Success.Should().BeTrue();
        report.Results[1].Success.Should().BeFalse();
        report.Results[1].Result.UnexpectedPercent.Should().BeApproximately(20.0, 1e-9);
        report.Results[1].Result.MissingCount.Should().BeNull();
    }

    [Fact]
    public void All_metrics_of_a_suite_come_from_one_scan()
    {
        var runner = new SuiteRunner(_db);
        var suite = new ExpectationSuite("s", [
            E("expect_column_values_to_be_unique", new { column = "code" }),
            E("expect_column_values_to_be_in_set", new { column = "code", value_set = new[] { "a", "b", "c" } }),
            E("expect_column_max_to_be_between", new { column = "amount", max_value = 1000 }),
            E("expect_column_mean_to_be_between", new { column = "amount", min_value = 0 }),
            E("expect_table_row_count_to_be_between", new { min_value = 5, max_value = 5 }),
            E("expect_column_to_exist", new { column = "id" }),
        ]);

        var report = runner.Run(suite, new DataSource("t", "t"));

        runner.LastScanCount.Should().Be(1);
        report.Results.Select(r => r.Success).Should().Equal(false, true, true, true, true, true);
        report.Results[0].Result.UnexpectedCount.Should().Be(2, "both rows holding 'b' are duplicates");
        report.Results[2].Result.ObservedValue!.ToJsonString().Should().Be("500");
    }

    [Fact]
    public void A_bad_expectation_is_an_error_result_and_the_rest_still_run()
    {
        var report = Run(
            E("expect_column_values_to_be_between", new { column = "amuont", min_value = 0 }),
            E("expect_column_values_to_be_betwen", new { column = "amount", min_value = 0 }),
            E("expect_column_values_to_be_between", new { column = "amount" }),
            E("expect_column_values_to_not_be_null", new { column = "id" }));

        report.Results[0].Status.Should().Be(CheckStatus.Error);
        report.Results[0].Exception!.Message.Should().Contain("did you mean 'amount'");
        report.Results[1].Exception!.Message.Should().Contain("did you mean 'expect_column_values_to_be_between'");
        report.Results[2].Exception!.Code.Should().Be("DQ4104");
        report.Results[3].Success.Should().BeTrue();
        report.ExitCode().Should().Be(ExitCodes.ChecksFailed);
    }

    [Fact]
    public void A_check_whose_sql_fails_is_isolated_from_the_others()
    {
        // Casting a letter to INTEGER fails inside DuckDB, not in planning.
        var report = Run(
            E("expect_column_max_to_be_between", new { column = "amount", max_value = 1000 }),
            E("expect_column_values_to_be_between", new { column = "amount", min_value = 0, row_condition = "CAST(code AS INTEGER) > 0" }));

        report.Results[0].Success.Should().BeTrue();
        report.Results[1].Status.Should().Be(CheckStatus.Error);
        report.Results[1].Exception!.Message.Should().Contain("DuckDB could not evaluate");
    }

    [Fact]
    public void Warn_severity_failure_is_reported_but_does_not_fail_the_run()
    {
        var report = Run(E("expect_column_values_to_be_in_set", new { column = "code", value_set = new[] { "a" } }, Severity.Warn));

        report.Results[0].Status.Should().Be(CheckStatus.Warned);
        report.ExitCode().Should().Be(ExitCodes.Passed);
        report.ExitCode(failOnWarn: true).Should().Be(ExitCodes.ChecksFailed);
    }

    [Fact]
    public void Row_condition_in_gx_syntax_restricts_the_rows()
    {
        var report = Run(E("expect_column_values_to_be_between", new { column = "amount", max_value = 100, row_condition = "col(\"id\")<5", condition_parser = "great_expectations" }));

        report.Results[0].Success.Should().BeTrue();
        report.Results[0].Result.ElementCount.Should().Be(4);
    }

    [Fact]
    public void Empty_input_passes_map_expectations_vacuously()
    {
        var report = Run(E("expect_column_values_to_be_between", new { column = "amount", max_value = 1, row_condition = "id > 100" }));

        report.Results[0].Success.Should().BeTrue();
        report.Results[0].Result.ElementCount.Should().Be(0);
    }

    [Fact]
    public void Bounds_of_another_type_than_the_column_or_an_empty_range_are_errors_not_text_comparisons()
    {
        var report = Run(
            E("expect_column_values_to_be_between", new { column = "code", min_value = 1, max_value = 10 }),
            E("expect_column_values_to_be_between", new { column = "amount", min_value = 10, max_value = 0 }),
            E("expect_column_mean_to_be_between", new { column = "amount", max_value = "s" }),
            E("expect_table_row_count_to_be_between", new { max_value = "quack" }),
            E("expect_column_values_to_be_between", new { column = "code", min_value = "a", max_value = "b" }));

        report.Results.Take(4).Should().OnlyContain(r => r.Status == CheckStatus.Error);
        report.Results[0].Exception!.Code.Should().Be("DQ4411");
        report.Results[1].Exception!.Message.Should().Contain("cannot be greater than max_value");
        report.Results[4].Status.Should().Be(CheckStatus.Failed);
    }

    [Fact]
    public void A_mean_with_both_bounds_open_succeeds_like_GX()
    {
        var report = Run(E("expect_column_mean_to_be_between", new { column = "amount", min_value = (int?)null, max_value = (int?)null }));

        report.Results[0].Success.Should().BeTrue();
        report.Results[0].Result.ObservedValue!.GetValue<double>().Should().BeApproximately(145.0, 1e-9);
    }
}
