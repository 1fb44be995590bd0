using System.Text.Json.Nodes;
using DataQuality.Core.Expectations;
using DataQuality.Core.Reporting;

namespace DataQuality.Xunit.Tests;

public sealed class CheckMessageTests : IDisposable
{
    private readonly OrdersData _data = new();

    public void Dispose() => _data.Dispose();

    private Core.Checks.ExpectationResult Run(string type, JsonObject kwargs)
    {
        var suite = new ExpectationSuite("s", [new ExpectationConfig(type, kwargs)]) { PrimaryKey = ["order_id"] };
        return Dataset.Load(_data.Dir.Combine("out", "silver", "orders")).Validate(suite, TestContext.Current.CancellationToken).Results[0];
    }

    [Fact]
    public void At_most_ten_failing_rows_are_listed_with_the_total()
    {
        // Every amount is outside [1000, 2000]: 20 failures.
        var result = Run("expect_column_values_to_be_between", new JsonObject { ["column"] = "amount", ["min_value"] = 1000, ["max_value"] = 2000 });

        var message = CheckMessage.Format("orders · amount · between", result, ["order_id"], showSql: false);

        message.Should().Contain("failing rows (first 10 of 20, by order_id):");
        message.Split('\n').Count(line => line.StartsWith("    {\"order_id\":", StringComparison.Ordinal)).Should().Be(10);
        message.Should().Contain("(set DQ_SHOW_SQL=1 to see the SQL)").And.NotContain("  sql:");
    }

    [Fact]
    public void The_sql_is_shown_on_request_and_aggregates_show_the_observed_value()
    {
        var result = Run("expect_column_mean_to_be_between", new JsonObject { ["column"] = "amount", ["min_value"] = 1000, ["max_value"] = 2000 });

        var mapResult = Run("expect_column_values_to_be_in_set", new JsonObject { ["column"] = "status", ["value_set"] = new JsonArray("placed") });

        var message = CheckMessage.Format("orders · amount · mean between", result, ["order_id"], showSql: true);
        var mapMessage = CheckMessage.Format("orders · status · in set", mapResult, ["order_id"], showSql: true);

        message.Should().Contain("observed:  98.25").And.Contain("threshold: {\"min_value\":1000,\"max_value\":2000}");
        mapMessage.Should().Contain("  sql:\n    SELECT count(*) FROM").And.Contain("'placed'");
    }
}
