namespace DataQuality.Cli.Tests;

public sealed class ContractCommandTests
{
    private static string Write(string dir, string name, string text)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "dq-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    private const string V1 = """
        apiVersion: v3.1.0
        kind: DataContract
        id: t
        version: 1.0.0
        status: active
        schema:
          - name: orders
            properties:
              - name: id
                logicalType: integer
              - name: status
                logicalType: string
                logicalTypeOptions:
                  enum: [placed, shipped]
        """;

    [Fact]
    public async Task Lint_prints_diagnostics_and_exits_1_on_errors()
    {
        var dir = TempDir();
        var good = Write(dir, "good.yaml", V1);
        var bad = Write(dir, "bad.yaml", V1.Replace("logicalType: integer", "logicalType: integr"));
        var ok = await CliRunner.RunAsync("lint", good);
        ok.ExitCode.Should().Be(0);
        ok.Out.Should().Contain("0 error(s), 0 warning(s)");
        var failed = await CliRunner.RunAsync("lint", good, bad);
        failed.ExitCode.Should().Be(1);
        failed.Out.Should().Contain($"{bad}(10,22): error DQ1018: Unknown logicalType 'integr'; did you mean 'integer'?");
    }

    [Fact]
    public async Task Diff_exits_1_on_breaking_changes_and_0_on_additions()
    {
        var dir = TempDir();
        var v1 = Write(dir, "v1.yaml", V1);
        var narrowed = Write(dir, "v2.yaml", V1.Replace("enum: [placed, shipped]", "enum: [placed]"));
        var widened = Write(dir, "v3.yaml", V1.Replace("enum: [placed, shipped]", "enum: [placed, shipped, returned]") + "\n      - name: note\n        logicalType: string\n");

        var breaking = await CliRunner.RunAsync("contract", "diff", v1, narrowed);
        breaking.ExitCode.Should().Be(1);
        breaking.Out.Should().Contain("ERROR DQ1106 schema.orders.properties.status.logicalTypeOptions.enum: enum values removed: \"shipped\"");
        breaking.Out.Should().Contain("BREAKING: 1 error(s)");

        var compatible = await CliRunner.RunAsync("contract", "diff", v1, widened);
        compatible.ExitCode.Should().Be(0);
        compatible.Out.Should().Contain("[ 1 Added ]  [ 1 Updated ]  [ 0 Removed ]");
        compatible.Out.Should().Contain("INFO DQ1120 schema.orders.properties.note: property added");
    }

    [Fact]
    public async Task Diff_of_a_missing_file_is_an_input_error()
    {
        var run = await CliRunner.RunAsync("contract", "diff", "/nonexistent/a.yaml", "/nonexistent/b.yaml");
        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("DQ1004");
    }
}

public sealed class ValidateContractTests
{
    [Fact]
    public async Task Validate_with_a_contract_runs_its_checks_and_lists_not_executed_rules()
    {
        var dir = Path.Combine(Path.GetTempPath(), "dq-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(dir, "orders", "ds=2026-02-11"));
        using (var session = Core.Datasets.DuckDbSession.Open())
            session.Execute($"COPY (SELECT range AS order_id, CASE WHEN range = 3 THEN 'refunded' ELSE 'placed' END AS status FROM range(5)) TO {Core.Datasets.SqlText.Literal(Path.Combine(dir, "orders", "ds=2026-02-11", "part-0.parquet"))} (FORMAT parquet)");
        var contract = Path.Combine(dir, "orders.yaml");
        File.WriteAllText(contract, """
            apiVersion: v3.1.0
            kind: DataContract
            id: orders
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
                  - type: text
                    description: One row per order.
                properties:
                  - name: order_id
                    logicalType: integer
                    primaryKey: true
                  - name: status
                    logicalType: string
                    logicalTypeOptions:
                      enum: [placed, shipped]
            """);

        var run = await CliRunner.RunAsync("validate", "--contract", contract, "--var", "ds=2026-02-11");
        run.ExitCode.Should().Be(1, run.Out + run.Error);
        run.Out.Should().Contain("orders · status · enum");
        run.Out.Should().Contain("Not executed:");
        run.Out.Should().Contain("orders · quality text");

        var missingVar = await CliRunner.RunAsync("validate", "--contract", contract);
        missingVar.ExitCode.Should().Be(2);
        missingVar.Error.Should().Contain($"{contract}(10,11): error DQ1030");

        var dry = await CliRunner.RunAsync("validate", "--contract", contract, "--dry-run", "--var", "ds=x");
        dry.ExitCode.Should().Be(0);
        dry.Out.Should().Contain("dry run, no data read").And.Contain("orders · order_id · primary key unique  [dq_duplicate_values]");
    }
}
