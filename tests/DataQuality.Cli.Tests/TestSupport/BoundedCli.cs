using System.Diagnostics;
using DataQuality.Core.Datasets;

namespace DataQuality.Cli.Tests.TestSupport;

/// <summary>
/// For file-system tests whose bug was a hang (FIFOs, devices, symlink loops): the command runs on a
/// pool thread, so even a blocking open() before the first await cannot stall the test, and it fails
/// after 20 seconds instead of hanging the run.
/// </summary>
public static class BoundedCli
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    public static Task<CliRun> RunAsync(params string[] args) =>
        Task.Run(() => CliRunner.RunAsync(args), TestContext.Current.CancellationToken).WaitAsync(Limit, TestContext.Current.CancellationToken);

    /// <summary>Writes <paramref name="rows"/> rows (id 1..rows) as Parquet.</summary>
    public static string WriteParquet(string path, int rows = 100)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });
        db.Execute($"COPY (SELECT i::BIGINT AS id FROM range(1, {rows + 1}) r(i)) TO {SqlText.Literal(path)} (FORMAT parquet)");
        return path;
    }

    /// <summary>A suite that passes only when the data has exactly <paramref name="rows"/> rows with unique ids.</summary>
    public static string WriteRowCountSuite(TempDirectory dir, int rows = 100, string name = "suite.json") => dir.Write(name, $$"""
        {"name": "t", "expectations": [
          {"type": "expect_table_row_count_to_be_between", "min_value": {{rows}}, "max_value": {{rows}}},
          {"type": "expect_column_values_to_be_unique", "column": "id"}
        ]}
        """);

    /// <summary>A named pipe, made by the real mkfifo (there is no .NET API for one).</summary>
    public static string MakeFifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var process = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        process.WaitForExit(10_000).Should().BeTrue("mkfifo ends at once");
        process.ExitCode.Should().Be(0);
        return path;
    }
}
