using DataQuality.Cli.Tests.TestSupport;
using DataQuality.Core;

namespace DataQuality.Cli.Tests;

/// <summary>
/// Issue 12 item 21: a contract's local server paths are confined to the repository holding the contract
/// (its git root, else its folder) unless <c>--allow-path</c> names another folder.
/// </summary>
public sealed class ContractPathConfinementTests : IDisposable
{
    private const string Secret = "runner-credential-91bc";
    private readonly TempDirectory _dir = new();
    private readonly TempDirectory _outside = new();

    public void Dispose()
    {
        _dir.Dispose();
        _outside.Dispose();
    }

    private string Contract(string path, string format = "csv") => _dir.Write("contracts/orders.yaml", $"""
        apiVersion: v3.1.0
        kind: DataContract
        id: orders
        version: 1.0.0
        status: active
        servers:
          - server: local
            type: local
            format: {format}
            path: "{path}"
        schema:
          - name: orders
            properties:
              - name: id
                logicalType: integer
                required: true
        """);

    [Fact]
    public async Task A_server_path_climbing_out_of_the_repository_is_refused_and_nothing_is_read()
    {
        var secret = _outside.Write("passwd.csv", $"id\n{Secret}\n");
        var relative = Path.GetRelativePath(_dir.Combine("contracts"), secret);
        var contract = Contract(relative);

        var run = await CliRunner.RunAsync("validate", "--contract", contract);

        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError, run.Out + run.Error);
        run.Error.Should().Contain("orders.yaml(10,").And.Contain("error DQ1036").And.Contain("--allow-path");
        (run.Out + run.Error).Should().NotContain(Secret);
    }

    [Fact]
    public async Task Allow_path_lets_a_contract_read_another_folder()
    {
        var data = _outside.Write("orders.csv", "id\n1\n2\n");
        var contract = Contract(data);

        var refused = await CliRunner.RunAsync("validate", "--contract", contract);
        var allowed = await CliRunner.RunAsync("validate", "--contract", contract, "--allow-path", _outside.Path);

        refused.ExitCode.Should().Be(ExitCodes.UsageOrInputError, refused.Out + refused.Error);
        allowed.ExitCode.Should().Be(ExitCodes.Passed, allowed.Out + allowed.Error);
    }

    [Fact]
    public async Task A_glob_walking_up_to_the_root_is_refused_before_it_lists_anything()
    {
        var contract = Contract("../../../../../../../../**/*.parquet", "parquet");

        var run = await CliRunner.RunAsync("validate", "--contract", contract);

        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError, run.Out + run.Error);
        run.Error.Should().Contain("error DQ1036").And.NotContain("DQ9000");
    }

    [Fact]
    public async Task A_symlink_inside_the_repository_pointing_out_of_it_is_refused()
    {
        var secret = _outside.Write("passwd.csv", $"id\n{Secret}\n");
        Directory.CreateDirectory(_dir.Combine("contracts", "data"));
        File.CreateSymbolicLink(_dir.Combine("contracts", "data", "orders.csv"), secret);
        var contract = Contract("data/orders.csv");

        var run = await CliRunner.RunAsync("validate", "--contract", contract);

        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError, run.Out + run.Error);
        run.Error.Should().Contain("error DQ1036").And.Contain(secret);
        (run.Out + run.Error).Should().NotContain(Secret);
    }

    [Fact]
    public async Task Data_inside_the_contracts_folder_is_read_as_before()
    {
        _dir.Write("contracts/data/orders.csv", "id\n1\n2\n");
        var contract = Contract("data/orders.csv");

        var run = await CliRunner.RunAsync("validate", "--contract", contract);

        run.ExitCode.Should().Be(ExitCodes.Passed, run.Out + run.Error);
    }

    [Fact]
    public async Task A_relative_path_that_exists_only_from_the_working_directory_is_named_in_the_error()
    {
        var name = "dq-exec-cwd-" + Guid.NewGuid().ToString("N");
        var fromCwd = Path.GetFullPath(name);
        Directory.CreateDirectory(fromCwd);
        try
        {
            File.WriteAllText(Path.Combine(fromCwd, "orders.csv"), "id\n1\n");
            var contract = Contract($"{name}/orders.csv");

            var run = await CliRunner.RunAsync("validate", "--contract", contract);

            run.ExitCode.Should().Be(ExitCodes.UsageOrInputError, run.Out + run.Error);
            run.Error.Should().Contain("error DQ2002").And.Contain("from the working directory").And.Contain(Path.Combine(fromCwd, "orders.csv"));
        }
        finally
        {
            Directory.Delete(fromCwd, recursive: true);
        }
    }
}
