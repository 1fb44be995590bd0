using DataQuality.Generators;
using Microsoft.CodeAnalysis;

namespace DataQuality.Generators.Tests;

public sealed class GeneratorTests
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

    private static GeneratorHarness.File Suite(string relative, string text, string? dataset = null) =>
        new(GeneratorHarness.ProjectDir + relative, text, "Suite", dataset);

    [Fact]
    public void A_suite_becomes_one_test_class_with_one_theory_over_its_checks()
    {
        var (driver, _, _) = GeneratorHarness.Run(GeneratorHarness.Driver([Suite("expectations/silver/orders.suite.yaml", OrdersSuite)], variables: "ds=2026-02-11"));

        var sources = driver.GetRunResult().Results.Single().GeneratedSources;
        var orders = sources.Single(s => s.HintName == "expectations_silver_orders.suite.yaml.g.cs").SourceText.ToString();
        orders.Should().Contain("namespace DataQuality.Generated.Expectations.Silver");
        orders.Should().Contain("[global::Xunit.Trait(\"suite\", @\"silver.orders\")]");
        orders.Should().Contain("public sealed partial class OrdersSuite");
        orders.Should().Contain("new(@\"/repo/pipeline.tests/expectations/silver/orders.suite.yaml\", @\"orders\", @\"../out/silver/orders/ds=${ds}\")");
        orders.Should().Contain("[global::Xunit.MemberData(nameof(OrdersChecks))]");
        orders.Should().Contain("public global::System.Threading.Tasks.Task Orders(string check)");

        var defaults = sources.Single(s => s.HintName == "DataQualityDefaults.g.cs").SourceText.ToString();
        defaults.Should().Contain("public const string? Variables = @\"ds=2026-02-11\";").And.Contain("public const string? Server = null;");
        defaults.Should().Contain("[assembly: global::Xunit.AssemblyFixture(typeof(global::DataQuality.Xunit.DataQualityRunReport))]");
    }

    [Fact]
    public void Generated_code_compiles_against_DataQuality_Xunit_without_warnings()
    {
        var (_, output, diagnostics) = GeneratorHarness.Run(GeneratorHarness.Driver(
        [
            Suite("expectations/orders.suite.yaml", OrdersSuite),
            Suite("expectations/gx/customers.json", """{"expectation_suite_name": "bronze.customers", "meta": {"dataset": "../../out/bronze/customers"}, "expectations": []}"""),
        ], server: "../out", variables: "ds=2026-02-11"));

        diagnostics.Should().BeEmpty();
        output.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).Should().BeEmpty();
        output.SyntaxTrees.Select(t => t.ToString()).Should().Contain(t => t.Contains("class CustomersSuite") && t.Contains("@\"customers\", @\"../../out/bronze/customers\""));
    }

    [Fact]
    public void Item_metadata_Dataset_overrides_the_file_and_files_without_our_metadata_are_ignored()
    {
        var other = new GeneratorHarness.File(GeneratorHarness.ProjectDir + "appsettings.json", "{}", "None");
        var (driver, _, _) = GeneratorHarness.Run(GeneratorHarness.Driver([Suite("expectations/orders.yaml", OrdersSuite, dataset: "s3://bucket/orders"), other]));

        var sources = driver.GetRunResult().Results.Single().GeneratedSources;
        sources.Should().HaveCount(2);
        sources.Single(s => s.HintName.StartsWith("expectations_", StringComparison.Ordinal)).SourceText.ToString().Should().Contain("@\"s3://bucket/orders\"");
    }

    [Fact]
    public void Contracts_are_read_for_one_theory_per_model_ODCS_schema_or_DCS_models()
    {
        var odcs = CheckFileReader.Read(CheckFileKind.Contract, "/c/orders.yaml", "contracts/orders.yaml", OdcsContract, null);
        var dcs = CheckFileReader.Read(CheckFileKind.Contract, "/c/shop.yaml", "contracts/shop.yaml", """
            dataContractSpecification: 1.2.0
            id: shop
            models:
              orders:   # the silver table
                type: table
                fields:
                  order_id: { type: long }
              "daily_sales":
                type: table
            servers:
              local: { type: local, path: ./out }
            """, null);

        odcs.Name.Should().Be("ecommerce");
        odcs.Models.Should().Equal("orders", "order_items");
        dcs.Models.Should().Equal("orders", "daily_sales");
        SourceEmitter.TestClass(odcs).Should().Contain("public global::System.Threading.Tasks.Task OrderItems(string check)").And.Contain("ContractTarget").And.Contain("OrderItemsTarget.Rows(global::DataQuality.Generated.DataQualityDefaults.Settings)");
    }

    [Fact]
    public void A_contract_without_models_is_build_error_DQ7101_at_the_file()
    {
        var contract = new GeneratorHarness.File(GeneratorHarness.ProjectDir + "contracts/empty.yaml", "name: empty\nschema: []\n", "Contract");

        var (_, _, diagnostics) = GeneratorHarness.Run(GeneratorHarness.Driver([contract]));

        var diagnostic = diagnostics.Should().ContainSingle().Subject;
        diagnostic.Id.Should().Be("DQ7101");
        diagnostic.Severity.Should().Be(DiagnosticSeverity.Error);
        diagnostic.Location.GetLineSpan().Path.Should().Be(GeneratorHarness.ProjectDir + "contracts/empty.yaml");
    }

    [Fact]
    public void Editing_one_suite_regenerates_only_that_file()
    {
        var orders = Suite("expectations/orders.yaml", OrdersSuite);
        var customers = Suite("expectations/customers.yaml", "suite: bronze.customers\ndataset: ../out/bronze/customers\nexpectations: []\n");
        var (driver, _, _) = GeneratorHarness.Run(GeneratorHarness.Driver([orders, customers]));

        var edited = Suite("expectations/customers.yaml", "suite: bronze.clients\ndataset: ../out/bronze/customers\nexpectations: []\n");
        driver = driver.ReplaceAdditionalText(customers, edited);
        driver = driver.RunGenerators(GeneratorHarness.Compilation(), TestContext.Current.CancellationToken);

        var steps = driver.GetRunResult().Results.Single().TrackedSteps[DataQualityGenerator.FilesStep];
        var reasons = steps.SelectMany(s => s.Outputs).Select(o => (((CheckFileModel)o.Value).RelativePath, o.Reason)).ToList();
        reasons.Should().Contain(("expectations/orders.yaml", IncrementalStepRunReason.Cached));
        reasons.Should().Contain(("expectations/customers.yaml", IncrementalStepRunReason.Modified));
        driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName.Contains("customers", StringComparison.Ordinal))
            .SourceText.ToString().Should().Contain("@\"bronze.clients\"");
    }

    [Fact]
    public void Names_the_generator_reads_agree_with_the_shallow_readers_on_quoted_and_commented_yaml()
    {
        var model = CheckFileReader.Read(CheckFileKind.Suite, "/x/daily.yaml", "expectations/daily.yaml",
            "suite: 'gold.daily_sales'   # the gold table\ndataset: \"../out/gold/daily_sales\"\nexpectations: []\n", null);

        model.Name.Should().Be("gold.daily_sales");
        model.Models.Should().Equal("daily_sales");
        model.Dataset.Should().Be("../out/gold/daily_sales");
    }
}
