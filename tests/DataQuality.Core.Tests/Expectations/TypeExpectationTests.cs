using DataQuality.Core.Checks;

namespace DataQuality.Core.Tests.Expectations;

public sealed class TypeExpectationTests : IDisposable
{
    private readonly MapTable _t = new(
        "SELECT 1 AS id, 1::INTEGER AS i32, 2::BIGINT AS i64, 1.5::DOUBLE AS d, 1.5::FLOAT AS f, 1.5::DECIMAL(10,2) AS m, 'x' AS s, TRUE AS b, " +
        "TIMESTAMP '2020-01-01 00:00:00' AS ts, DATE '2020-01-01' AS dt");

    public void Dispose() => _t.Dispose();

    private bool OfType(string column, string type) => _t.Run("expect_column_values_to_be_of_type", new { column, type_ = type }).Success;

    [Theory]
    [InlineData("i64", "int64", true)]
    [InlineData("i64", "BIGINT", true)]
    [InlineData("i64", "LongType", true)]
    [InlineData("i64", "int", true)]
    [InlineData("i64", "INTEGER", true)]
    [InlineData("i64", "IntegerType", true)]
    [InlineData("i64", "int32", false)]
    [InlineData("i32", "int32", true)]
    [InlineData("i32", "Int64", false)]
    [InlineData("d", "DOUBLE_PRECISION", true)]
    [InlineData("d", "float64", true)]
    [InlineData("d", "FLOAT", true)]
    [InlineData("d", "float32", false)]
    [InlineData("f", "REAL", true)]
    [InlineData("m", "DECIMAL", true)]
    [InlineData("m", "DECIMAL(10,2)", true)]
    [InlineData("m", "DECIMAL(12,2)", false)]
    [InlineData("s", "VARCHAR", true)]
    [InlineData("s", "str", true)]
    [InlineData("s", "StringType", true)]
    [InlineData("s", "TEXT", true)]
    [InlineData("i64", "TEXT", false)]
    [InlineData("b", "bool", true)]
    [InlineData("b", "BooleanType", true)]
    [InlineData("ts", "datetime64", true)]
    [InlineData("ts", "TIMESTAMP", true)]
    [InlineData("ts", "Timestamp", false)]
    [InlineData("dt", "DateType", true)]
    public void Gx_type_names_map_to_duckdb_types(string column, string type, bool expected) => OfType(column, type).Should().Be(expected);

    [Fact]
    public void Result_reports_the_duckdb_type_and_needs_no_scan()
    {
        var results = _t.RunAll(ResultFormatLevel.Summary,
            MapTable.E("expect_column_values_to_be_of_type", new { column = "i64", type_ = "VARCHAR" }),
            MapTable.E("expect_column_values_to_be_in_type_list", new { column = "i64", type_list = new[] { "VARCHAR", "int64" } }));

        results[0].Success.Should().BeFalse();
        results[0].Result.ObservedValue!.GetValue<string>().Should().Be("BIGINT");
        results[1].Success.Should().BeTrue();
        _t.LastScanCount.Should().Be(0);
    }

    [Fact]
    public void An_unknown_type_name_is_an_error_and_a_null_type_list_passes()
    {
        var r = _t.Run("expect_column_values_to_be_of_type", new { column = "i64", type_ = "INTEGR" });
        r.Status.Should().Be(CheckStatus.Error);
        r.Exception!.Code.Should().Be("DQ4420");
        _t.Run("expect_column_values_to_be_in_type_list", new { column = "i64", type_list = (string[]?)null }).Success.Should().BeTrue();
    }
}
