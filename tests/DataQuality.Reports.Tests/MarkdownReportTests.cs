using DataQuality.Core.Checks;
using DataQuality.Core.Expectations;
using DataQuality.Core.Profiling;
using DataQuality.Reports.Input;
using DataQuality.Reports.Markdown;
using DataQuality.Reports.Model;
using DataQuality.Xunit;

namespace DataQuality.Reports.Tests;

/// <summary>The pull-request Markdown, rendered from the same model as the HTML and approved as a snapshot file.</summary>
public sealed class MarkdownReportTests
{
    // What dq validate --format json writes (trimmed), with a pipe and markup in names to show escaping.
    private const string ValidationJson = """
        {
          "suite": "silver.orders", "dataset": "out/silver/orders", "success": false,
          "results": [
            { "expectation_type": "expect_column_values_to_not_be_null", "kwargs": { "column": "order_id" }, "success": true, "status": "passed", "severity": "error",
              "result": { "element_count": 1000, "unexpected_count": 0, "unexpected_percent": 0 }, "declared_at": { "path": "expectations/orders.yaml", "line": 4, "column": 5 } },
            { "expectation_type": "expect_column_values_to_be_in_set", "kwargs": { "column": "status", "value_set": ["paid", "refunded"] }, "success": false, "status": "failed", "severity": "error",
              "result": { "element_count": 1000, "unexpected_count": 20, "unexpected_percent": 2, "partial_unexpected_list": ["lost", "lost"] } },
            { "expectation_type": "expect_column_mean_to_be_between", "kwargs": { "column": "amount", "min_value": 10, "max_value": 20 }, "success": false, "status": "warned", "severity": "warn",
              "result": { "observed_value": 25.5 } },
            { "expectation_type": "expect_column_values_to_be_between", "kwargs": { "column": "a|b <i>", "min_value": 0 }, "success": false, "status": "error", "severity": "error",
              "result": {}, "exception_info": { "raised_exception": true, "code": "DQ2003", "exception_message": "column 'a|b <i>' not found" } }
          ]
        }
        """;

    // What dq compare --format json writes (trimmed); the PSI of "amount" is spelled as a string, as strict JSON writers spell non-finite numbers.
    private const string ComparisonJson = """
        {
          "schemaVersion": 1, "base": "out-main", "head": "out-feature", "layout": "{layer}/{entity}",
          "verdict": { "passed": false, "exitCode": 1, "breaches": [ { "entity": "silver/orders", "rule": "max-changed-rows", "observed": "130", "limit": "100" } ] },
          "thresholds": { "maxChangedRows": 100, "maxRowCountDeltaPercent": null, "failOnSchemaChange": false, "maxDriftPsi": null },
          "entities": [
            { "name": "silver/orders", "presence": "both", "identicalFiles": false, "baseSchemaVersions": [], "headSchemaVersions": [],
              "rowCounts": { "base": 1000, "head": 999, "delta": -1, "deltaPercent": -0.1 },
              "partitions": [ { "partition": "ds=2026-02-11", "status": "differs", "baseRows": 1000, "headRows": 999, "delta": -1, "deltaPercent": -0.1, "baseFiles": 1, "headFiles": 1 } ],
              "schemaChanges": [ { "column": "discount", "kind": "ColumnAdded", "before": null, "after": "DECIMAL(2,1)" } ],
              "columns": [],
              "rows": { "keyColumns": ["order_id"], "baseKeys": { "rows": 1000 }, "headKeys": { "rows": 999 }, "duplicateKeysEitherSide": 0, "classified": 1009,
                        "added": { "rows": 9 }, "removed": { "rows": 10 }, "changed": { "rows": 111 }, "identical": { "rows": 879 },
                        "identicalWithinTolerance": 0, "identicalInSkippedPartitions": 0,
                        "columns": [ { "column": "amount", "unequal": 111, "nullOnlyInBase": 0, "nullOnlyInHead": 0, "maxAbsoluteDifference": "Infinity", "absoluteTolerance": null, "relativeTolerance": null, "withinTolerance": 0 } ],
                        "samples": { "changed": [], "added": [], "removed": [], "duplicateKeys": [] } },
              "profile": [ { "column": "amount", "changed": true, "base": null, "head": null, "drift": { "kind": "numeric", "psi": "NaN", "ks": 0.3 } },
                           { "column": "order_id", "changed": false, "base": null, "head": null, "drift": { "kind": "numeric", "psi": 0.0012, "ks": 0.01 } } ] },
            { "name": "silver/customers", "presence": "added", "identicalFiles": false, "rowCounts": { "base": 0, "head": 40 }, "partitions": [], "schemaChanges": [], "columns": [], "rows": null, "profile": [] }
          ],
          "manifests": [], "unmatchedFiles": []
        }
        """;

    internal static ReportModel Fixed()
    {
        var inputs = new ReportInputs();
        foreach (var r in ValidationJsonReader.Read(ValidationJson, "results/orders.json")) inputs.Validations.Add(("results/orders.json", r));
        inputs.Comparisons.Add(("results/compare.json", ComparisonJsonReader.Read(ComparisonJson, "results/compare.json")));
        inputs.Profiles.Add(("orders", new DatasetProfile
        {
            RowCount = 1000,
            Columns =
            [
                new ColumnProfile { Path = "order_id", Kind = ColumnKind.Integer, RowCount = 1000, ValueCount = 1000, NullCount = 0, Min = "1", Max = "1000" },
                new ColumnProfile { Path = "status", Kind = ColumnKind.String, RowCount = 1000, ValueCount = 1000, NullCount = 12, Min = "lost", Max = "refunded" },
            ],
        }));
        return ReportBuilder.Build(inputs);
    }

    [Fact]
    public async Task Pull_request_markdown_puts_failures_first_and_collapses_details() =>
        await DataSnapshot.VerifyAsync(MarkdownReport.Render(Fixed(), "https://ci.example/run/42/report.html"),
            new SnapshotSettings { LaunchDiffTool = false, Extension = "md" });

    [Fact]
    public void Non_finite_numbers_written_as_strings_are_read_as_numbers()
    {
        var entity = Fixed().Comparisons[0].Report.Entities[0];
        entity.Keyed!.Columns[0].MaxAbsoluteDifference.Should().Be(double.PositiveInfinity);
        entity.Profile[0].Drift!.Psi.Should().Be(double.NaN);
        entity.Profile[1].Drift!.Psi.Should().Be(0.0012);
    }

    [Fact]
    public void Three_thousand_results_stay_under_the_comment_limit_with_a_link_to_the_rest()
    {
        var results = Enumerable.Range(0, 3000).Select(i => new ExpectationResult
        {
            Expectation = new ExpectationConfig("expect_column_values_to_not_be_null", new() { ["column"] = $"column_{i:0000}_with_a_long_descriptive_name" }),
            Success = i % 10 != 0,
            Status = i % 10 == 0 ? CheckStatus.Failed : CheckStatus.Passed,
            Result = new ResultDetails { ElementCount = 1000, UnexpectedCount = i % 10 == 0 ? 7 : 0, UnexpectedPercent = i % 10 == 0 ? 0.7 : 0 },
        }).ToList();
        var inputs = new ReportInputs();
        inputs.Validations.Add(("big.json", new ValidationReport("big", "warehouse/big", results)));

        var md = MarkdownReport.Render(ReportBuilder.Build(inputs), "report.html");

        md.Length.Should().BeLessThan(65_536);
        md.Should().Contain("_Truncated to stay under GitHub's comment limit; see the [full report](report.html)._");
        md.Should().Contain("**3000 checks**: 300 failed");
        md.Should().Contain(@"column\_0000\_with");
        var firstPass = md.IndexOf("✅ PASS", StringComparison.Ordinal);
        (firstPass == -1 || firstPass > md.LastIndexOf("❌ FAIL", StringComparison.Ordinal)).Should().BeTrue("failures come first; passes only after them, if they fit");
        md.Split("<details>").Length.Should().Be(md.Split("</details>").Length, "every details block is closed");
    }
}
