namespace DataQuality.ContractConformance.Tests;

/// <summary>
/// Locates the peer conformance data: env <c>DQ_CONFORMANCE_DIR</c>, else <c>../shared/conformance</c>
/// from the repository root. Missing data fails the test with a clear message; it is never skipped.
/// </summary>
public static class Fixtures
{
    public static string Root
    {
        get
        {
            var fromEnv = Environment.GetEnvironmentVariable("DQ_CONFORMANCE_DIR");
            if (!string.IsNullOrEmpty(fromEnv))
                return Directory.Exists(fromEnv) ? fromEnv : throw new DirectoryNotFoundException($"DQ_CONFORMANCE_DIR='{fromEnv}' does not exist.");
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DataQuality.sln"))) dir = dir.Parent;
            if (dir is null) throw new DirectoryNotFoundException("Cannot find the repository root (DataQuality.sln) above " + AppContext.BaseDirectory);
            var candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "conformance"));
            return Directory.Exists(candidate)
                ? candidate
                : throw new DirectoryNotFoundException($"Conformance data not found at '{candidate}'. Set DQ_CONFORMANCE_DIR to the conformance folder.");
        }
    }

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DataQuality.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new DirectoryNotFoundException("Cannot find the repository root (DataQuality.sln).");
        }
    }

    /// <summary>datacontract-cli's <c>tests/</c> directory: contract paths inside the fixtures are relative to it.</summary>
    public static string CliTests => Path.Combine(Root, "datacontract-cli", "tests");

    public static string CliFixture(params string[] parts) => Path.Combine([CliTests, "fixtures", .. parts]);

    public static string Examples => Path.Combine(Root, "contracts-examples");
}
