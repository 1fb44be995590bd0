using DataQuality.Tests.Shared;

namespace DataQuality.Conformance.Tests.Fixtures;

/// <summary>
/// Where the repository and the GX fixtures are (tests/conformance, or DQ_CONFORMANCE_DIR: see
/// <see cref="ConformanceData"/>); missing fixtures fail the run with a message saying where it looked.
/// </summary>
public static class ConformancePaths
{
    public const string EnvironmentVariable = ConformanceData.EnvironmentVariable;

    public static string RepositoryRoot => ConformanceData.RepositoryRoot;

    public static string ConformanceDirectory => ConformanceData.Directory;

    /// <summary>The GX <c>tests/test_definitions</c> folder; throws with a clear message when it is absent.</summary>
    public static string GxTestDefinitions() => ConformanceData.Require("gx", "tests", "test_definitions");

    public static string ScoreboardPath => Path.Combine(RepositoryRoot, "docs", "conformance.md");

    public static string FloorPath => Path.Combine(RepositoryRoot, "tests", "DataQuality.Conformance.Tests", "conformance-floor.json");
}
