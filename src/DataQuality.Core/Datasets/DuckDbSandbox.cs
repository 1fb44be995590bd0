namespace DataQuality.Core.Datasets;

/// <summary>
/// Locks a DuckDB session down to the dataset's own files before any suite or contract SQL runs: only the
/// listed files are readable (<c>allowed_paths</c>), every other file, directory, URL and extension
/// is out of reach (<c>enable_external_access=false</c>), and the configuration cannot be changed
/// back by a query (<c>lock_configuration=true</c>). Contracts always run so; suites too unless the
/// caller trusts the suite's SQL (<c>dq validate --trust-suite-sql</c>).
/// </summary>
public static class DuckDbSandbox
{
    public static void Apply(DuckDbSession session, IReadOnlyCollection<string> allowedFiles)
    {
        session.Execute($"SET allowed_paths = {SqlText.List(allowedFiles.Select(Path.GetFullPath))}");
        session.Execute("SET enable_external_access = false");
        session.Execute("SET autoload_known_extensions = false");
        session.Execute("SET lock_configuration = true");
    }
}
