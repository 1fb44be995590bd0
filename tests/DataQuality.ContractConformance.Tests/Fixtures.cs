using DataQuality.Tests.Shared;

namespace DataQuality.ContractConformance.Tests;

/// <summary>Paths into the conformance data (tests/conformance, or DQ_CONFORMANCE_DIR): see <see cref="ConformanceData"/>.</summary>
public static class Fixtures
{
    public static string Root => ConformanceData.Directory;

    public static string RepoRoot => ConformanceData.RepositoryRoot;

    /// <summary>datacontract-cli's <c>tests/</c> directory: contract paths inside the fixtures are relative to it.</summary>
    public static string CliTests => Path.Combine(Root, "datacontract-cli", "tests");

    public static string CliFixture(params string[] parts) => Path.Combine([CliTests, "fixtures", .. parts]);

    public static string Examples => Path.Combine(Root, "contracts-examples");
}
