using DataQuality.Core.Checks;
using DataQuality.Core.Datasets;
using DataQuality.Core.Expectations;
using DataQuality.Core.Tests.TestSupport;

namespace DataQuality.Core.Tests.Expectations;

public sealed class TableExpectationTests : ExpectationTestBase
{
    public TableExpectationTests() : base("""
        CREATE TABLE t AS SELECT * FROM (VALUES (1, 'a', 10.0), (2, 'b', NULL), (3, 'c', 30.0), (4, NULL, 40.0)) v(id, code, amount)
        """)
    {
    }

    [Fact]
    public void Schema_only_expectations_need_no_scan()
    {
        var report = Run(
            E("expect_column_to_exist", new { column = "code", column_index = 1 }),
            E("expect_table_column_count_to_be_between", new { min_value = 3, max_value = 3 }),
            E("expect_table_column_count_to_equal", new { value = 3 }),
            E("expect_table_columns_to_match_set", new { column_set = new[] { "amount", "code", "id" } }),
            E("expect_table_columns_to_match_ordered_list", new { column_list = new[] { "id", "code", "amount" } }));

        Runner.LastScanCount.Should().Be(0);
        report.Results.Should().AllSatisfy(r => r.Success.Should().BeTrue());
        Json(report.Results[1].Result.ObservedValue).Should().Be("3");
    }

    [Fact]
    public void Column_to_exist_checks_the_zero_based_index()
    {
        var report = Run(
            E("expect_column_to_exist", new { column = "code", column_index = 2 }),
            E("expect_column_to_exist", new { column = "nope" }),
            E("expect_column_to_exist", new { column = "id", column_index = 0.5 }));

        report.Results[0].Success.Should().BeFalse();
        report.Results[1].Success.Should().BeFalse();
        report.Results[2].Exception!.Code.Should().Be("DQ4701");
    }

    [Fact]
    public void Column_count_bounds_must_be_ordered_integers()
    {
        var report = Run(
            E("expect_table_column_count_to_be_between", new { min_value = 4 }),
            E("expect_table_column_count_to_be_between", new { min_value = 5, max_value = 1 }),
            E("expect_table_column_count_to_be_between", new { max_value = "quack" }),
            E("expect_table_column_count_to_equal", new { value = "hello" }),
            E("expect_table_row_count_to_be_between", new { min_value = 2.5 }));

        report.Results[0].Success.Should().BeFalse();
        report.Results.Skip(1).Select(r => r.Exception?.Code).Should().Equal("DQ4707", "DQ4706", "DQ4701", "DQ4706");
        report.Results[3].Exception!.Message.Should().Contain("not a valid integer");
    }

    [Fact]
    public void Columns_to_match_set_reports_unexpected_and_missing_columns()
    {
        var report = Run(
            E("expect_table_columns_to_match_set", new { column_set = new[] { "id", "code" } }),
            E("expect_table_columns_to_match_set", new { column_set = new[] { "id", "code" }, exact_match = false }),
            E("expect_table_columns_to_match_set", new { column_set = new[] { "id", "code", "amount", "zeta", "alpha" }, exact_match = false }),
            E("expect_table_columns_to_match_set", new { column_set = (string[]?)null, exact_match = false }));

        report.Results.Select(r => r.Success).Should().Equal(false, true, false, true);
        Json(report.Results[0].Result.Details).Should().Be("""{"mismatched":{"unexpected":["amount"]}}""");
        Json(report.Results[1].Result.ObservedValue).Should().Be("""["id","code","amount"]""");
        Json(report.Results[2].Result.Details).Should().Be("""{"mismatched":{"missing":["alpha","zeta"]}}""");
        report.Results[3].Result.Details.Should().BeNull();
    }

    [Fact]
    public void Columns_to_match_ordered_list_lists_each_mismatched_position()
    {
        var r = One("expect_table_columns_to_match_ordered_list", new { column_list = new[] { "id", "amount", "code", "extra" } });

        r.Success.Should().BeFalse();
        Json(r.Result.Details).Should().Be(
            """{"mismatched":[{"Expected Column Position":1,"Expected":"amount","Found":"code"},{"Expected Column Position":2,"Expected":"code","Found":"amount"},{"Expected Column Position":3,"Expected":"extra","Found":null}]}""");
    }

    [Fact]
    public void Row_count_to_equal_honours_row_condition_and_joins_the_scan()
    {
        var report = Run(
            E("expect_table_row_count_to_equal", new { value = 4 }),
            E("expect_table_row_count_to_equal", new { value = 2, row_condition = "amount > 15" }),
            E("expect_column_max_to_be_between", new { column = "amount", max_value = 100 }));

        report.Results.Select(r => r.Success).Should().Equal(true, true, true);
        Runner.LastScanCount.Should().Be(1);
    }

    [Fact]
    public void Row_count_to_equal_other_table_reads_a_session_table_or_a_dataset_location()
    {
        using var dir = new TempDirectory();
        var parquet = dir.Combine("other.parquet");
        Db.Execute($"COPY (SELECT * FROM range(4)) TO {SqlText.Literal(parquet)} (FORMAT parquet)");
        Db.Execute("CREATE TABLE three AS SELECT * FROM range(3)");

        var report = Run(
            E("expect_table_row_count_to_equal_other_table", new { other_table_name = "three" }),
            E("expect_table_row_count_to_equal_other_table", new { other_table_name = parquet }),
            E("expect_table_row_count_to_equal_other_table", new { other_table_name = "no_such_table" }),
            E("expect_table_row_count_to_equal_other_table", new { other_table_name = dir.Combine("missing", "*.parquet") }),
            E("expect_table_row_count_to_equal_other_table", new { other_table_name = "missing.parquet" }));

        report.Results[0].Success.Should().BeFalse();
        Json(report.Results[0].Result.ObservedValue).Should().Be("""{"self":4,"other":3}""");
        report.Results[1].Success.Should().BeTrue();
        Json(report.Results[1].Result.ObservedValue).Should().Be("""{"self":4,"other":4}""");
        report.Results[2].Exception!.Code.Should().Be("DQ4703");
        report.Results[2].Exception!.Message.Should().Contain("no_such_table");
        report.Results[3].Exception!.Code.Should().Be("DQ4703");
        report.Results[4].Exception!.Message.Should().Contain("Dataset not found", "a name with a data file extension is a location, not schema.table");
    }

    [Fact]
    public void Unexpected_rows_counts_the_rows_the_query_returns_and_samples_them()
    {
        var report = Run(
            E("unexpected_rows_expectation", new { unexpected_rows_query = "SELECT * FROM {batch} WHERE amount > 100" }),
            E("UnexpectedRowsExpectation", new { unexpected_rows_query = "SELECT id, code FROM {batch} WHERE code IS NULL OR code = 'a;b'" }),
            E("unexpected_rows_expectation", new { unexpected_rows_query = "-- nulls\nWITH x AS (SELECT * FROM {batch}) SELECT * FROM x WHERE amount IS NULL OR id > 2;" }),
            E("unexpected_rows_expectation", new { unexpected_rows_query = "SELECT * FROM {batch} WHERE amount IS NULL", row_condition = "id > 2" }));

        report.Results.Select(r => r.Success).Should().Equal(true, false, false, true);
        Json(report.Results[0].Result.ObservedValue).Should().Be("\"0 unexpected rows\"");
        Json(report.Results[1].Result.ObservedValue).Should().Be("\"1 unexpected row\"");
        Json(report.Results[1].Result.Details).Should().Be("""{"unexpected_rows":[{"id":4,"code":null}],"unexpected_row_count":1}""");
        Json(report.Results[2].Result.ObservedValue).Should().Be("\"3 unexpected rows\"");
    }

    [Theory]
    [InlineData("DELETE FROM {batch}")]
    [InlineData("SELECT * FROM {batch}; DROP TABLE t")]
    [InlineData("/* harmless */ INSERT INTO t VALUES (9, 'z', 1.0)")]
    [InlineData("   ")]
    [InlineData("SELECT 'unterminated FROM {batch}")]
    public void Unexpected_rows_rejects_anything_but_one_read_only_query(string query)
    {
        var run = () => One("unexpected_rows_expectation", new { unexpected_rows_query = query });

        run.Should().Throw<ExpectationArgumentException>().Which.Code.Should().Be("DQ4704", "a rejected query stops the run (exit 2)");
        Db.Scalar("SELECT count(*) FROM t").Should().Be(4L, "nothing was executed");
    }

    [Theory]
    [InlineData("(DELETE FROM t RETURNING *)")]
    [InlineData("(INSERT INTO t VALUES (9, 'z', 1.0) RETURNING *)")]
    public void A_statement_that_passes_the_lexical_check_still_cannot_modify_data(string query)
    {
        var run = () => One("unexpected_rows_expectation", new { unexpected_rows_query = query });

        run.Should().Throw<ExpectationArgumentException>("DuckDB's parser, asked before anything runs, sees no query in it")
            .Which.Message.Should().Contain("does not parse as one read-only query");
        Db.Scalar("SELECT count(*) FROM t").Should().Be(4L);
    }

    [Fact]
    public void Unexpected_rows_query_that_duckdb_rejects_is_an_error_result()
    {
        var report = Run(
            E("unexpected_rows_expectation", new { unexpected_rows_query = "SELECT * FROM {batch} WHERE no_such_column > 1" }),
            E("expect_table_row_count_to_equal", new { value = 4 }));

        report.Results[0].Exception!.Code.Should().Be("DQ4705");
        report.Results[0].Exception!.Message.Should().Contain("no_such_column");
        report.Results[1].Success.Should().BeTrue();
    }
}
