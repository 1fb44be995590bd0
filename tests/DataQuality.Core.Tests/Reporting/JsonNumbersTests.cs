using System.Text.Json;
using System.Text.Json.Nodes;
using DataQuality.Core.Checks;
using DataQuality.Core.Reporting;

namespace DataQuality.Core.Tests.Reporting;

public sealed class JsonNumbersTests
{
    [Fact]
    public void Non_finite_numbers_are_written_as_named_strings_never_null()
    {
        var node = new JsonObject { ["nan"] = double.NaN, ["inf"] = double.PositiveInfinity, ["ninf"] = double.NegativeInfinity, ["x"] = 1.5, ["none"] = null };

        using var doc = JsonDocument.Parse(node.ToJsonString(JsonNumbers.Indented));

        var root = doc.RootElement;
        (root.GetProperty("nan").GetString(), root.GetProperty("inf").GetString(), root.GetProperty("ninf").GetString()).Should().Be(("NaN", "Infinity", "-Infinity"));
        root.GetProperty("x").GetDouble().Should().Be(1.5);
        root.GetProperty("none").ValueKind.Should().Be(JsonValueKind.Null);
        JsonNumbers.ToNode(double.NegativeInfinity).GetValue<string>().Should().Be("-Infinity");
    }

    [Fact]
    public void Validation_json_with_a_non_finite_observed_value_is_written_not_thrown()
    {
        var expectation = new Core.Expectations.ExpectationConfig("expect_column_mean_to_be_between", new JsonObject { ["column"] = "v" });
        var result = new ExpectationResult { Expectation = expectation, Success = false, Status = CheckStatus.Failed, Result = new ResultDetails { ObservedValue = JsonValue.Create(double.PositiveInfinity) } };

        var json = ValidationRenderer.Json([new ValidationReport("suite", "data", [result])]);

        JsonDocument.Parse(json).RootElement.GetProperty("results")[0].GetProperty("result").GetProperty("observed_value").GetString().Should().Be("Infinity");
    }
}
