using System.Text.Json.Nodes;
using DataQuality.Core.Checks;
using DataQuality.Core.Expectations;
using DataQuality.Xunit.Sdk;

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

    [Fact]
    public async Task The_summary_is_appended_to_the_GitHub_step_summary_or_written_next_to_the_results()
    {
        using var dir = new Core.Tests.TestSupport.TempDirectory();
        var stepSummary = dir.Combine("step-summary.md");
        await File.WriteAllTextAsync(stepSummary, "# earlier step\n", TestContext.Current.CancellationToken);
        RecordedCheck[] checks = [Check("orders", "orders · id · unique", CheckStatus.Failed)];

        (await DataQualityRunReport.WriteAsync(checks, stepSummary, dir.Combine("unused.md"))).Should().Be(stepSummary);
        var fallback = await DataQualityRunReport.WriteAsync(checks, null, dir.Combine("TestResults", "dataquality-summary.md"));

        (await File.ReadAllTextAsync(stepSummary, TestContext.Current.CancellationToken)).Should().StartWith("# earlier step\n## ❌ Data quality: 1 datasets");
        File.Exists(dir.Combine("unused.md")).Should().BeFalse();
        fallback.Should().Be(dir.Combine("TestResults", "dataquality-summary.md"));
        (await File.ReadAllTextAsync(fallback!, TestContext.Current.CancellationToken)).Should().Contain("| FAIL | orders · id · unique |");
        (await DataQualityRunReport.WriteAsync([], stepSummary, fallback!)).Should().BeNull("no check ran, nothing to report");
    }
}
