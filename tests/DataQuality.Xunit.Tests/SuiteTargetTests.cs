using DataQuality.Xunit.Sdk;

namespace DataQuality.Xunit.Tests;

public sealed class SuiteTargetTests : IDisposable
{
    private readonly OrdersData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Rows_are_the_suites_checks_named_model_column_check_with_traits()
    {
        var target = new SuiteTarget(_data.OrdersSuite(), "orders", OrdersData.Dataset);

        var rows = target.Rows().ToList();

        rows.Select(r => r.TestDisplayName).Should().Equal(
            "order_id · expect_column_values_to_not_be_null",
            "order_id · expect_column_values_to_be_unique",
            "amount · expect_column_values_to_be_between",
            "status · expect_column_values_to_be_in_set",
            "expect_table_row_count_to_be_between");
        rows.Select(r => r.GetData()[0]).Should().Equal(
            "orders.order_id.expect_column_values_to_not_be_null",
            "orders.order_id.expect_column_values_to_be_unique",
            "orders.amount.expect_column_values_to_be_between",
            "orders.status.expect_column_values_to_be_in_set",
            "orders.expect_table_row_count_to_be_between");
        var amount = rows[2].Traits!;
        amount["model"].Should().Equal("orders");
        amount["column"].Should().Equal("amount");
        amount["dimension"].Should().Equal("validity");
        amount["tag"].Should().BeEquivalentTo(["finance", "pii-free"]);
        amount["severity"].Should().Equal("error");
        rows[3].Traits!["severity"].Should().Equal("warn");
    }

    [Fact]
    public async Task A_passing_check_passes_and_a_failing_error_check_fails_with_observed_threshold_counts_and_keyed_rows()
    {
        var target = new SuiteTarget(_data.OrdersSuite(), "orders", OrdersData.Dataset);

        await target.AssertAsync(0, OrdersData.Settings());
        var failure = await FluentActions.Awaiting(() => target.AssertAsync(2, OrdersData.Settings())).Should().ThrowAsync<CheckFailedException>();

        var message = failure.Which.Message;
        message.Should().StartWith("amount · expect_column_values_to_be_between failed");
        message.Should().Contain("threshold: {\"min_value\":0,\"max_value\":10000}");
        message.Should().Contain("counts:    1 unexpected of 20 non-missing rows (5%)");
        message.Should().Contain("failing rows (first 1 of 1, by order_id)");
        message.Should().Contain("13");
        message.Should().Contain("orders.suite.yaml(");
    }

    [Fact]
    public async Task Duplicates_are_listed_by_primary_key()
    {
        var target = new SuiteTarget(_data.OrdersSuite(), "orders", OrdersData.Dataset);

        var failure = await FluentActions.Awaiting(() => target.AssertAsync(1, OrdersData.Settings())).Should().ThrowAsync<CheckFailedException>();

        failure.Which.Message.Should().Contain("2 unexpected of 20 non-missing rows").And.Contain("by order_id");
    }

    [Fact]
    public async Task A_warn_severity_failure_passes_with_a_test_warning()
    {
        var target = new SuiteTarget(_data.OrdersSuite(), "orders", OrdersData.Dataset);
        var before = TestContext.Current.Warnings?.Count ?? 0;

        await target.AssertAsync(3, OrdersData.Settings());

        TestContext.Current.Warnings.Should().HaveCount(before + 1);
        TestContext.Current.Warnings![^1].Should().Contain("status · expect_column_values_to_be_in_set failed (severity warn").And.Contain("\"refunded\"");
    }

    [Fact]
    public async Task A_missing_dataset_fails_every_row_with_the_reason()
    {
        var target = new SuiteTarget(_data.OrdersSuite(), "orders", "../out/silver/nothing-here");

        var failure = await FluentActions.Awaiting(() => target.AssertAsync(4, OrdersData.Settings())).Should().ThrowAsync<CheckFailedException>();

        failure.Which.Message.Should().Contain("could not be evaluated").And.Contain("reason:").And.Contain("nothing-here");
    }

    [Fact]
    public async Task A_missing_column_fails_with_the_did_you_mean_reason()
    {
        var suite = _data.WriteSuite("typo.yaml", """
            suite: typo
            expectations:
              - expect_column_values_to_not_be_null: { column: ammount }
            """);
        var target = new SuiteTarget(suite, "orders", OrdersData.Dataset);

        var failure = await FluentActions.Awaiting(() => target.AssertAsync(0, OrdersData.Settings())).Should().ThrowAsync<CheckFailedException>();

        failure.Which.Message.Should().Contain("DQ4201").And.Contain("amount");
    }

    [Fact]
    public async Task An_unset_variable_fails_with_DQ1030_naming_the_environment_variable()
    {
        var target = new SuiteTarget(_data.OrdersSuite(), "orders", OrdersData.Dataset);

        var failure = await FluentActions.Awaiting(() => target.AssertAsync(0, DataQualitySettings.Empty)).Should().ThrowAsync<CheckFailedException>();

        failure.Which.Message.Should().Contain("DQ1030").And.Contain("DQ_VAR_ds");
    }

    [Fact]
    public async Task An_unreadable_suite_becomes_one_failing_row()
    {
        var suite = _data.WriteSuite("broken.yaml", "suite: x\nexpectations:\n  - [a\n");
        var target = new SuiteTarget(suite, "orders", OrdersData.Dataset);

        var rows = target.Rows().ToList();

        rows.Should().ContainSingle().Which.TestDisplayName.Should().Contain("suite could not be read (DQ1000)");
        (await FluentActions.Awaiting(() => target.AssertAsync(-1, OrdersData.Settings())).Should().ThrowAsync<CheckFailedException>())
            .Which.Message.Should().Contain("broken.yaml(");
    }

    [Fact]
    public void Relative_datasets_resolve_against_the_suite_file_or_the_server_root()
    {
        var suite = _data.OrdersSuite();
        var target = new SuiteTarget(suite, "orders", "silver/orders/ds=${ds}");

        target.ResolveLocation(OrdersData.Settings()).Should().Be(_data.Dir.Combine("expectations", "silver", "orders", "ds=2026-02-11"));
        target.ResolveLocation(OrdersData.Settings(server: "../out")).Should().Be(_data.Dir.Combine("out", "silver", "orders", "ds=2026-02-11"));
        target.ResolveLocation(OrdersData.Settings(server: "s3://bucket/feature")).Should().Be("s3://bucket/feature/silver/orders/ds=2026-02-11");
    }
}
