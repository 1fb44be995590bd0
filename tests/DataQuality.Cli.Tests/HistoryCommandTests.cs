using DataQuality.Cli.Tests.TestSupport;
using DataQuality.Core.Datasets;

namespace DataQuality.Cli.Tests;

/// <summary><c>dq validate --history</c> across several runs of real Parquet files, and <c>dq history show</c>.</summary>
public sealed class HistoryCommandTests
{
    private static void WriteOrders(string path, int rows)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });
        db.Execute($"COPY (SELECT range AS order_id, range * 2.5 AS amount FROM range({rows})) TO {SqlText.Literal(path)} (FORMAT parquet)");
    }

    [Fact]
    public async Task Suite_runs_append_history_a_drop_fails_and_history_show_prints_the_series()
    {
        using var dir = new TempDirectory();
        var suite = dir.Write("orders.yaml", """
            suite: orders
            expectations:
              - type: dq_metric_within_history
                metric: row_count
                method: change
                max_decrease_percent: 10
              - expect_column_values_to_not_be_null: { column: order_id }
            """);
        var history = dir.Combine("history");
        var exits = new List<int>();
        foreach (var (day, rows) in new[] { ("2026-02-09", 100), ("2026-02-10", 104), ("2026-02-11", 60) })
        {
            var data = dir.Combine("orders", $"ds={day}", "part-0.parquet");
            WriteOrders(data, rows);
            // Each day reads a new partition: --history-dataset keeps the runs in one series.
            var run = await CliRunner.RunAsync("validate", "--suite", suite, "--data", data, "--history", history, "--history-dataset", "silver.orders", "--format", "json");
            run.Error.Should().Contain("Metric history: run appended");
            exits.Add(run.ExitCode);
            if (rows == 60) run.Out.Should().Contain("\"last_value\": 104");
        }
        exits.Should().Equal(0, 0, 1);

        var show = await CliRunner.RunAsync("history", "show", "--history", history, "--dataset", "silver.orders", "--metric", "row_count");
        show.ExitCode.Should().Be(0, show.Error);
        var lines = show.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(4);
        lines[0].Should().StartWith("time (UTC)");
        lines.Skip(1).Select(l => l.Split("  ", StringSplitOptions.RemoveEmptyEntries).Select(c => c.Trim()).ToArray())
            .Select(c => (c[2], c[3], c[4], c[^1])).Should().Equal(
                ("silver.orders", "row_count", "100", "passed"), ("silver.orders", "row_count", "104", "passed"), ("silver.orders", "row_count", "60", "failed"));

        var json = await CliRunner.RunAsync("history", "show", "--history", history, "--last", "1", "--format", "json");
        var entries = System.Text.Json.Nodes.JsonNode.Parse(json.Out)!.AsArray();
        entries.Should().HaveCount(2, "the last run has two checks");
        entries.Select(e => e!["key"]!.GetValue<string>()).Should().Equal("row_count", "expect_column_values_to_not_be_null(order_id)");
    }

    [Fact]
    public async Task A_history_check_without_history_is_an_error_and_a_bad_history_file_exits_2()
    {
        using var dir = new TempDirectory();
        var suite = dir.Write("s.yaml", "expectations:\n  - dq_metric_within_history: { metric: row_count, max_change: 5 }\n");
        var data = dir.Combine("d.parquet");
        WriteOrders(data, 10);

        var noHistory = await CliRunner.RunAsync("validate", "--suite", suite, "--data", data);
        noHistory.ExitCode.Should().Be(1);
        noHistory.Out.Should().Contain("DQ8010");

        var history = dir.Combine("h");
        (await CliRunner.RunAsync("validate", "--suite", suite, "--data", data, "--history", history)).ExitCode.Should().Be(0);
        var file = Directory.GetFiles(history, "*.jsonl").Single();
        File.AppendAllText(file, "garbage\n");
        var broken = await CliRunner.RunAsync("validate", "--suite", suite, "--data", data, "--history", history);
        broken.ExitCode.Should().Be(2);
        broken.Error.Should().Contain("DQ8002").And.Contain($"{file}(2)");
    }

    [Fact]
    public async Task A_contract_library_rule_with_history_arguments_catches_a_drop()
    {
        using var dir = new TempDirectory();
        var contract = dir.Write("orders.yaml", """
            apiVersion: v3.1.0
            kind: DataContract
            id: shop
            version: 1.0.0
            status: active
            servers:
              - server: local
                type: local
                format: parquet
                path: ./{model}/ds=${ds}/*.parquet
            schema:
              - name: orders
                quality:
                  - type: library
                    metric: rowCount
                    arguments:
                      history:
                        method: change
                        maxDecreasePercent: 10
                properties:
                  - name: order_id
                    logicalType: integer
            """);
        var lint = await CliRunner.RunAsync("lint", contract);
        lint.Out.Should().Contain("0 error(s), 0 warning(s)", "a history rule needs no operator");

        var history = dir.Combine("history");
        var exits = new List<int>();
        foreach (var (day, rows) in new[] { ("2026-02-10", 50), ("2026-02-11", 40) })
        {
            WriteOrders(dir.Combine("orders", $"ds={day}", "part-0.parquet"), rows);
            var run = await CliRunner.RunAsync("validate", "--contract", contract, "--var", $"ds={day}", "--history", history);
            exits.Add(run.ExitCode);
            run.Out.Should().Contain("within history");
        }
        exits.Should().Equal(0, 1);

        var show = await CliRunner.RunAsync("history", "show", "--history", history, "--dataset", "shop/orders", "--metric", "quality", "--format", "json");
        var values = System.Text.Json.Nodes.JsonNode.Parse(show.Out)!.AsArray().Select(e => e!["observed_value"]!.GetValue<long>());
        values.Should().Equal(50, 40);
    }
}
