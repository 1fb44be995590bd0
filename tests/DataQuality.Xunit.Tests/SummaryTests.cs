using System.Text.Json.Nodes;
using DataQuality.Core.Checks;
using DataQuality.Core.Expectations;

namespace DataQuality.Xunit.Tests;

public sealed class SummaryTests
{
    private static RecordedCheck Check(string model, string display, CheckStatus status) => new(
        "silver", model, $"/data/{model}", display,
        new ExpectationResult
        {
            Expectation = new ExpectationConfig("expect_column_values_to_be_unique", new JsonObject { ["column"] = "id" }),
            Success = status == CheckStatus.Passed,
            Status = status,
            Result = new ResultDetails { UnexpectedCount = status == CheckStatus.Passed ? 0 : 3, ElementCount = 10, MissingCount = 0 },
        });

    [Fact]
    public void Markdown_counts_per_dataset_and_lists_failing_checks_before_warnings()
    {
        var markdown = RunSummary.Markdown(
        [
            Check("customers", "customers · id · unique", CheckStatus.Passed),
            Check("orders", "orders · id · unique", CheckStatus.Warned),
            Check("orders", "orders · id · unique #2", CheckStatus.Failed),
            Check("orders", "orders · id · unique #3", CheckStatus.Passed),
        ]);

        markdown.Should().StartWith("## ❌ Data quality: 2 datasets, 4 checks — 2 passed, 1 warned, 1 failed");
        markdown.Should().Contain("| silver | orders | 1 | 1 | 1 |").And.Contain("| silver | customers | 1 | 0 | 0 |");
        markdown.IndexOf("| silver | orders |", StringComparison.Ordinal).Should().BeLessThan(markdown.IndexOf("| silver | customers |", StringComparison.Ordinal));
        markdown.IndexOf("| FAIL | orders · id · unique #2 |", StringComparison.Ordinal).Should().BeLessThan(markdown.IndexOf("| WARN | orders · id · unique |", StringComparison.Ordinal));
        markdown.Should().NotContain("| PASS |");
    }
}
