namespace DataQuality.Tests.Shared;

/// <summary>
/// The one place that says where the peer conformance data is: <c>tests/conformance</c> in this
/// repository (copied there with its licenses so a fresh clone passes with nothing beside it), or
/// the folder named by <c>DQ_CONFORMANCE_DIR</c>. Linked into every test project that reads it.
/// A missing folder is an error naming where it looked, never a skipped test.
/// </summary>
internal static class ConformanceData
{
    public const string EnvironmentVariable = "DQ_CONFORMANCE_DIR";

    /// <summary>The folder holding DataQuality.sln, found by walking up from the test assembly.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The conformance folder (holding gx/, datacontract-cli/, contracts-examples/, parquet-testing/).</summary>
    public static string Directory
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
            var path = string.IsNullOrWhiteSpace(configured)
                ? Path.Combine(RepositoryRoot, "tests", "conformance")
                : Path.GetFullPath(configured);
            if (!System.IO.Directory.Exists(path))
                throw new DirectoryNotFoundException(
                    $"Conformance data not found at '{path}' ({(string.IsNullOrWhiteSpace(configured) ? "the repository's tests/conformance" : EnvironmentVariable)}).");
            return path;
        }
    }

    /// <summary>A path inside the conformance folder; throws naming it when it does not exist.</summary>
    public static string Require(params string[] parts)
    {
        var path = Path.Combine([Directory, .. parts]);
        if (!System.IO.Directory.Exists(path) && !File.Exists(path))
            throw new DirectoryNotFoundException($"Conformance data not found at '{path}'.");
        return path;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DataQuality.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException($"No DataQuality.sln above the test assembly at '{AppContext.BaseDirectory}'.");
    }
}
