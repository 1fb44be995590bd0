using DataQuality.Xunit.Sdk;

namespace DataQuality.Xunit.Tests;

public sealed class ContractTargetTests : IDisposable
{
    private readonly OrdersData _data = new();

    public void Dispose() => _data.Dispose();

    internal string Contract(string extraQuality = "")
    {
        var path = _data.Dir.Combine("contracts", "orders.odcs.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // The contract reads ../out: the temp folder is its repository (local server paths are confined to it).
        Directory.CreateDirectory(_data.Dir.Combine(".git"));
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

        var outcomes = await Task.WhenAll(rows.Select(r => (string)r.GetData()[0]!).Select(async i =>
        {
            try { await target.AssertAsync(i, Main); return (i, (string?)null); }
            catch (CheckFailedException ex) { return (i, ex.Message); }
        }));

        var failures = outcomes.Where(o => o.Item2 is not null).Select(o => o.Item2!).ToList();
        failures.Should().Contain(m => m.StartsWith("orders · order_id · unique failed", StringComparison.Ordinal), "order 7 is duplicated");
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
        message.Should().Contain("orders · order_id · unique failed").And.Contain("orders · amount · minimum 0 failed");
        message.Should().Contain("orders · quality sql failed").And.Contain("observed:  1", "the SQL rule counts the one refunded order");
        message.Should().NotContain("could not be evaluated");
        FluentActions.Invoking(() => orders.Should().MatchContract(contract, model: "customers"))
            .Should().Throw<Exception>().Which.Message.Should().Contain("DQ7005");
    }

    [Fact]
    public async Task A_property_the_data_lacks_fails_only_its_presence_check_and_its_other_checks_are_not_evaluable_in_rows_and_MatchContract_alike()
    {
        var contract = Contract();
        File.AppendAllText(contract, "\n      - name: discount\n        logicalType: number\n        required: true\n");
        var target = new ContractTarget(contract, "orders");
        var rows = target.Rows(Main).Where(r => r.TestDisplayName!.Contains("discount", StringComparison.Ordinal)).ToList();

        var messages = await Task.WhenAll(rows.Select(async r =>
        {
            try { await target.AssertAsync((string)r.GetData()[0]!, Main); return "passed"; }
            catch (CheckFailedException ex) { return ex.Message; }
        }));

        const string NotEvaluable = "DQ4201: not evaluable: column missing: 'discount' is not in orders.";
        messages.Should().HaveCount(3, "present, type and required: " + string.Join("\n---\n", messages));
        messages.Should().ContainSingle(m => m.Contains("failed", StringComparison.Ordinal) && m.Contains("observed:  false", StringComparison.Ordinal), "the presence check fails");
        messages.Count(m => m.Contains(NotEvaluable, StringComparison.Ordinal)).Should().Be(2, "type and required cannot be evaluated on a column that is not there: " + string.Join("\n---\n", messages));

        var orders = Dataset.Load(_data.Dir.Combine("out", "silver", "orders"));
        var matched = FluentActions.Invoking(() => orders.Should().MatchContract(contract, variables: "ds=2026-02-11")).Should().Throw<Exception>().Which.Message;
        matched.Split(NotEvaluable).Length.Should().Be(3, "MatchContract runs the same contract run: the same two not-evaluable results");
        matched.Should().NotContain("10000 unexpected").And.NotContain("DOUBLE");
    }
}
