using DataQuality.Core.Checks;
using DataQuality.Core.Contracts.Sql;
using DataQuality.Core.Datasets;
using DataQuality.Core.Expectations;

namespace DataQuality.Core.Tests.Contracts;

/// <summary>Hostile SQL rules: rejected before execution, and the DuckDB sandbox holds even if one got through.</summary>
public sealed class SqlRuleSafetyTests
{
    [Theory]
    [InlineData("COPY (SELECT 1) TO '/tmp/dq-pwned.csv'")]
    [InlineData("SELECT 1; COPY (SELECT 1) TO '/tmp/dq-pwned.csv'")]
    [InlineData("ATTACH '/tmp/dq-pwned.db' AS x")]
    [InlineData("INSTALL httpfs")]
    [InlineData("LOAD httpfs")]
    [InlineData("PRAGMA database_list")]
    [InlineData("SET enable_external_access = true")]
    [InlineData("CREATE TABLE t AS SELECT 1")]
    [InlineData("DROP VIEW orders")]
    [InlineData("DELETE FROM orders")]
    [InlineData("INSERT INTO orders VALUES (1)")]
    [InlineData("UPDATE orders SET a = 1")]
    [InlineData("SELECT count(*) FROM read_csv('/etc/passwd')")]
    [InlineData("SELECT count(*) FROM read_text('/etc/passwd')")]
    [InlineData("WITH x AS (SELECT * FROM glob('/etc/*')) SELECT count(*) FROM x")]
    [InlineData("SELECT getenv('HOME')")]
    [InlineData("select 1 /* unterminated")]
    [InlineData("SELECT $$x$$")]
    public void Guard_rejects_anything_but_one_read_only_select(string sql) =>
        SqlRuleGuard.Check(sql).Should().NotBeNull();

    [Theory]
    [InlineData("SELECT count(*) FROM \"orders\" WHERE amount < 0")]
    [InlineData("WITH neg AS (SELECT * FROM orders WHERE amount < 0) SELECT count(*) FROM neg;")]
    [InlineData("SELECT count(*) FROM orders WHERE note = 'COPY; DROP TABLE x' -- set nothing")]
    [InlineData("select count(*) from orders where \"update\" is null")]
    public void Guard_accepts_read_only_queries(string sql) =>
        SqlRuleGuard.Check(sql).Should().BeNull();

    [Fact]
    public void Sandbox_allows_the_dataset_and_nothing_else()
    {
        using var ws = new ContractWorkspace();
        var allowed = ws.Parquet("orders", "SELECT 1 AS id");
        var other = ws.Parquet("secret", "SELECT 42 AS id");
        using var session = DuckDbSession.Open();
        DuckDbSandbox.Apply(session, [allowed]);

        Convert.ToInt64(session.Scalar($"SELECT count(*) FROM read_parquet({SqlText.Literal(allowed)})")).Should().Be(1);
        var attempts = new[]
        {
            $"SELECT count(*) FROM read_parquet({SqlText.Literal(other)})",
            "SELECT count(*) FROM read_csv('/etc/passwd')",
            "SELECT * FROM read_text('/etc/hostname')",
            $"COPY (SELECT 1) TO {SqlText.Literal(Path.Combine(ws.Path, "written.csv"))}",
            $"ATTACH {SqlText.Literal(Path.Combine(ws.Path, "x.db"))} AS x",
            "SET enable_external_access = true",
            "RESET lock_configuration",
            "INSTALL httpfs",
        };
        foreach (var sql in attempts)
        {
            var act = () => session.Execute(sql);
            act.Should().Throw<Exception>(sql);
        }
        File.Exists(Path.Combine(ws.Path, "written.csv")).Should().BeFalse();
        File.Exists(Path.Combine(ws.Path, "x.db")).Should().BeFalse();
    }

    [Fact]
    public async Task A_hostile_rule_in_a_contract_stops_the_run_before_anything_runs()
    {
        using var ws = new ContractWorkspace();
        ws.Parquet("orders", "SELECT range AS id FROM range(3)");
        var target = Path.Combine(ws.Path, "pwned.csv");
        var contract = ws.Contract($$"""
            apiVersion: v3.1.0
            kind: DataContract
            id: hostile
            version: 1.0.0
            status: active
            servers:
              - server: local
                type: local
                format: parquet
                path: data/{model}.parquet
            schema:
              - name: orders
                quality:
                  - type: sql
                    query: "COPY (SELECT * FROM {model}) TO '{{target}}'"
                    mustBe: 0
                  - type: sql
                    query: SELECT count(*) FROM read_csv('/etc/passwd')
                    mustBe: 0
                  - type: sql
                    query: SELECT count(*) FROM {model} WHERE id >= 0
                    mustBe: 3
            """);
        // A rejected rule is a broken contract (exit 2), the same as a rejected suite fragment; no check runs.
        var run = () => ws.RunAsync(contract);
        var error = (await run.Should().ThrowAsync<ExpectationArgumentException>()).Which;
        error.Code.Should().Be("DQ1020");
        error.Location!.Line.Should().NotBeNull();
        File.Exists(target).Should().BeFalse();
    }
}
