namespace DataQuality.Conformance.Tests.Fixtures;

/// <summary>
/// Where the repository and the GX fixtures are. The fixtures live outside the repository
/// (<c>../shared/conformance</c>, or <c>DQ_CONFORMANCE_DIR</c>); when they are missing the run
/// fails with a message saying where it looked, never skips.
/// </summary>
public static class ConformancePaths
{
    public const string EnvironmentVariable = "DQ_CONFORMANCE_DIR";

    /// <summary>The folder holding DataQuality.sln, found by walking up from the test assembly.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string ConformanceDirectory
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
            return string.IsNullOrWhiteSpace(fromEnvironment)
                ? Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "conformance"))
                : Path.GetFullPath(fromEnvironment);
        }
    }

    /// <summary>The GX <c>tests/test_definitions</c> folder; throws with a clear message when it is absent.</summary>
    public static string GxTestDefinitions()
    {
        var root = ConformanceDirectory;
        var definitions = Path.Combine(root, "gx", "tests", "test_definitions");
        if (!Directory.Exists(definitions))
            throw new DirectoryNotFoundException(
                $"GX conformance fixtures not found at '{definitions}'. Set {EnvironmentVariable} to the folder holding gx/tests/test_definitions " +
                $"(default: ../shared/conformance beside the repository root '{RepositoryRoot}').");
        return definitions;
    }

    public static string ScoreboardPath => Path.Combine(RepositoryRoot, "docs", "conformance.md");

    public static string FloorPath => Path.Combine(RepositoryRoot, "tests", "DataQuality.Conformance.Tests", "conformance-floor.json");

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DataQuality.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException($"No DataQuality.sln above the test assembly at '{AppContext.BaseDirectory}'.");
    }
}
