using DataQuality.Core.Checks;

namespace DataQuality.Core.Tests.Expectations;

public sealed class JsonExpectationTests : IDisposable
{
    private readonly MapTable _t = new("""
        SELECT * FROM (VALUES
          (1, '{"name":"a","age":30,"tags":["x","y"],"kind":"p"}'),
          (2, '{"name":"b","age":-1,"tags":[],"kind":"q"}'),
          (3, '{"name":"c","tags":["x","x"],"extra":true}'),
          (4, 'not json'),
          (5, NULL),
          (6, '[1,2]'),
          (7, '{"name":7,"age":2.0}')
        ) v(id, j)
        """);

    public void Dispose() => _t.Dispose();

    private IEnumerable<long> UnexpectedIds(object schema)
    {
        var r = _t.Run("expect_column_values_to_match_json_schema", new { column = "j", json_schema = schema });
        r.Status.Should().NotBe(CheckStatus.Error, r.Exception?.Message);
        return r.Result.UnexpectedIndexList!.Select(e => e!["id"]!.GetValue<long>());
    }

    [Fact]
    public void Json_parseable_rejects_text_duckdb_cannot_parse_and_leaves_nulls_out()
    {
        var r = _t.Run("expect_column_values_to_be_json_parseable", new { column = "j" });
        r.Result.UnexpectedList!.ToJsonString().Should().Be("""["not json"]""");
        r.Result.MissingCount.Should().Be(1);
        _t.Run("expect_column_values_to_be_json_parseable", new { column = "id" }).Result.UnexpectedCount.Should().Be(7, "numbers are not JSON text");
    }

    [Fact]
    public void Empty_schema_accepts_any_json_but_not_invalid_text() =>
        UnexpectedIds(new { }).Should().Equal(4);

    [Fact]
    public void Type_required_and_properties() =>
        UnexpectedIds(new
        {
            type = "object",
            required = new[] { "name", "age" },
            properties = new { name = new { type = "string" }, age = new { type = "integer", minimum = 0 } },
        }).Should().Equal(2, 3, 4, 6, 7);

    [Fact]
    public void Integer_accepts_whole_doubles_and_enum_compares_json_values() =>
        UnexpectedIds(new { properties = new { age = new { type = "integer" }, kind = new { @enum = new[] { "p", "r" } } } }).Should().Equal(2, 4);

    [Fact]
    public void Items_min_items_unique_items_and_additional_properties()
    {
        UnexpectedIds(new { properties = new { tags = new { type = "array", items = new { type = "string", maxLength = 1 }, minItems = 1 } } }).Should().Equal(2, 4);
        UnexpectedIds(new { properties = new { tags = new { uniqueItems = true } } }).Should().Equal(3, 4);
        UnexpectedIds(new { properties = new { name = new { }, age = new { }, tags = new { }, kind = new { } }, additionalProperties = false }).Should().Equal(3, 4);
    }

    [Fact]
    public void Combinators_and_patterns() =>
        UnexpectedIds(new { anyOf = new object[] { new { type = "array" }, new { properties = new { name = new { type = "string", pattern = "^[ab]$" } }, required = new[] { "name" } } } })
            .Should().Equal(3, 4, 7);

    [Fact]
    public void Unsupported_keywords_are_errors_not_ignored()
    {
        var r = _t.Run("expect_column_values_to_match_json_schema", new { column = "j", json_schema = new Dictionary<string, object> { ["$ref"] = "#/definitions/x" } });
        r.Status.Should().Be(CheckStatus.Error);
        r.Exception!.Code.Should().Be("DQ4440");
        _t.Run("expect_column_values_to_match_json_schema", new { column = "j", json_schema = new { type = "objekt" } }).Exception!.Code.Should().Be("DQ4441");
        _t.Run("expect_column_values_to_match_json_schema", new { column = "id", json_schema = new { } }).Exception!.Code.Should().Be("DQ4410");
    }
}
