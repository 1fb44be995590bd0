using DataQuality.Core.Expectations.Readers;

namespace DataQuality.Xunit.Tests;

public sealed class AssertionTests : IDisposable
{
    private readonly OrdersData _data = new();

    public void Dispose() => _data.Dispose();

    private Dataset Orders => Dataset.Load(_data.Dir.Combine("out", "silver", "orders")).WithPrimaryKey("order_id");

    [Fact]
    public void HaveUniqueValues_fails_on_the_duplicate_order_id_and_names_it()
    {
        var act = () => Orders.Should().HaveUniqueValues("order_id", "order ids are keys");

        act.Should().Throw<Exception>().Which.Message
            .Should().Contain("because order ids are keys").And.Contain("order_id · expect_column_values_to_be_unique failed").And.Contain("2 unexpected of 20 non-missing rows");
    }

    [Fact]
    public void A_failure_is_the_adapters_plain_assertion_failure_with_no_FluentAssertions_frames()
    {
        var act = () => Orders.Should().HaveUniqueValues("order_id", "{0} is the key", "order_id");

        var failure = act.Should().Throw<CheckFailedException>().Which;
        failure.Message.Should().StartWith("Expected data checks to pass because order_id is the key, but\n");
        failure.StackTrace.Should().BeNull("xunit v3 shows the message of an IAssertionException; the frames are ours, not the user's");
        failure.ToString().Should().NotContain("FluentAssertions");
        failure.GetType().GetInterfaces().Should().Contain(i => i.Name == "IAssertionException", "xunit v3 reports such exceptions as assertion failures");
    }

    [Fact]
    public void Passing_assertions_pass_and_chain()
    {
        Orders.Should().HaveColumn("status").And.HaveRowCountBetween(10, 30);
        Orders.Column("order_id").Should().HaveNoNulls();
        Orders.Column("status").Should().BeOneOf(["placed", "refunded"]);
    }

    [Fact]
    public void Column_BeBetween_reports_threshold_and_the_failing_row_by_key()
    {
        var act = () => Orders.Column("amount").Should().BeBetween(0, 10_000);

        act.Should().Throw<Exception>().Which.Message
            .Should().Contain("threshold: {\"min_value\":0,\"max_value\":10000}").And.Contain("by order_id").And.Contain("-5");
    }

    [Fact]
    public void Satisfy_runs_a_whole_suite_file_and_reports_only_error_failures()
    {
        var act = () => Orders.Should().Satisfy(SuiteReader.ReadFile(_data.OrdersSuite()));

        var message = act.Should().Throw<Exception>().Which.Message;
        message.Should().Contain("amount · expect_column_values_to_be_between failed").And.Contain("order_id · expect_column_values_to_be_unique failed");
        message.Should().NotContain("status · expect_column_values_to_be_in_set failed (severity warn", "warn-severity failures are warnings, not failures");
        TestContext.Current.Warnings.Should().Contain(w => w.Contains("status · expect_column_values_to_be_in_set"));
    }

    [Fact]
    public void A_dataset_that_does_not_exist_fails_with_the_reason()
    {
        var act = () => Dataset.Load(_data.Dir.Combine("nowhere")).Should().HaveColumn("x");

        act.Should().Throw<Exception>().Which.Message.Should().Contain("could not be checked").And.Contain("DQ2");
    }
}
