using DataQuality.Core.Checks;
using DataQuality.Core.Contracts.Model;
using DataQuality.Core.Contracts.Running;
using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Tests.Contracts;

public sealed class ContractRunnerTests
{
    private const string Header = """
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
        """;

    private static Dictionary<string, CheckStatus> Statuses(ContractRunResult result) =>
        result.Models.SelectMany(m => m.Report!.Results).ToDictionary(r => r.Expectation.DisplayName, r => r.Status);

    [Fact]
    public async Task Property_constraints_become_named_checks_with_locations()
    {
        using var ws = new ContractWorkspace();
        ws.Parquet("orders", "SELECT * FROM (VALUES (1::BIGINT, 'a@b.io', 'placed', 10.0), (2, 'bad', 'lost', -1.0), (2, NULL, 'placed', 5.0)) t(order_id, email, status, amount)");
        var contract = ws.Contract(Header + """

            schema:
              - name: orders
                properties:
                  - name: order_id
                    logicalType: integer
                    required: true
                    unique: true
                  - name: email
                    logicalType: string
                    logicalTypeOptions:
                      format: email
                      maxLength: 5
                  - name: status
                    logicalType: string
                    logicalTypeOptions:
                      enum: [placed, shipped]
                  - name: amount
                    logicalType: number
                    logicalTypeOptions:
                      exclusiveMinimum: 0
                      maximum: 10
            """);
        var result = await ws.RunAsync(contract);
        var statuses = Statuses(result);
        statuses.Should().Contain(new Dictionary<string, CheckStatus>
        {
            ["orders · order_id · present"] = CheckStatus.Passed,
            ["orders · order_id · type integer"] = CheckStatus.Passed,
            ["orders · order_id · required"] = CheckStatus.Passed,
            ["orders · order_id · unique"] = CheckStatus.Failed,
            ["orders · email · format email"] = CheckStatus.Failed,
            ["orders · email · max length 5"] = CheckStatus.Failed,
            ["orders · status · enum"] = CheckStatus.Failed,
            ["orders · amount · exclusive minimum 0"] = CheckStatus.Failed,
            ["orders · amount · maximum 10"] = CheckStatus.Passed,
        });
        var unique = result.Models[0].Report!.Results.Single(r => r.Expectation.DisplayName == "orders · order_id · unique");
        unique.Expectation.Location!.ToString().Should().Be($"{contract}(14,9)");
        var maxLength = result.Models[0].Report!.Results.Single(r => r.Expectation.DisplayName == "orders · email · max length 5");
        maxLength.Expectation.Location!.Line.Should().Be(22);
    }

    [Theory]
    [InlineData("mustBe: 2", true)]
    [InlineData("mustBe: 3", false)]
    [InlineData("mustNotBe: 2", false)]
    [InlineData("mustBeGreaterThan: 2", false)]
    [InlineData("mustBeGreaterOrEqualTo: 2", true)]
    [InlineData("mustBeLessThan: 2", false)]
    [InlineData("mustBeLessOrEqualTo: 2", true)]
    [InlineData("mustBeBetween: [2, 5]", true)]
    [InlineData("mustBeBetween: [0, 2]", true)]
    [InlineData("mustBeBetween: [3, 5]", false)]
    [InlineData("mustNotBeBetween: [2, 5]", false)]
    [InlineData("mustNotBeBetween: [3, 5]", true)]
    public async Task Every_operator_on_null_values(string op, bool passes)
    {
        using var ws = new ContractWorkspace();
        ws.Parquet("t", "SELECT * FROM (VALUES (1), (NULL), (NULL), (4)) v(x)");
        var contract = ws.Contract(Header + $$"""

            schema:
              - name: t
                properties:
                  - name: x
                    quality:
                      - metric: nullValues
                        {{op}}
            """);
        var result = await ws.RunAsync(contract);
        var check = result.Models[0].Report!.Results.Single(r => r.Expectation.Type == "dq_null_values");
        check.Status.Should().Be(passes ? CheckStatus.Passed : CheckStatus.Failed);
        check.Result.ObservedValue!.GetValue<long>().Should().Be(2);
    }

    [Fact]
    public async Task Library_metrics_rows_and_percent_with_severity()
    {
        using var ws = new ContractWorkspace();
        ws.Parquet("t", "SELECT * FROM (VALUES (1, 'a', 'x'), (1, 'N/A', 'x'), (2, '', 'y'), (3, NULL, 'zz')) v(id, code, kind)");
        var contract = ws.Contract(Header + """

            schema:
              - name: t
                quality:
                  - metric: rowCount
                    mustBeBetween: [4, 4]
                  - metric: duplicateValues
                    arguments:
                      properties: [id, kind]
                    mustBe: 1
                properties:
                  - name: id
                    quality:
                      - metric: duplicateValues
                        mustBe: 0
                        severity: warning
                  - name: code
                    quality:
                      - metric: missingValues
                        arguments:
                          missingValues: [null, '', 'N/A']
                        mustBeLessOrEqualTo: 75
                        unit: percent
                      - metric: missingValues
                        arguments:
                          missingValues: [null, '', 'N/A']
                        mustBeLessThan: 75
                        unit: percent
                  - name: kind
                    quality:
                      - metric: invalidValues
                        arguments:
                          validValues: [x, y]
                        mustBe: 1
                      - metric: invalidValues
                        arguments:
                          pattern: '^[a-z]$'
                        mustBe: 0
            """);
        var result = await ws.RunAsync(contract);
        var r = result.Models[0].Report!.Results.Where(x => x.Expectation.DisplayName.Contains("quality")).ToList();
        r.Select(x => x.Status).Should().Equal(
            CheckStatus.Warned, CheckStatus.Passed, CheckStatus.Failed, CheckStatus.Passed, CheckStatus.Failed, CheckStatus.Passed, CheckStatus.Passed);
        r[0].Expectation.DisplayName.Should().Be("t · id · quality duplicateValues");
        r[1].Result.ObservedValue!.GetValue<double>().Should().Be(75);
        CheckDiagnostics.From(r[4]).Should().Be(new CheckDiagnostics("invalid_count", 1, 4, 0.25));
        r[5].Expectation.DisplayName.Should().Be("t · quality rowCount");
        r[6].Expectation.DisplayName.Should().Be("t · id, kind · quality duplicateValues");
        r[6].Result.ObservedValue!.GetValue<long>().Should().Be(1);
    }

    [Fact]
    public async Task Composite_primary_key_is_one_tuple_check_and_text_and_custom_rules_are_not_executed()
    {
        using var ws = new ContractWorkspace();
        ws.Parquet("items", "SELECT * FROM (VALUES (1, 1), (1, 2), (2, 1), (2, 1)) v(order_id, line_no)");
        var contract = ws.Contract(Header + """

            schema:
              - name: items
                quality:
                  - type: text
                    description: Lines are numbered from 1.
                  - type: custom
                    engine: soda
                    implementation: "duplicate_count(order_id) = 0"
                properties:
                  - name: order_id
                    primaryKey: true
                    primaryKeyPosition: 1
                  - name: line_no
                    primaryKey: true
                    primaryKeyPosition: 2
            """);
        var result = await ws.RunAsync(contract);
        var model = result.Models.Single();
        var pk = model.Report!.Results.Single(x => x.Expectation.DisplayName == "items · order_id, line_no · primary key unique");
        pk.Status.Should().Be(CheckStatus.Failed);
        pk.Result.ObservedValue!.GetValue<long>().Should().Be(1);
        model.Report.Results.Should().Contain(x => x.Expectation.DisplayName == "items · order_id · primary key required");
        model.Derived.NotExecuted.Select(n => n.DisplayName).Should().Equal("items · quality text", "items · quality custom");
        model.Report.Results.Should().NotContain(x => x.Expectation.DisplayName.Contains("quality text"));
    }

    [Fact]
    public async Task Freshness_and_retention_sla_on_the_named_element()
    {
        using var ws = new ContractWorkspace();
        ws.Parquet("events", "SELECT now()::TIMESTAMP - INTERVAL 2 HOUR AS ts UNION ALL SELECT now()::TIMESTAMP - INTERVAL 40 DAY");
        var contract = ws.Contract(Header + """

            schema:
              - name: events
                properties:
                  - name: ts
                    logicalType: timestamp
            slaProperties:
              - property: freshness
                value: 3
                unit: h
                element: events.ts
              - property: retention
                value: P30D
                element: events.ts
              - property: latency
                value: 4
                unit: d
            """);
        var statuses = Statuses(await ws.RunAsync(contract));
        statuses.Keys.Should().Contain("events · ts · freshness 3h", string.Join(", ", statuses.Keys));
        statuses["events · ts · freshness 3h"].Should().Be(CheckStatus.Passed);
        statuses["events · ts · retention P30D"].Should().Be(CheckStatus.Failed);
    }

    [Fact]
    public async Task Variables_from_options_or_environment_and_unresolved_is_an_error_with_location()
    {
        using var ws = new ContractWorkspace();
        Directory.CreateDirectory(Path.Combine(ws.Path, "data", "ds=2026-02-11"));
        var file = ws.Parquet("t", "SELECT 1 AS x");
        File.Move(file, Path.Combine(ws.Path, "data", "ds=2026-02-11", "part-0.parquet"));
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
                path: data/ds=${ds}/*.parquet
            schema:
              - name: t
                properties:
                  - name: x
                    required: true
                  - name: ds
                    logicalType: date
            """);
        var withVar = await ws.RunAsync(contract, new ContractRunOptions { Variables = new Dictionary<string, string> { ["ds"] = "2026-02-11" } });
        withVar.ExitCode().Should().Be(0);
        var fromEnv = await ws.RunAsync(contract, new ContractRunOptions { Environment = n => n == "DQ_VAR_ds" ? "2026-02-11" : null });
        fromEnv.ExitCode().Should().Be(0);

        var act = () => ws.RunAsync(contract, new ContractRunOptions { Environment = _ => null });
        var error = (await act.Should().ThrowAsync<InputException>()).Which;
        error.Code.Should().Be("DQ1030");
        error.Location!.ToString().Should().Be($"{contract}(10,11)");
    }

    [Fact]
    public async Task Dry_run_lists_checks_and_sql_without_data()
    {
        using var ws = new ContractWorkspace();
        var contract = ws.Contract(Header + """

            schema:
              - name: orders
                properties:
                  - name: amount
                    logicalType: number
                    required: true
                quality:
                  - type: sql
                    query: SELECT count(*) FROM {model} WHERE amount < 0
                    mustBe: 0
            """);
        var result = await ws.RunAsync(contract, new ContractRunOptions { DryRun = true });
        var plan = result.Models.Single().Plan;
        plan.Select(p => p.DisplayName).Should().Equal("orders · amount · present", "orders · amount · type number", "orders · amount · required", "orders · quality sql");
        plan[2].Sql.Should().Contain("read_parquet").And.Contain("IS NULL");
        plan[3].Sql.Should().Be("SELECT count(*) FROM \"orders\" WHERE amount < 0");
        result.Models.Single().Report.Should().BeNull();
    }

    [Fact]
    public async Task A_contract_scan_has_no_filtered_aggregate_per_column()
    {
        // Every per-column check a contract derives, with nulls and failures in the data: the verdicts are
        // asserted by the tests above; here, that none of them brings FILTER back into the scan
        // (one filtered aggregate per column made the scan quadratic in width, issue 12 item 14; see AggregateSql).
        using var ws = new ContractWorkspace();
        ws.Parquet("t", "SELECT * FROM (VALUES (1, 'a', 5), (NULL, 'N/A', -1), (3, NULL, NULL)) v(id, code, n)");
        var contract = ws.Contract(Header + """

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
        run.Models.Single().Report!.Results.Should().OnlyContain(r => r.Status != CheckStatus.Error);
    }

    [Fact]
    public async Task Unknown_server_gets_a_did_you_mean()
    {
        using var ws = new ContractWorkspace();
        var contract = ws.Contract(Header + "\nschema: []\n");
        var act = () => ws.RunAsync(contract, new ContractRunOptions { Server = "locl" });
        (await act.Should().ThrowAsync<InputException>()).Which.Message.Should().Contain("did you mean 'local'");
    }

    [Fact]
    public async Task Dcs_contract_is_up_converted_with_positions()
    {
        using var ws = new ContractWorkspace();
        ws.Parquet("orders", "SELECT 1::BIGINT AS order_id, 'x' AS note");
        var contract = ws.Contract("""
            dataContractSpecification: 1.2.1
            id: t
            info:
              title: T
              version: 1.0.0
            servers:
              production:
                type: local
                path: data/{model}.parquet
                format: parquet
            models:
              orders:
                primaryKey: [order_id]
                fields:
                  order_id:
                    type: long
                  note:
                    $ref: '#/definitions/note'
            definitions:
              note:
                type: string
                maxLength: 3
            """);
        var result = await ws.RunAsync(contract);
        result.Contract.Standard.Should().Be(ContractStandard.Dcs);
        var statuses = Statuses(result);
        statuses.Keys.Should().Contain(["orders · order_id · type long", "orders · order_id · primary key unique", "orders · note · max length 3"]);
        statuses.Values.Should().OnlyContain(s => s == CheckStatus.Passed);
        result.Models[0].Report!.Results.Single(r => r.Expectation.DisplayName == "orders · order_id · type long").Expectation.Location!.Line.Should().Be(16);
    }
}
