using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Contracts.Running;
using DataQuality.Core.Datasets;
using DataQuality.Core.Tests.Contracts;

namespace DataQuality.Core.Tests.Checks;

/// <summary>
/// Counts in the shared scan are written with count_if instead of FILTER, because DuckDB's ungrouped
/// aggregate is quadratic in the number of filtered aggregates (issue 12 item 14, see AggregateSql).
/// The rewrite must give exactly what <c>count(x) FILTER (WHERE p)</c> gives: same value, same type,
/// 0 over no rows, nulls in the column and in the condition left out.
/// </summary>
public sealed class FilterFreeCountTests : IDisposable
{
    private readonly DuckDbSession _db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });

    public FilterFreeCountTests()
    {
        _db.Execute("CREATE TABLE t AS SELECT * FROM (VALUES (1, TRUE, 'a'), (NULL, TRUE, 'b'), (3, NULL, NULL), (4, FALSE, 'd'), (NULL, NULL, 'e'), (6, TRUE, NULL)) v(x, flag, s)");
        _db.Execute("CREATE TABLE empty AS SELECT * FROM t WHERE FALSE");
    }

    public void Dispose() => _db.Dispose();

    [Theory]
    [InlineData("*", "x > 2")]
    [InlineData("*", "flag")]
    [InlineData("*", "x IS NULL")]
    [InlineData("*", "flag OR x > 3")]
    [InlineData("*", "NOT flag AND x > 0")]
    [InlineData("*", "FALSE")]
    [InlineData("*", "TRUE")]
    [InlineData("x", "flag")]
    [InlineData("x", "s IS NOT NULL AND x < 5")]
    [InlineData("x", "TRUE")]
    [InlineData("s", "x > 1 OR flag")]
    [InlineData("s", "NULL")]
    public void Count_without_FILTER_equals_the_FILTER_form(string what, string condition)
    {
        foreach (var table in new[] { "t", "empty" })
        {
            var filter = $"count({what}) FILTER (WHERE {condition})";
            var rewritten = AggregateSql.Count(what, condition);
            using var command = _db.CreateCommand($"SELECT {filter}, typeof({filter}), {rewritten}, typeof({rewritten}) FROM {table}");
            using var reader = command.ExecuteReader();
            reader.Read();
            (reader.GetValue(2), reader.GetString(3)).Should().Be((reader.GetValue(0), reader.GetString(1)), $"{rewritten} over {table}");
        }
        AggregateSql.Count(what, condition).Should().NotContain("FILTER");
    }

    [Fact]
    public async Task A_contract_scan_has_no_filtered_aggregate_per_column()
    {
        // Every per-column check a contract derives, with nulls and failures in the data: the verdicts are
        // asserted elsewhere (ContractRunnerTests); here, that none of them brings FILTER back into the scan.
        using var ws = new ContractWorkspace();
        ws.Parquet("t", "SELECT * FROM (VALUES (1, 'a', 5), (NULL, 'N/A', -1), (3, NULL, NULL)) v(id, code, n)");
        var contract = ws.Contract("""
            apiVersion: v3.1.0
            kind: DataContract
            id: t
            version: 1.0.0
            status: active
            servers:
              - server: local
                type: local
                format: parquet
                path: data/{model}.parquet
            schema:
              - name: t
                quality:
                  - metric: rowCount
                    mustBeGreaterThan: 0
                properties:
                  - name: id
                    logicalType: integer
                    required: true
                    unique: true
                  - name: code
                    logicalType: string
                    logicalTypeOptions: {minLength: 1, maxLength: 3, pattern: '^[a-z]+$', format: email}
                    enum: [a, b]
                    quality:
                      - metric: nullValues
                        mustBe: 0
                      - metric: missingValues
                        arguments: {missingValues: [null, 'N/A']}
                        mustBe: 0
                      - metric: invalidValues
                        arguments: {validValues: [a]}
                        mustBe: 0
                      - metric: duplicateValues
                        mustBe: 0
                  - name: n
                    logicalType: integer
                    logicalTypeOptions: {minimum: 0, maximum: 4, exclusiveMaximum: 9}
            """);
        var dryRun = await ws.RunAsync(contract, new ContractRunOptions { DryRun = true });
        var plans = dryRun.Models.Single().Plan.Where(p => p.Sql is not null).ToList();
        plans.Should().HaveCountGreaterThan(10).And.OnlyContain(p => p.Error == null);
        plans.Should().OnlyContain(p => !p.Sql!.Contains("FILTER", StringComparison.OrdinalIgnoreCase), "a FILTER per column makes a wide contract's scan quadratic");

        var run = await ws.RunAsync(contract);
        run.Models.Single().Report!.Results.Should().OnlyContain(r => r.Status != Core.Checks.CheckStatus.Error);
    }
}
