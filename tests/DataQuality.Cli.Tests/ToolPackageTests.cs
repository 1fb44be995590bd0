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
/// platform (ReadyToRun, the osx package with only its own slice of DuckDB's universal library), the pack with
/// `-p:PublishAot=true` replaces this machine's with a NativeAOT one, and `dotnet tool install` from that folder
/// gives a `dq` whose output is the library's, byte for byte. Packs into temporary artifacts folders so the
/// developer's bin/obj are not touched.
/// </summary>
public sealed class ToolPackageTests : IDisposable
{
    private const long MaxPackageBytes = 40L * 1024 * 1024;
    private const string Version = "0.0.0-packtest";
    private static readonly TimeSpan PackLimit = TimeSpan.FromMinutes(12);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Pack_gives_small_packages_per_platform_native_aot_for_this_one_and_the_installed_tool_agrees_with_the_library()
    {
        var host = RuntimeInformation.RuntimeIdentifier;   // the portable RID, e.g. linux-x64
        string[] rids = host == "osx-arm64" ? [host] : [host, "osx-arm64"];
        var feed = _dir.Combine("feed");
        var isolated = new Dictionary<string, string> { ["NUGET_PACKAGES"] = _dir.Combine("nuget-cache") };

        // Every platform ReadyToRun, then this machine's package again as NativeAOT (README, "Install dq"). The
        // platforms come from the environment: a `-p:` value cannot hold the list's ';'.
        var platforms = new Dictionary<string, string> { ["ToolPackageRuntimeIdentifiers"] = string.Join(';', rids) };
        await PackAsync(platforms, feed, "r2r");
        // NativeAOT links with the system's C toolchain (gcc or clang), which a machine with only the .NET SDK may lack:
        // then the ReadyToRun package is checked the same way and the test says what it could not do.
        var nativeAot = CToolchainOnPath();
        if (nativeAot) await PackAsync(new Dictionary<string, string>(), feed, "aot", "-r", host, "-p:PublishAot=true");

        foreach (var rid in rids)
        {
            var package = Path.Combine(feed, $"DataQuality.Cli.{rid}.{Version}.nupkg");
            new FileInfo(package).Length.Should().BeLessThan(MaxPackageBytes, $"{rid}'s tool package carries one platform's natives");
            using var zip = ZipFile.OpenRead(package);
            if (rid == host && nativeAot)
            {
                var native = zip.Entries.Where(e => e.FullName.StartsWith("tools/", StringComparison.Ordinal) && e.Name is "dq" or "dq.exe").ToList();
                native.Should().ContainSingle($"{rid}'s package holds the NativeAOT executable");
                Magic(native[0]).Take(4).Should().Equal(OperatingSystem.IsLinux() ? [0x7F, (byte)'E', (byte)'L', (byte)'F'] : OperatingSystem.IsWindows() ? [(byte)'M', (byte)'Z', 0x90, 0x00] : [0xCF, 0xFA, 0xED, 0xFE]);
                zip.Entries.Should().NotContain(e => e.Name == "dq.dll" || e.Name.EndsWith(".dbg", StringComparison.Ordinal), "no ReadyToRun leftovers or 40 MB of debug information");
                continue;
            }
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
        var dq = Path.Combine(tools, OperatingSystem.IsWindows() ? "dq.exe" : "dq");

        var data = _dir.Combine("orders.parquet");
        using (var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 }))
            db.Execute($$"""
                COPY (SELECT i AS order_id, (i * 0.7)::DOUBLE / 3.0 - 3 AS amount, ['new', 'paid', '1', 'true'][1 + i % 4] AS status,
                             TIMESTAMP '2026-01-01' + to_seconds(i * 3600) AS at, [i, i + 1]::BIGINT[] AS items,
                             MAP {'k': i} AS attrs, {'a': i, 'b': 'x'} AS info, CASE WHEN i % 3 = 0 THEN NULL ELSE i::INT END AS maybe
                      FROM range(1, 2001) r(i)) TO {{SqlText.Literal(data)}} (FORMAT parquet)
                """);
        var suite = _dir.Write("suite.json", """
            {"name": "orders", "expectations": [
              {"type": "expect_column_max_to_be_between", "column": "order_id", "max_value": 5},
              {"type": "expect_column_values_to_be_null", "column": "items"},
              {"type": "expect_column_values_to_be_null", "column": "attrs"},
              {"type": "expect_column_values_to_be_null", "column": "info"},
              {"type": "expect_column_mean_to_be_between", "column": "amount", "min_value": 0, "max_value": 100},
              {"type": "expect_column_values_to_be_in_set", "column": "status", "value_set": ["new", "paid"]}
            ]}
            """);
        var validate = await ExternalCommand.RunAsync(dq, _dir.Path, isolated, TimeSpan.FromMinutes(1), "validate", "--suite", suite, "--data", data, "--quiet");
        validate.ExitCode.Should().Be(ExitCodes.ChecksFailed, validate.Out + validate.Error);
        validate.Out.Should().Contain("FAIL");

        // The NativeAOT executable and the library the test adapter runs give the same bytes. The NativeAOT image has
        // no AVX-512 (scalar loops where the JIT uses 512-bit vectors on such a machine), so inexact doubles (amount)
        // check that a profile's sums do not depend on the kernels taken.
        var contract = _dir.Combine("orders.odcs.yaml");
        string[][] commands =
        [
            ["validate", "--suite", suite, "--data", data, "--quiet", "--format", "json"],
            ["profile", data, "--format", "json", "--quiet"],
            ["suggest", data, "--output", contract],
            ["validate", "--contract", contract, "--quiet"],
        ];
        foreach (var args in commands)
        {
            if (args[0] == "suggest") File.Delete(contract);
            var native = await ExternalCommand.RunAsync(dq, _dir.Path, isolated, TimeSpan.FromMinutes(1), args);
            native.ExitCode.Should().BeLessThan(2, $"dq {string.Join(' ', args)}: {native.Out}{native.Error}");
            var nativeContract = args[0] == "suggest" ? File.ReadAllText(contract) : null;
            if (args[0] == "suggest") File.Delete(contract);
            var library = await BoundedCli.RunAsync(args);
            (native.ExitCode, native.Out).Should().Be((library.ExitCode, library.Out), $"dq {string.Join(' ', args)}: {native.Error}");
            if (nativeContract is not null) nativeContract.Should().Be(File.ReadAllText(contract));
        }

        var demoDir = Directory.CreateDirectory(_dir.Combine("demo")).FullName;
        var demo = await ExternalCommand.RunAsync(dq, demoDir, isolated, TimeSpan.FromMinutes(3), "demo");
        demo.ExitCode.Should().Be(0, demo.Out + demo.Error);
        if (!nativeAot)
            Assert.Skip("Checked the ReadyToRun package only: NativeAOT needs a C toolchain (gcc or clang) on PATH, e.g. apt-get install gcc.");
    }

    private static bool CToolchainOnPath() =>
        OperatingSystem.IsWindows() || (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(dir => File.Exists(Path.Combine(dir, "gcc")) || File.Exists(Path.Combine(dir, "clang")));

    private async Task PackAsync(IReadOnlyDictionary<string, string> environment, string feed, string artifacts, params string[] extra)
    {
        var pack = await ExternalCommand.RunAsync("dotnet", _dir.Path, environment, PackLimit,
            ["pack", Path.Combine(ConformanceData.RepositoryRoot, "src", "DataQuality.Cli"), "-c", "Release", "-o", feed,
             $"-p:Version={Version}", "-p:UseArtifactsOutput=true", $"-p:ArtifactsPath={_dir.Combine("artifacts-" + artifacts)}", "-nologo", .. extra]);
        pack.ExitCode.Should().Be(0, pack.Out + pack.Error);
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
