using DataQuality.Core.Checks;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Datasets;
using DataQuality.Core.Expectations;
using DataQuality.Core.History;
using DataQuality.Core.Tests.TestSupport;
using static DataQuality.Core.Tests.History.HistoryTestData;

namespace DataQuality.Core.Tests.History;

/// <summary>dq_metric_within_history against a real local history folder, across several validations of real Parquet files.</summary>
public sealed class MetricHistoryThresholdTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DatasetValidator Validator = new(DatasetResolver.LocalOnly, new DuckDbOptions { Threads = 1 });

    private static async Task<ValidationReport> RunAsync(ExpectationSuite suite, string data, IMetricHistoryStore store, string dataset = "orders") =>
        await Validator.ValidateAsync(suite, DatasetRef.Parse(data), null, new HistoryTarget(store, dataset), Ct);

    [Fact]
    public async Task A_row_count_drop_of_more_than_ten_percent_is_caught_on_the_run_it_happens()
    {
        using var dir = new TempDirectory();
        using var store = new LocalHistoryStore(dir.Combine("history"));
        var suite = new ExpectationSuite("orders", [E("dq_metric_within_history", new { metric = "row_count", method = "change", max_decrease_percent = 10 })]);
        var data = dir.Combine("orders.parquet");

        var statuses = new List<CheckStatus>();
        var notes = new List<string?>();
        foreach (var rows in new[] { 100, 95, 90, 70, 72 })
        {
            HistoryTestData.WriteOrders(data, rows);
            var report = await RunAsync(suite, data, store);
            statuses.Add(report.Results[0].Status);
            notes.Add(report.Results[0].Result.Details?["note"]?.ToString());
        }

        // 100 (first run: nothing to compare), 95 (-5%), 90 (-5.3%), 70 (-22%: caught), 72 (+2.9% versus 70).
        statuses.Should().Equal(CheckStatus.Passed, CheckStatus.Passed, CheckStatus.Passed, CheckStatus.Failed, CheckStatus.Passed);
        notes[0].Should().Contain("no history");
        notes.Skip(1).Should().OnlyContain(n => n == null);

        var runs = await store.ReadAsync("orders", Ct);
        runs.Select(r => r.Checks[0].Number).Should().Equal(100, 95, 90, 70, 72);
        runs.Select(r => r.Checks[0].Key).Should().AllBe("row_count");
    }

    [Fact]
    public async Task The_failing_result_reports_the_bounds_and_the_last_value()
    {
        using var dir = new TempDirectory();
        using var store = new LocalHistoryStore(dir.Combine("history"));
        var suite = new ExpectationSuite("orders", [E("dq_metric_within_history", new { metric = "row_count", max_decrease_percent = 10, max_increase = 50 })]);
        var data = dir.Combine("orders.parquet");
        HistoryTestData.WriteOrders(data, 200);
        await RunAsync(suite, data, store);
        HistoryTestData.WriteOrders(data, 150);

        var result = (await RunAsync(suite, data, store)).Results[0];

        result.Status.Should().Be(CheckStatus.Failed);
        result.Result.ObservedValue!.GetValue<long>().Should().Be(150);
        var d = result.Result.Details!;
        ((double)d["last_value"]!).Should().Be(200);
        ((double)d["min_value"]!).Should().BeApproximately(180, 1e-9);
        ((double)d["max_value"]!).Should().BeApproximately(250, 1e-9);
        ((double)d["change_percent"]!).Should().BeApproximately(-25, 1e-9);
        d["summary"]!.GetValue<string>().Should().Be("row_count: allowed 180..250 from last run's 200 (-25%)");
        Core.Reporting.ValidationRenderer.Detail(result).Should().Be("observed 150 · row_count: allowed 180..250 from last run's 200 (-25%)");
    }

    [Fact]
    public async Task Stddev_method_passes_normal_variation_and_catches_an_outlier_once_enough_runs_exist()
    {
        using var dir = new TempDirectory();
        using var store = new LocalHistoryStore(dir.Combine("history"));
        var suite = new ExpectationSuite("orders", [
            E("dq_metric_within_history", new { metric = "mean", column = "amount", method = "stddev", sigmas = 3, window = 5, min_runs = 3 })]);
        var data = dir.Combine("orders.parquet");

        var statuses = new List<CheckStatus>();
        // Mean amount scales with the factor: small wobble, then a 3x jump.
        foreach (var scale in new[] { 1.0, 1.02, 0.98, 1.01, 0.99, 3.0 })
        {
            HistoryTestData.WriteOrders(data, 100, scale);
            statuses.Add((await RunAsync(suite, data, store)).Results[0].Status);
        }

        statuses.Should().Equal(CheckStatus.Passed, CheckStatus.Passed, CheckStatus.Passed, CheckStatus.Passed, CheckStatus.Passed, CheckStatus.Failed);
        var runs = await store.ReadAsync("orders", Ct);
        runs.Should().HaveCount(6);
        runs[0].Checks[0].Key.Should().Be("mean(amount)");
    }

    [Fact]
    public async Task Null_percent_and_history_are_kept_per_dataset()
    {
        using var dir = new TempDirectory();
        using var store = new LocalHistoryStore(dir.Combine("history"));
        var suite = new ExpectationSuite("orders", [
            E("dq_metric_within_history", new { metric = "null_percent", column = "amount", max_increase = 1.0 }),
            E("expect_column_values_to_not_be_null", new { column = "amount", mostly = 0.5 })]);
        var data = dir.Combine("orders.parquet");
        HistoryTestData.WriteOrders(data, 100);

        await RunAsync(suite, data, store, "a");
        var second = await RunAsync(suite, data, store, "b");
        var third = await RunAsync(suite, data, store, "a");

        second.Results[0].Result.Details!["history_runs"]!.GetValue<int>().Should().Be(0, "dataset b has no history of its own");
        third.Results[0].Result.Details!["history_runs"]!.GetValue<int>().Should().Be(1);
        third.Results[0].Status.Should().Be(CheckStatus.Passed);
        third.Results[0].Result.ObservedValue!.GetValue<long>().Should().Be(10, "10 of 100 amounts are null");
        var runsOfA = await store.ReadAsync("a", Ct);
        runsOfA.Should().HaveCount(2);
        runsOfA[1].Checks[1].Should().Match<HistoryCheck>(c => c.Key == "expect_column_values_to_not_be_null(amount)" && c.ElementCount == 100 && c.UnexpectedCount == 10 && c.Status == "passed");
        (await store.ReadAsync(null, Ct)).Select(r => r.Dataset).Should().BeEquivalentTo(["a", "b", "a"]);
    }

    [Fact]
    public void Without_a_history_store_the_check_is_an_error_not_a_silent_pass()
    {
        using var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });
        db.Execute("CREATE TABLE t AS SELECT range AS id FROM range(5)");
        var report = new SuiteRunner(db).Run(new ExpectationSuite("s", [
            E("dq_metric_within_history", new { metric = "row_count", max_change = 1 }),
            E("dq_metric_within_history", new { metric = "rows", max_change = 1 }),
        ]), new DataSource("t", "t"), null, new MetricHistory("t", "mem", []));
        report.Results[1].Exception!.Code.Should().Be("DQ8011");
        report.Results[0].Status.Should().Be(CheckStatus.Passed);

        var noStore = new SuiteRunner(db).Run(new ExpectationSuite("s", [E("dq_metric_within_history", new { metric = "row_count", max_change = 1 })]), new DataSource("t", "t"));
        noStore.Results[0].Status.Should().Be(CheckStatus.Error);
        noStore.Results[0].Exception!.Code.Should().Be("DQ8010");
    }

    [Theory]
    [InlineData("{\"metric\":\"row_count\"}", "DQ8011")]
    [InlineData("{\"metric\":\"row_count\",\"method\":\"median\",\"max_change\":1}", "DQ8011")]
    [InlineData("{\"metric\":\"mean\",\"column\":\"name\",\"max_change\":1}", "DQ8011")]
    [InlineData("{\"metric\":\"row_count\",\"method\":\"stddev\",\"window\":3,\"min_runs\":5}", "DQ8011")]
    [InlineData("{\"metric\":\"mean\",\"column\":\"nope\",\"max_change\":1}", "DQ4201")]
    public void Invalid_kwargs_are_typed_errors(string kwargs, string code)
    {
        using var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });
        db.Execute("CREATE TABLE t AS SELECT range AS id, 'x' AS name FROM range(5)");
        var config = new ExpectationConfig("dq_metric_within_history", System.Text.Json.Nodes.JsonNode.Parse(kwargs)!.AsObject());
        var report = new SuiteRunner(db).Run(new ExpectationSuite("s", [config]), new DataSource("t", "t"), null, new MetricHistory("t", "mem", []));
        report.Results[0].Exception!.Code.Should().Be(code);
    }
}
