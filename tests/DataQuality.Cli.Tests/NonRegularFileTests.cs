using DataQuality.Cli.Tests.TestSupport;
using DataQuality.Core;
using static DataQuality.Cli.Tests.TestSupport.BoundedCli;

namespace DataQuality.Cli.Tests;

/// <summary>
/// Issue 12 item 16 and "/dev/zero as data": a FIFO named *.parquet blocked forever (as --data, in a
/// data folder, as --suite or --contract). Only regular files are read; anything else is DQ2006, at
/// once, naming the path. Each run is bounded (see <see cref="BoundedCli"/>): the bug was a hang.
/// </summary>
public sealed class NonRegularFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static void AssertNotRegular(CliRun run, string path)
    {
        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError, run.Out + run.Error);
        run.Error.Should().Contain("error DQ2006").And.Contain(path).And.Contain("not a regular file").And.NotContain("   at ");
    }

    [Fact]
    public async Task A_fifo_as_data_is_refused_without_blocking()
    {
        var fifo = MakeFifo(_dir.Combine("in.parquet"));

        var validate = await RunAsync("validate", "--suite", WriteRowCountSuite(_dir), "--data", fifo);
        var profile = await RunAsync("profile", fifo);
        var suggest = await RunAsync("suggest", fifo);

        AssertNotRegular(validate, fifo);
        validate.Error.Should().Contain("named pipe");
        AssertNotRegular(profile, fifo);
        AssertNotRegular(suggest, fifo);
    }

    [Fact]
    public async Task A_fifo_inside_a_data_folder_or_a_compared_tree_is_refused()
    {
        WriteParquet(_dir.Combine("d", "a.parquet"));
        var fifo = MakeFifo(_dir.Combine("d", "b.parquet"));
        WriteParquet(_dir.Combine("base", "silver", "orders", "a.parquet"));
        WriteParquet(_dir.Combine("head", "silver", "orders", "a.parquet"));
        var treeFifo = MakeFifo(_dir.Combine("head", "silver", "orders", "b.parquet"));

        var validate = await RunAsync("validate", "--suite", WriteRowCountSuite(_dir), "--data", _dir.Combine("d"));
        var glob = await RunAsync("validate", "--suite", WriteRowCountSuite(_dir), "--data", _dir.Combine("d") + "/*.parquet");
        var profile = await RunAsync("profile", _dir.Combine("d"));
        var compare = await RunAsync("compare", "--base", _dir.Combine("base"), "--head", _dir.Combine("head"), "--key", "orders=id");
        var sync = await RunAsync("storage", "sync", _dir.Combine("d"), _dir.Combine("copy"));

        AssertNotRegular(validate, fifo);
        AssertNotRegular(glob, fifo);
        AssertNotRegular(profile, fifo);
        AssertNotRegular(compare, treeFifo);
        AssertNotRegular(sync, fifo);
    }

    [Fact]
    public async Task A_fifo_the_command_would_not_read_is_passed_over()
    {
        WriteParquet(_dir.Combine("d", "a.parquet"));
        MakeFifo(_dir.Combine("d", "notes.pipe"));

        var run = await RunAsync("validate", "--suite", WriteRowCountSuite(_dir), "--data", _dir.Combine("d"));

        run.ExitCode.Should().Be(ExitCodes.Passed, run.Out + run.Error);
    }

    [Fact]
    public async Task A_fifo_as_suite_or_contract_is_refused()
    {
        var data = WriteParquet(_dir.Combine("d.parquet"));
        var suite = MakeFifo(_dir.Combine("suite.yaml"));
        var contract = MakeFifo(_dir.Combine("contract.yaml"));

        var bySuite = await RunAsync("validate", "--suite", suite, "--data", data);
        var byContract = await RunAsync("validate", "--contract", contract);
        var keysFrom = await RunAsync("compare", "--base", _dir.Path, "--head", _dir.Path, "--keys-from", contract);

        AssertNotRegular(bySuite, suite);
        AssertNotRegular(byContract, contract);
        AssertNotRegular(keysFrom, contract);
    }

    [Fact]
    public async Task A_fifo_as_a_drift_reference_profile_is_refused()
    {
        var data = WriteParquet(_dir.Combine("d.parquet"));
        var fifo = MakeFifo(_dir.Combine("profiles", "d.json"));
        var suite = _dir.Write("drift.yaml", """
            suite: drift
            expectations:
              - type: dq_column_distribution_drift
                column: id
                reference_profile: profiles/d.json
                threshold: 0.1
            """);

        var run = await RunAsync("validate", "--suite", suite, "--data", data);

        run.ExitCode.Should().BeOneOf(ExitCodes.ChecksFailed, ExitCodes.UsageOrInputError);
        (run.Out + run.Error).Should().Contain("DQ2006").And.Contain(fifo).And.NotContain("   at ");
    }

    [Fact]
    public async Task Dev_zero_as_data_is_not_a_regular_file()
    {
        var validate = await RunAsync("validate", "--suite", WriteRowCountSuite(_dir), "--data", "/dev/zero");
        var profile = await RunAsync("profile", "/dev/zero");

        AssertNotRegular(validate, "/dev/zero");
        validate.Error.Should().Contain("device");
        AssertNotRegular(profile, "/dev/zero");
    }
}
