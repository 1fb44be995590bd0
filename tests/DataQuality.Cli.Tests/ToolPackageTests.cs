using System.IO.Compression;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using DataQuality.Cli.Tests.TestSupport;
using DataQuality.Core;
using DataQuality.Core.Datasets;
using DataQuality.Tests.Shared;

namespace DataQuality.Cli.Tests;

/// <summary>
/// The README's install path, done for real: `dotnet pack` of the CLI gives one small tool package per
/// platform (ReadyToRun, the osx package with only its own slice of DuckDB's universal library), and
/// `dotnet tool install` from that folder gives a `dq` that validates a Parquet file. Packs into a
/// temporary artifacts folder so the developer's bin/obj are not touched.
/// </summary>
public sealed class ToolPackageTests : IDisposable
{
    private const long MaxPackageBytes = 40L * 1024 * 1024;
    private const string Version = "0.0.0-packtest";
    private static readonly TimeSpan PackLimit = TimeSpan.FromMinutes(12);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Pack_gives_small_ready_to_run_packages_per_platform_and_the_installed_tool_runs()
    {
        var host = RuntimeInformation.RuntimeIdentifier;   // the portable RID, e.g. linux-x64
        string[] rids = host == "osx-arm64" ? [host] : [host, "osx-arm64"];
        var feed = _dir.Combine("feed");
        var isolated = new Dictionary<string, string> { ["NUGET_PACKAGES"] = _dir.Combine("nuget-cache") };

        // The platforms come from the environment: a `-p:` value cannot hold the list's ';'.
        var platforms = new Dictionary<string, string> { ["ToolPackageRuntimeIdentifiers"] = string.Join(';', rids) };
        var pack = await ExternalCommand.RunAsync("dotnet", _dir.Path, platforms, PackLimit,
            "pack", Path.Combine(ConformanceData.RepositoryRoot, "src", "DataQuality.Cli"), "-c", "Release", "-o", feed,
            $"-p:Version={Version}", "-p:UseArtifactsOutput=true", $"-p:ArtifactsPath={_dir.Combine("artifacts")}",
            "-nologo");
        pack.ExitCode.Should().Be(0, pack.Out + pack.Error);

        foreach (var rid in rids)
        {
            var package = Path.Combine(feed, $"DataQuality.Cli.{rid}.{Version}.nupkg");
            new FileInfo(package).Length.Should().BeLessThan(MaxPackageBytes, $"{rid}'s tool package carries one platform's natives");
            using var zip = ZipFile.OpenRead(package);
            IsReadyToRun(zip.GetEntry($"tools/net10.0/{rid}/dq.dll")!).Should().BeTrue($"{rid}'s dq.dll is compiled ahead of time");
            if (rid == "osx-arm64")
                Magic(zip.GetEntry("tools/net10.0/osx-arm64/libduckdb.dylib")!).Should().Equal(
                    [0xCF, 0xFA, 0xED, 0xFE, 0x0C, 0x00, 0x00, 0x01], "a thin arm64 Mach-O, not the universal file");
        }
        File.Exists(Path.Combine(feed, $"DataQuality.Cli.{Version}.nupkg")).Should().BeTrue("the pointer package names the platform packages");

        var tools = _dir.Combine("tools");
        var install = await ExternalCommand.RunAsync("dotnet", _dir.Path, isolated, TimeSpan.FromMinutes(3),
            "tool", "install", "DataQuality.Cli", "--tool-path", tools, "--add-source", feed, "--version", Version);
        install.ExitCode.Should().Be(0, install.Out + install.Error);

        var data = _dir.Combine("orders.parquet");
        using (var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 }))
            db.Execute($"COPY (SELECT i AS order_id FROM range(1, 11) r(i)) TO {SqlText.Literal(data)} (FORMAT parquet)");
        var suite = _dir.Write("suite.json", """
            {"name": "orders", "expectations": [{"type": "expect_column_max_to_be_between", "column": "order_id", "max_value": 5}]}
            """);
        var dq = Path.Combine(tools, OperatingSystem.IsWindows() ? "dq.exe" : "dq");
        var validate = await ExternalCommand.RunAsync(dq, _dir.Path, isolated, TimeSpan.FromMinutes(1), "validate", "--suite", suite, "--data", data, "--quiet");
        validate.ExitCode.Should().Be(ExitCodes.ChecksFailed, validate.Out + validate.Error);
        validate.Out.Should().Contain("FAIL");
    }

    private static bool IsReadyToRun(ZipArchiveEntry entry)
    {
        using var copy = new MemoryStream();
        using (var s = entry.Open()) s.CopyTo(copy);
        copy.Position = 0;
        using var pe = new PEReader(copy);
        return pe.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0;
    }

    private static byte[] Magic(ZipArchiveEntry entry)
    {
        using var s = entry.Open();
        var bytes = new byte[8];
        s.ReadExactly(bytes);
        return bytes;
    }
}
