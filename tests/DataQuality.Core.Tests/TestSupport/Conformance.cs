namespace DataQuality.Core.Tests.TestSupport;

/// <summary>
/// Locates the shared conformance data: env DQ_CONFORMANCE_DIR, else ../shared/conformance next to
/// the repository root. Missing data is an error with instructions, never a silent skip.
/// </summary>
public static class Conformance
{
    public static string Directory
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("DQ_CONFORMANCE_DIR");
            var path = !string.IsNullOrWhiteSpace(configured)
                ? configured
                : System.IO.Path.GetFullPath(System.IO.Path.Combine(RepositoryRoot(), "..", "shared", "conformance"));
            if (!System.IO.Directory.Exists(path))
                throw new InvalidOperationException(
                    $"Conformance data not found at '{path}'. Set DQ_CONFORMANCE_DIR to the folder holding parquet-testing/, gx/, ... (see ../shared/conformance/README.md).");
            return path;
        }
    }

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Directory, .. parts]);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "DataQuality.sln"))) return dir.FullName;
        throw new InvalidOperationException($"Cannot find DataQuality.sln above '{AppContext.BaseDirectory}'.");
    }
}
