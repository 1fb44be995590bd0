using DataQuality.Core.Checks;
using DataQuality.Core.Contracts.Running;
using DataQuality.Core.History;
using DataQuality.Core.Tests.Contracts;

namespace DataQuality.Core.Tests.History;

/// <summary>Contract library rules with <c>arguments.history</c>, run through ContractRunner with a local history folder.</summary>
public sealed class ContractHistoryTests
{
    private const string Contract = """
        apiVersion: v3.1.0
        kind: DataContract
        id: shop
        version: 1.0.0
        status: active
        servers:
          - server: local
            type: local
            format: parquet
            path: data/{model}.parquet
        schema:
          - name: t
            properties:
              - name: amount
                logicalType: number
                quality:
                  - metric: nullValues
                    unit: percent
                    arguments:
                      history: { maxIncrease: 5 }
                  - metric: mean
                    arguments:
                      history: { method: stddev, minRuns: 2, window: 5, sigmas: 2 }
        """;

    [Fact]
    public async Task Null_percent_and_mean_rules_compare_each_model_with_its_own_history()
    {
        using var ws = new ContractWorkspace();
        var contract = ws.Contract(Contract);
        using var store = new LocalHistoryStore(Path.Combine(ws.Path, "history"));
        var options = new ContractRunOptions { History = store };

        var statuses = new List<(CheckStatus, CheckStatus)>();
        // null share: 0%, 0%, 0%, 25% (+25 points: fails); mean: 10, 11, 10, 40 (far outside 2σ: fails)
        foreach (var values in new[] { "10, 10, 10, 10", "11, 11, 11, 11", "10, 10, 10, 10", "40, 40, 40, NULL" })
        {
            ws.Parquet("t", $"SELECT v::DOUBLE AS amount FROM (VALUES ({values.Replace(", ", "), (")})) x(v)");
            var report = (await ws.RunAsync(contract, options)).Models[0].Report!;
            var history = report.Results.Where(r => r.Expectation.Type == "dq_metric_within_history").ToList();
            history.Should().HaveCount(2);
            history[0].Expectation.Kwargs["metric"]!.GetValue<string>().Should().Be("null_percent");
            history[1].Expectation.Kwargs["min_runs"]!.GetValue<long>().Should().Be(2, "camelCase history keys become kwargs");
            statuses.Add((history[0].Status, history[1].Status));
        }

        statuses.Should().Equal((CheckStatus.Passed, CheckStatus.Passed), (CheckStatus.Passed, CheckStatus.Passed),
            (CheckStatus.Passed, CheckStatus.Passed), (CheckStatus.Failed, CheckStatus.Failed));
        var runs = await store.ReadAsync("shop/t", TestContext.Current.CancellationToken);
        runs.Should().HaveCount(4);
        runs.Should().OnlyContain(r => r.SourceKind == "contract");
    }
}
