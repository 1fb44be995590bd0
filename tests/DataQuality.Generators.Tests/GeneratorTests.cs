using DataQuality.Generators;
using Microsoft.CodeAnalysis;

namespace DataQuality.Generators.Tests;

public sealed class GeneratorTests : IDisposable
{
    private const string OrdersSuite = """
        # silver orders
        suite: silver.orders
        dataset: ../out/silver/orders/ds=${ds}
        primary_key: [order_id]
        expectations:
          - expect_column_values_to_be_unique: { column: order_id }
        """;

    private const string OdcsContract = """
        apiVersion: v3.1.0
        kind: DataContract
        id: urn:datacontract:ecommerce
        name: ecommerce
        version: 1.0.0
        status: active
        schema:
          - name: orders
            physicalName: silver/orders
            properties:
              - name: order_id
                logicalType: integer
          - physicalName: silver/order_items
            name: order_items
            properties:
              - name: line_no
        """;

    private readonly TestProject _project = new();

    public void Dispose() => _project.Dispose();

    private static IReadOnlyList<GeneratedSourceResult> Sources(GeneratorDriver driver) => driver.GetRunResult().Results.Single().GeneratedSources;

    [Fact]
    public void A_suite_becomes_one_test_class_with_one_theory_over_its_checks()
    {
        var path = _project.Suite("expectations/silver/orders.suite.yaml", OrdersSuite);

        var (driver, _, _) = GeneratorHarness.Run(_project.Driver(variables: "ds=2026-02-11"));

        var sources = Sources(driver);
        var orders = sources.Single(s => s.HintName == "expectations_silver_orders.suite.yaml.g.cs").SourceText.ToString();
        orders.Should().Contain("namespace DataQuality.Generated.Expectations.Silver");
        orders.Should().Contain("[global::Xunit.Trait(\"suite\", @\"silver.orders\")]");
        orders.Should().Contain("public sealed partial class OrdersSuite");
        orders.Should().Contain($"new(@\"{path}\", @\"orders\", @\"../out/silver/orders/ds=${{ds}}\")");
        orders.Should().Contain("[global::Xunit.MemberData(nameof(OrdersChecks))]");
        orders.Should().Contain("public global::System.Threading.Tasks.Task Orders(string check)");

        var defaults = sources.Single(s => s.HintName == "DataQualityDefaults.g.cs").SourceText.ToString();
        defaults.Should().Contain("public const string? Variables = @\"ds=2026-02-11\";").And.Contain("public const string? Server = null;");
        defaults.Should().Contain("[assembly: global::Xunit.AssemblyFixture(typeof(global::DataQuality.Xunit.Sdk.DataQualityRunReport))]");
    }

    [Fact]
    public void Generated_code_compiles_against_DataQuality_Xunit_without_warnings()
    {
        _project.Suite("expectations/orders.suite.yaml", OrdersSuite);
        _project.Suite("expectations/gx/customers.json", """{"expectation_suite_name": "bronze.customers", "meta": {"dataset": "../../out/bronze/customers"}, "expectations": []}""");
        _project.Contract("contracts/ecommerce.odcs.yaml", OdcsContract);

        var (_, output, diagnostics) = GeneratorHarness.Run(_project.Driver(server: "../out", variables: "ds=2026-02-11"));

        diagnostics.Should().BeEmpty();
        output.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).Should().BeEmpty();
        output.SyntaxTrees.Select(t => t.ToString()).Should().Contain(t => t.Contains("class CustomersSuite") && t.Contains("@\"customers\", @\"../../out/bronze/customers\""));
    }

    [Fact]
    public void Item_metadata_Dataset_overrides_the_file_and_files_without_our_metadata_are_ignored()
    {
        _project.Suite("expectations/orders.yaml", OrdersSuite, dataset: "s3://bucket/orders");
        var other = new GeneratorHarness.File(_project.Dir + "appsettings.json", "{}", "None");

        var (driver, _, _) = GeneratorHarness.Run(_project.Driver(others: other));

        Sources(driver).Should().HaveCount(2);
        Sources(driver).Single(s => s.HintName.StartsWith("expectations_", StringComparison.Ordinal)).SourceText.ToString().Should().Contain("@\"s3://bucket/orders\"");
    }

    [Fact]
    public void Contracts_become_one_theory_per_model_ODCS_schema_or_DCS_models()
    {
        _project.Contract("contracts/orders.yaml", OdcsContract);
        _project.Contract("contracts/shop.yaml", """
            dataContractSpecification: 1.2.0
            id: shop
            info: { title: shop, version: 1.0.0 }
            models:
              orders:   # the silver table
                type: table
                fields:
                  order_id: { type: long }
              "daily_sales":
                type: table
            servers:
              local: { type: local, path: ./out }
            """);

        var (driver, _, _) = GeneratorHarness.Run(_project.Driver());

        var odcs = Sources(driver).Single(s => s.HintName == "contracts_orders.yaml.g.cs").SourceText.ToString();
        var dcs = Sources(driver).Single(s => s.HintName == "contracts_shop.yaml.g.cs").SourceText.ToString();
        odcs.Should().Contain("[global::Xunit.Trait(\"contract\", @\"ecommerce\")]");
        odcs.Should().Contain("Task Orders(string check)").And.Contain("Task OrderItems(string check)")
            .And.Contain("OrderItemsTarget.Rows(global::DataQuality.Generated.DataQualityDefaults.Settings)");
        dcs.Should().Contain("Task Orders(string check)").And.Contain("Task DailySales(string check)");
    }

    /// <summary>Issue 13: the line-by-line reader found no models in flow style and failed the build (DQ7101) while dq lint accepted the file.</summary>
    [Fact]
    public void A_flow_style_contract_builds_the_same_theories_and_rows_as_its_block_style_twin()
    {
        var flow = _project.Contract("contracts/flow/orders.yaml",
            "apiVersion: v3.1.0\nkind: DataContract\nid: shop\nversion: 1.0.0\nstatus: active\n"
            + "schema: [{name: orders, properties: [{name: order_id, logicalType: integer, required: true}]}]\n");
        var block = _project.Contract("contracts/block/orders.yaml", """
            apiVersion: v3.1.0
            kind: DataContract
            id: shop
            version: 1.0.0
            status: active
            schema:
              - name: orders
                properties:
                  - name: order_id
                    logicalType: integer
                    required: true
            """);

        var (driver, output, diagnostics) = GeneratorHarness.Run(_project.Driver());

        diagnostics.Should().BeEmpty();
        output.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity >= DiagnosticSeverity.Warning).Should().BeEmpty();
        var flowClass = Sources(driver).Single(s => s.HintName == "contracts_flow_orders.yaml.g.cs").SourceText.ToString();
        var blockClass = Sources(driver).Single(s => s.HintName == "contracts_block_orders.yaml.g.cs").SourceText.ToString();
        flowClass.Should().Contain("Task Orders(string check)");
        flowClass.Replace(flow, "FILE").Replace("contracts/flow/", "contracts/X/").Replace(".Flow", ".X")
            .Should().Be(blockClass.Replace(block, "FILE").Replace("contracts/block/", "contracts/X/").Replace(".Block", ".X"));

        var settings = DataQuality.Xunit.DataQualitySettings.FromDefaults(null, null);
        string[] Rows(string path) => [.. new DataQuality.Xunit.Sdk.ContractTarget(path, "orders").Rows(settings)
            .Select(r => $"{r.TestDisplayName} {string.Join(",", r.GetData())}")];
        Rows(flow).Should().Equal(Rows(block)).And.Contain(r => r.StartsWith("orders · order_id · required ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_contract_without_models_warns_DQ7101_at_the_file_and_generates_nothing_for_it()
    {
        var path = _project.Contract("contracts/empty.yaml", "apiVersion: v3.1.0\nkind: DataContract\nid: empty\nversion: 1.0.0\nstatus: active\nschema: []\n");

        var (driver, _, diagnostics) = GeneratorHarness.Run(_project.Driver());

        var diagnostic = diagnostics.Should().ContainSingle().Subject;
        diagnostic.Id.Should().Be("DQ7101");
        diagnostic.Severity.Should().Be(DiagnosticSeverity.Warning);
        diagnostic.Location.GetLineSpan().Path.Should().Be(path);
        Sources(driver).Select(s => s.HintName).Should().Equal("DataQualityDefaults.g.cs");
    }

    [Fact]
    public void An_unreadable_file_still_gets_its_class_whose_row_fails_with_the_readers_error_at_test_time()
    {
        _project.Suite("expectations/broken.yaml", "suite: x\nexpectations:\n  - [a\n");

        var (driver, _, diagnostics) = GeneratorHarness.Run(_project.Driver());

        diagnostics.Should().BeEmpty();
        Sources(driver).Single(s => s.HintName == "expectations_broken.yaml.g.cs").SourceText.ToString()
            .Should().Contain("public sealed partial class BrokenSuite").And.Contain("Task Broken(string check)");
    }

    [Fact]
    public void A_model_list_of_another_format_version_is_build_error_DQ7102()
    {
        var list = new GeneratorHarness.File(_project.Dir + "obj/dataquality.models.txt", "dq-models 0\nsuite\t/x.yaml\tx\t\tx\n", "Models");

        var (_, _, diagnostics) = GeneratorHarness.Run(GeneratorHarness.Driver(_project.Dir, [list]));

        diagnostics.Should().ContainSingle().Which.Id.Should().Be("DQ7102");
    }

    [Fact]
    public void Editing_one_suite_regenerates_only_that_file()
    {
        _project.Suite("expectations/orders.yaml", OrdersSuite);
        _project.Suite("expectations/customers.yaml", "suite: bronze.customers\ndataset: ../out/bronze/customers\nexpectations: []\n");
        var before = _project.ModelList();
        var (driver, _, _) = GeneratorHarness.Run(GeneratorHarness.Driver(_project.Dir, [before]));

        _project.Suite("expectations/customers.yaml", "suite: bronze.clients\ndataset: ../out/bronze/customers\nexpectations: []\n");
        driver = driver.ReplaceAdditionalText(before, _project.ModelList());
        driver = driver.RunGenerators(GeneratorHarness.Compilation(), TestContext.Current.CancellationToken);

        var steps = driver.GetRunResult().Results.Single().TrackedSteps[DataQualityGenerator.FilesStep];
        var reasons = steps.SelectMany(s => s.Outputs).Select(o => (((CheckFileModel)o.Value).RelativePath, o.Reason)).ToList();
        reasons.Should().Contain(("expectations/orders.yaml", IncrementalStepRunReason.Unchanged));
        reasons.Should().Contain(("expectations/customers.yaml", IncrementalStepRunReason.Modified));
        Sources(driver).Single(s => s.HintName.Contains("customers", StringComparison.Ordinal))
            .SourceText.ToString().Should().Contain("@\"bronze.clients\"");
    }

    [Fact]
    public void Names_come_from_the_engines_readers_quoted_commented_and_unnamed()
    {
        _project.Suite("expectations/daily.yaml", "suite: 'gold.daily_sales'   # the gold table\ndataset: \"../out/gold/daily_sales\"\nexpectations: []\n");
        _project.Suite("expectations/refunds.suite.yaml", "expectations: []\n");

        var (driver, _, _) = GeneratorHarness.Run(_project.Driver());

        Sources(driver).Single(s => s.HintName == "expectations_daily.yaml.g.cs").SourceText.ToString()
            .Should().Contain("@\"daily_sales\", @\"../out/gold/daily_sales\")").And.Contain("Trait(\"suite\", @\"gold.daily_sales\")");
        Sources(driver).Single(s => s.HintName == "expectations_refunds.suite.yaml.g.cs").SourceText.ToString()
            .Should().Contain("public sealed partial class RefundsSuite").And.Contain("@\"refunds\", null)").And.Contain("Trait(\"suite\", @\"refunds.suite\")");
    }
}
