using DataQuality.Core.Comparison;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Tests.TestSupport;

namespace DataQuality.Core.Tests.Comparison;

/// <summary>Compare keys from ODCS and DCS contracts (<c>--keys-from</c>).</summary>
public sealed class ContractKeysTests
{
    private const string Odcs = """
        apiVersion: v3.1.0
        kind: DataContract
        id: shop
        version: 1.0.0
        status: active
        schema:
          - name: order_lines
            properties:
              - name: line_no
                logicalType: integer
                primaryKey: true
                primaryKeyPosition: 2
              - name: order_id
                logicalType: integer
                primaryKey: true
                primaryKeyPosition: 1
              - name: amount
                logicalType: number
          - name: notes
            properties:
              - name: text
                logicalType: string
        """;

    private const string Dcs = """
        dataContractSpecification: 1.1.0
        id: crm
        info:
          title: CRM
          version: 1.0.0
        models:
          customers:
            type: table
            primaryKey: [region, customer_id]
            fields:
              customer_id: { type: string }
              region: { type: string }
          legacy:
            type: table
            fields:
              legacy_id: { type: long, primary: true }
              name: { type: string }
        """;

    [Fact]
    public void Reads_primary_keys_from_odcs_and_dcs_contracts_in_a_folder()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.Combine("shop.odcs.yaml"), Odcs);
        Directory.CreateDirectory(dir.Combine("crm"));
        File.WriteAllText(dir.Combine("crm", "crm.dcs.yml"), Dcs);
        File.WriteAllText(dir.Combine("README.md"), "not a contract");

        var keys = ContractKeys.Load(dir.Path);

        keys.Keys.Should().BeEquivalentTo("order_lines", "customers", "legacy");
        keys["order_lines"].Should().Equal("order_id", "line_no");
        keys["customers"].Should().Equal("region", "customer_id");
        keys["legacy"].Should().Equal("legacy_id");
        ContractKeys.Load(dir.Combine("shop.odcs.yaml")).Keys.Should().Equal("order_lines");
    }

    [Fact]
    public void Conflicting_keys_missing_paths_and_empty_folders_are_input_errors()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.Combine("a.yaml"), Odcs);
        File.WriteAllText(dir.Combine("b.yaml"), Odcs.Replace("primaryKeyPosition: 2", "primaryKeyPosition: 0"));
        var conflict = FluentActions.Invoking(() => ContractKeys.Load(dir.Path)).Should().Throw<InputException>().Which;
        conflict.Code.Should().Be("DQ6014");
        conflict.Message.Should().Contain("'order_lines'").And.Contain("(line_no, order_id)").And.Contain("(order_id, line_no)");
        conflict.Location!.Path.Should().EndWith("b.yaml");

        FluentActions.Invoking(() => ContractKeys.Load(dir.Combine("missing"))).Should().Throw<InputException>().Which.Code.Should().Be("DQ6013");
        using var empty = new TempDirectory();
        FluentActions.Invoking(() => ContractKeys.Load(empty.Path)).Should().Throw<InputException>().Which.Code.Should().Be("DQ6013");
    }

    [Fact]
    public async Task Contract_keys_key_entities_by_name_and_explicit_keys_override_them()
    {
        using var f = new ComparisonFixture();
        const string lines = "SELECT (i // 3)::BIGINT AS order_id, (i % 3)::INTEGER AS line_no, (i * 1.5)::DOUBLE AS amount FROM range(0, 30) t(i)";
        f.Base.Write("silver/order_lines/ds=2026-01-01/p.parquet", lines);
        f.Head.Write("silver/order_lines/ds=2026-01-01/p.parquet", lines.Replace("i * 1.5", "CASE WHEN i = 4 THEN 0 ELSE i * 1.5 END"));
        using var dir = new TempDirectory();
        File.WriteAllText(dir.Combine("shop.odcs.yaml"), Odcs);
        var fromContracts = new ComparisonOptions { ContractKeys = ContractKeys.Load(dir.Path) };

        var report = await f.CompareAsync(fromContracts);

        var k = report.Entities.Single().Keyed!;
        k.KeyColumns.Should().Equal("order_id", "line_no");
        (k.Changed, k.Identical, k.BaseKeys.DuplicateKeys).Should().Be((1L, 29L, 0L));
        k.Samples.Changed.Single().Key.Should().Be("order_id=1, line_no=1");

        // --key wins, and "notes" (a model with no key, in neither tree) is no error.
        var overridden = await f.CompareAsync(fromContracts with { Keys = new Dictionary<string, IReadOnlyList<string>> { ["silver/order_lines"] = ["order_id"] } });
        overridden.Entities.Single().Keyed!.KeyColumns.Should().Equal("order_id");
        overridden.Entities.Single().Keyed!.BaseKeys.DuplicateKeys.Should().Be(10);
    }
}
