using DataQuality.Core.Diagnostics;
using DataQuality.Xunit;
using DataQuality.Xunit.Sdk;

namespace DataQuality.Cli.Tests;

/// <summary>
/// Variables have one parser in Core: a bad variable gives the same code and message through
/// <c>dq validate --contract</c> and through the xunit adapter's settings (generated contract and suite rows,
/// and the MSBuild property the generated code reads), as a user meets them.
/// </summary>
public sealed class VariableErrorParityTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "dq-cli-tests", Guid.NewGuid().ToString("N"));

    public VariableErrorParityTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Contract = """
        apiVersion: v3.1.0
        kind: DataContract
        id: t
        version: 1.0.0
        status: active
        servers:
          - server: local
            type: local
            format: parquet
            path: data/ds=${parity_unset_ds}/orders.parquet
        schema:
          - name: orders
            properties:
              - name: id
                logicalType: integer
        """;

    /// <summary>"error DQ1030: Variable ..." from a diagnostic line: the code and message, without the location.</summary>
    private static string CodeAndMessage(string diagnostic)
    {
        var at = diagnostic.IndexOf("error DQ", StringComparison.Ordinal);
        at.Should().BeGreaterThanOrEqualTo(0, diagnostic);
        return diagnostic[at..].Split('\n')[0].TrimEnd('\r');
    }

    [Fact]
    public async Task An_unset_variable_is_DQ1030_with_one_message_in_dq_validate_in_contract_rows_and_in_suite_rows()
    {
        var contract = Path.Combine(_dir, "orders.yaml");
        File.WriteAllText(contract, Contract);
        var suite = Path.Combine(_dir, "orders.suite.yaml");
        File.WriteAllText(suite, "suite: orders\nexpectations:\n  - expect_column_to_exist: { column: id }\n");
        // The name is used by no other test: DQ_VAR_ names are read from the process environment.
        var settings = DataQualitySettings.FromDefaults(null, null);

        var cli = await CliRunner.RunAsync("validate", "--contract", contract);
        var fromCli = CodeAndMessage(cli.Error);

        cli.ExitCode.Should().Be(2, cli.Error);
        fromCli.Should().StartWith("error DQ1030: ").And.Contain("DQ_VAR_parity_unset_ds").And.Contain("--var").And.Contain("DataQualityVariables");
        cli.Error.Should().Contain($"{contract}(10,11): error DQ1030", "the error names the line of the path");

        var target = new ContractTarget(contract, "orders");
        target.Rows(settings).Should().ContainSingle().Which.TestDisplayName.Should().Be("orders · contract could not be read (DQ1030)");
        // Rows record into the run summary the parity tests read: behind their gate, or a parity test running
        // at the same time finds these rows among its own (seen once in CI).
        Exception? contractRow = null;
        await ParityComparison.Recorded(async () => contractRow = await Record.ExceptionAsync(() => target.AssertAsync(0, settings)));
        contractRow.Should().BeOfType<CheckFailedException>();
        CodeAndMessage(contractRow!.Message).Should().Be(fromCli);

        var suiteTarget = new SuiteTarget(suite, "orders", "data/ds=${parity_unset_ds}/orders.parquet");
        Exception? suiteRow = null;
        await ParityComparison.Recorded(async () => suiteRow = await Record.ExceptionAsync(() => suiteTarget.AssertAsync(0, settings)));
        suiteRow.Should().BeOfType<CheckFailedException>();
        suiteRow!.Message.Should().Contain("DQ1030").And.Contain(fromCli["error DQ1030: ".Length..]);
    }

    [Fact]
    public async Task A_definition_that_is_not_name_value_is_DQ1031_with_one_message_from_dq_var_and_DataQualityVariables()
    {
        var contract = Path.Combine(_dir, "orders.yaml");
        File.WriteAllText(contract, Contract);

        var cli = await CliRunner.RunAsync("validate", "--contract", contract, "--var", "2026-02-11");
        var settings = FluentActions.Invoking(() => DataQualitySettings.FromDefaults(null, "2026-02-11")).Should().Throw<InputException>().Which;

        cli.ExitCode.Should().Be(2, cli.Error);
        CodeAndMessage(cli.Error).Should().StartWith("error DQ1031: Variable definition '2026-02-11' is not name=value");
        CodeAndMessage(settings.ToDiagnosticString()).Should().Be(CodeAndMessage(cli.Error));

        // A name ${...} cannot spell is rejected the same way rather than set and silently never used.
        var dashed = await CliRunner.RunAsync("validate", "--contract", contract, "--var", "my-ds=1");
        dashed.ExitCode.Should().Be(2, dashed.Error);
        CodeAndMessage(dashed.Error).Should().StartWith("error DQ1031: Variable definition 'my-ds=1'");
    }
}
