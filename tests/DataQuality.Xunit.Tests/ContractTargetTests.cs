namespace DataQuality.Xunit.Tests;

public sealed class ContractTargetTests : IDisposable
{
    private readonly OrdersData _data = new();

    public void Dispose() => _data.Dispose();

    internal string Contract(string extraQuality = "")
    {
        var path = _data.Dir.Combine("contracts", "orders.odcs.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, """
            apiVersion: v3.1.0
            kind: DataContract
            id: test-orders
            version: 1.0.0
            status: active
            servers:
              - server: main
                type: local
                format: parquet
                path: ../out/silver/{model}/ds=${ds}/*.parquet
            schema:
              - name: orders
            #QUALITY
                properties:
                  - name: order_id
                    logicalType: integer
                    required: true
                    unique: true
                    primaryKey: true
                  - name: amount
                    logicalType: number
                    logicalTypeOptions:
                      minimum: 0
                      maximum: 10000
            """.Replace("#QUALITY\n", extraQuality, StringComparison.Ordinal));
        return path;
    }

    private static DataQualitySettings Main => new("main", new Dictionary<string, string> { ["ds"] = "2026-02-11" });

    [Fact]
    public async Task Contract_rows_are_the_derived_checks_and_run_once_per_contract()
    {
        var target = new ContractTarget(Contract(), "orders");

        var rows = target.Rows(Main).ToList();
        rows.Should().HaveCountGreaterThan(2);
        rows.Select(r => r.TestDisplayName).Should().OnlyContain(n => n!.StartsWith("orders · ", StringComparison.Ordinal));

        var outcomes = await Task.WhenAll(rows.Select(r => (int)r.GetData()[0]!).Select(async i =>
        {
            try { await target.AssertAsync(i, Main); return (i, (string?)null); }
            catch (CheckFailedException ex) { return (i, ex.Message); }
        }));

        var failures = outcomes.Where(o => o.Item2 is not null).Select(o => o.Item2!).ToList();
        failures.Should().Contain(m => m.StartsWith("orders · order_id · duplicate values failed", StringComparison.Ordinal), "order 7 is duplicated");
        failures.Should().Contain(m => m.Contains("amount") && m.Contains("-5"), "order 13 has a negative amount");
        ContractTarget.RunsFor(target.Key(Main)).Should().Be(1);
    }

    [Fact]
    public void An_unreadable_contract_becomes_one_failing_row()
    {
        var path = _data.Dir.Combine("broken.odcs.yaml");
        File.WriteAllText(path, "apiVersion: v3.1.0\nschema: [\n");

        new ContractTarget(path, "orders").Rows(Main).Should().ContainSingle().Which.TestDisplayName.Should().Contain("contract could not be read");
    }

    [Fact]
    public void MatchContract_runs_the_models_derived_checks_and_sql_rules_on_a_loaded_dataset()
    {
        var contract = Contract("""
                quality:
                  - type: sql
                    query: SELECT count(*) FROM {object} WHERE status = 'refunded'
                    mustBe: 0

            """);
        var orders = Dataset.Load(_data.Dir.Combine("out", "silver", "orders")).WithPrimaryKey("order_id");

        var act = () => orders.Should().MatchContract(contract, variables: "ds=2026-02-11");

        var message = act.Should().Throw<Exception>().Which.Message;
        message.Should().Contain("orders · order_id · duplicate values failed").And.Contain("orders · amount · between failed");
        message.Should().Contain("orders · sql rule failed").And.Contain("observed:  1", "the SQL rule counts the one refunded order");
        message.Should().NotContain("could not be evaluated");
        FluentActions.Invoking(() => orders.Should().MatchContract(contract, model: "customers"))
            .Should().Throw<Exception>().Which.Message.Should().Contain("DQ7005");
    }
}
