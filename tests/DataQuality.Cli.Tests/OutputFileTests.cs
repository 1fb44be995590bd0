using DataQuality.Cli.Tests.TestSupport;
using DataQuality.Core;
using static DataQuality.Cli.Tests.TestSupport.BoundedCli;

namespace DataQuality.Cli.Tests;

/// <summary>
/// Issue 12 item 6 (a report written over the Parquet file it read) and the output parts of item 19
/// (an output that is a folder or cannot be written was an internal error): one rule for every
/// command's output file, DQ2008 and DQ2009, with the input left byte for byte as it was.
/// </summary>
public sealed class OutputFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string _data;
    private readonly byte[] _bytes;

    public OutputFileTests()
    {
        _data = WriteParquet(_dir.Combine("f.parquet"));
        _bytes = File.ReadAllBytes(_data);
    }

    public void Dispose() => _dir.Dispose();

    private void AssertRefused(CliRun run, string code)
    {
        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError, run.Out + run.Error);
        run.Error.Should().Contain($"error {code}").And.NotContain("   at ").And.NotContain("please report");
        File.ReadAllBytes(_data).Should().Equal(_bytes, "the input is untouched");
    }

    [Fact]
    public async Task Validate_refuses_to_write_its_report_over_the_data()
    {
        var run = await RunAsync("validate", "--suite", WriteRowCountSuite(_dir), "--data", _data, "--output", _data);

        AssertRefused(run, "DQ2008");
        run.Error.Should().Contain("is an input of this command");
    }

    [Fact]
    public async Task Validate_refuses_a_symlinked_or_relative_spelling_of_the_data_and_of_the_suite()
    {
        File.CreateSymbolicLink(_dir.Combine("alias.parquet"), _data);
        var suite = WriteRowCountSuite(_dir);
        var suiteBytes = File.ReadAllBytes(suite);

        var viaLink = await RunAsync("validate", "--suite", suite, "--data", _dir.Path, "--output", _dir.Combine("alias.parquet"));
        var viaDots = await RunAsync("validate", "--suite", suite, "--data", _data, "--output", _dir.Combine("sub", "..", "f.parquet"));
        var overSuite = await RunAsync("validate", "--suite", suite, "--data", _data, "--output", suite);

        AssertRefused(viaLink, "DQ2008");
        AssertRefused(viaDots, "DQ2008");
        AssertRefused(overSuite, "DQ2008");
        File.ReadAllBytes(suite).Should().Equal(suiteBytes);
    }

    [Fact]
    public async Task Validate_contract_refuses_to_write_over_the_contract_or_its_data()
    {
        var contract = _dir.Write("c.yaml", """
            apiVersion: v3.0.2
            kind: DataContract
            id: t
            version: 1.0.0
            status: active
            servers:
              - server: local
                type: local
                path: f.parquet
                format: parquet
            schema:
              - name: t
                properties:
                  - name: id
                    logicalType: integer
                    required: true
            """);
        var contractBytes = File.ReadAllBytes(contract);

        var overData = await RunAsync("validate", "--contract", contract, "--output", _data);
        var overContract = await RunAsync("validate", "--contract", contract, "--output", contract);

        AssertRefused(overData, "DQ2008");
        AssertRefused(overContract, "DQ2008");
        File.ReadAllBytes(contract).Should().Equal(contractBytes);
    }

    [Fact]
    public async Task Profile_and_suggest_refuse_to_write_over_the_file_they_read()
    {
        var profile = await RunAsync("profile", _data, "--format", "json", "--output", _data);
        var profileLegacyOut = await RunAsync("profile", _data, "--out", _data);
        var suggest = await RunAsync("suggest", _data, "--output", _data);
        var suggestLegacyOut = await RunAsync("suggest", _data, "--out", _data);
        var suggestFolder = await RunAsync("suggest", _dir.Path, "--output", _data);

        foreach (var run in new[] { profile, profileLegacyOut, suggest, suggestLegacyOut, suggestFolder })
            AssertRefused(run, "DQ2008");
    }

    [Fact]
    public async Task Compare_refuses_to_write_over_a_file_of_either_tree()
    {
        using var trees = CompareTrees.Orders();
        var head = trees.Combine("head", "silver", "orders", "ds=2026-01-01", "p.parquet");
        var before = File.ReadAllBytes(head);

        var run = await RunAsync("compare", "--base", trees.Base, "--head", trees.Head, "--key", "orders=id", "--output", head);

        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError, run.Out + run.Error);
        run.Error.Should().Contain("error DQ2008");
        File.ReadAllBytes(head).Should().Equal(before);
    }

    [Fact]
    public async Task An_output_that_is_a_folder_is_DQ2009_in_validate_profile_and_compare()
    {
        var folder = Directory.CreateDirectory(_dir.Combine("reports")).FullName;
        using var trees = CompareTrees.Orders();

        var validate = await RunAsync("validate", "--suite", WriteRowCountSuite(_dir), "--data", _data, "--output", folder);
        var profile = await RunAsync("profile", _data, "--output", folder);
        var compare = await RunAsync("compare", "--base", trees.Base, "--head", trees.Head, "--key", "orders=id", "--output", folder);

        foreach (var run in new[] { validate, profile, compare })
        {
            AssertRefused(run, "DQ2009");
            run.Error.Should().Contain("it is a folder");
        }
    }

    [Fact]
    public async Task An_output_below_a_file_is_DQ2009_in_validate_profile_and_suggest()
    {
        var blocker = _dir.Write("notes.txt", "not a folder");
        var target = Path.Combine(blocker, "report.json");

        var validate = await RunAsync("validate", "--suite", WriteRowCountSuite(_dir), "--data", _data, "--output", target);
        var profile = await RunAsync("profile", _data, "--output", target);
        var suggest = await RunAsync("suggest", _data, "--output", target);

        foreach (var run in new[] { validate, profile, suggest })
        {
            AssertRefused(run, "DQ2009");
            run.Error.Should().Contain("notes.txt").And.Contain("is not a folder");
        }
        File.ReadAllText(blocker).Should().Be("not a folder");
    }

    [Fact]
    public async Task An_unwritable_output_file_is_DQ2009()
    {
        var target = _dir.Write("report.txt", "old");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(target, UnixFileMode.UserRead);
        if (CanStillWrite(target))
        {
            // Root ignores file modes (the check before the scan passes), so use a file whose writes
            // the kernel refuses even for root: the failure then comes from the write itself.
            target = "/proc/version";
        }

        var run = await RunAsync("validate", "--suite", WriteRowCountSuite(_dir), "--data", _data, "--output", target);

        AssertRefused(run, "DQ2009");
    }

    private static bool CanStillWrite(string path)
    {
        try
        {
            using var _ = File.OpenHandle(path, FileMode.Open, FileAccess.Write);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
