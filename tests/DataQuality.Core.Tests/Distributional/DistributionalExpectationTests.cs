using System.Text.Json.Nodes;
using DataQuality.Core.Checks;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Datasets;
using DataQuality.Core.Expectations;

namespace DataQuality.Core.Tests.Distributional;

/// <summary>
/// The GX distributional expectations on a real DuckDB table (the GX fixtures in the conformance
/// project are the spec; these pin the engine-level behaviour: one scan, row_condition, errors).
/// </summary>
public sealed class DistributionalExpectationTests : IDisposable
{
    private readonly DuckDbSession _db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });

    // 1000 rows: x = evenly spaced standard-normal-ish values via a logistic approximation, g a group flag, c categories 50/30/20.
    public DistributionalExpectationTests() => _db.Execute("""
        CREATE TABLE t AS SELECT
          ln(((i + 0.5) / 1000) / (1 - (i + 0.5) / 1000)) * 0.5513 AS x,
          i % 2 AS g,
          CASE WHEN i % 10 < 5 THEN 'a' WHEN i % 10 < 8 THEN 'b' ELSE 'c' END AS c
        FROM range(1000) r(i)
        """);

    public void Dispose() => _db.Dispose();

    private static ExpectationConfig E(string type, string kwargs) => new(type, JsonNode.Parse(kwargs)!.AsObject());

    [Fact]
    public void All_four_run_in_one_scan_with_gx_results()
    {
        var runner = new SuiteRunner(_db);
        var report = runner.Run(new ExpectationSuite("s",
        [
            E("expect_column_kl_divergence_to_be_less_than", """{"column": "c", "partition_object": {"values": ["a", "b", "c"], "weights": [0.5, 0.3, 0.2]}, "threshold": 0.01}"""),
            E("expect_column_chisquare_test_p_value_to_be_greater_than", """{"column": "c", "partition_object": {"values": ["a", "b", "c"], "weights": [0.2, 0.3, 0.5]}}"""),
            E("expect_column_parameterized_distribution_ks_test_p_value_to_be_greater_than", """{"column": "x", "distribution": "norm", "params": {"mean": 0, "std_dev": 1}}"""),
            E("expect_column_parameterized_distribution_ks_test_p_value_to_be_greater_than", """{"column": "x", "distribution": "norm", "params": [0.5, 1]}"""),
            E("expect_column_bootstrapped_ks_test_p_value_to_be_greater_than", """{"column": "x", "partition_object": {"bins": [-4, -2, 0, 2, 4], "weights": [0.025, 0.475, 0.475, 0.025]}}"""),
            E("expect_column_kl_divergence_to_be_less_than", """{"column": "x", "partition_object": {"bins": [-1, 0, 1], "weights": [0.5, 0.5]}, "threshold": 0.5, "tail_weight_holdout": 0.5}"""),
        ]), new DataSource("t", "t"));

        runner.LastScanCount.Should().Be(1);
        report.Results.Select(r => r.Success).Should().Equal(true, false, true, false, true, true);
        report.Results[0].Result.ObservedValue!.GetValue<double>().Should().BeApproximately(0, 1e-12);
        report.Results[1].Result.ObservedValue!.GetValue<double>().Should().BeLessThan(1e-50);
        report.Results[2].Result.ObservedValue!.GetValue<double>().Should().BeGreaterThan(0.5);
        report.Results[4].Result.Details!["bootstrap_samples"]!.GetValue<int>().Should().Be(1000);
        var observed = report.Results[5].Result.Details!["observed_partition"]!;
        observed["tail_weights"]!.AsArray().Select(n => n!.GetValue<double>()).Sum().Should().BeApproximately(
            1 - observed["weights"]!.AsArray().Select(n => n!.GetValue<double>()).Sum(), 1e-12);
    }

    [Fact]
    public void Row_condition_restricts_the_distribution()
    {
        // g = 0 keeps the even rows: categories a (i%10 in 0,2,4), b (6), c (8) → 60/20/20.
        var report = new SuiteRunner(_db).Run(new ExpectationSuite("s",
        [
            E("expect_column_kl_divergence_to_be_less_than", """{"column": "c", "partition_object": {"values": ["a", "b", "c"], "weights": [0.6, 0.2, 0.2]}, "threshold": 1e-9, "row_condition": "g=0", "condition_parser": "pandas"}"""),
        ]), new DataSource("t", "t"));

        report.Results[0].Success.Should().BeTrue(report.Results[0].Exception?.Message);
    }

    [Theory]
    [InlineData("expect_column_kl_divergence_to_be_less_than", """{"column": "c", "partition_object": {"values": ["a"], "weights": [0.5]}, "threshold": 0.1}""", "DQ5501")]
    [InlineData("expect_column_kl_divergence_to_be_less_than", """{"column": "c", "partition_object": {"values": ["a"], "weights": [1]}, "internal_weight_holdout": 0.1}""", "DQ5502")]
    [InlineData("expect_column_chisquare_test_p_value_to_be_greater_than", """{"column": "x", "partition_object": {"bins": [0, 1], "weights": [1]}}""", "DQ5502")]
    [InlineData("expect_column_parameterized_distribution_ks_test_p_value_to_be_greater_than", """{"column": "x", "distribution": "cauchy", "params": [0, 1]}""", "DQ5503")]
    [InlineData("expect_column_parameterized_distribution_ks_test_p_value_to_be_greater_than", """{"column": "x", "distribution": "norm", "params": {"mean": 0, "std_dev": -1}}""", "DQ5503")]
    [InlineData("expect_column_bootstrapped_ks_test_p_value_to_be_greater_than", """{"column": "x", "partition_object": {"bins": ["-Infinity", 0, 1], "weights": [0.5, 0.5]}}""", "DQ5502")]
    public void Invalid_configurations_are_error_results_with_codes(string type, string kwargs, string code)
    {
        var result = new SuiteRunner(_db).Run(new ExpectationSuite("s", [E(type, kwargs)]), new DataSource("t", "t")).Results[0];

        result.Status.Should().Be(CheckStatus.Error);
        result.Exception!.Code.Should().Be(code);
    }
}
