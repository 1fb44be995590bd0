namespace DataQuality.Xunit;

/// <summary>Dataset locations as a pipeline repository writes them: relative to the file that declares them, unless absolute or a URI.</summary>
public static class DataPaths
{
    public static bool IsUri(string location) => location.Contains("://", StringComparison.Ordinal);

    public static string Resolve(string location, string baseDirectory)
    {
        if (IsUri(location) || Path.IsPathRooted(location)) return location;
        if (IsUri(baseDirectory)) return baseDirectory.TrimEnd('/') + "/" + (location.StartsWith("./", StringComparison.Ordinal) ? location[2..] : location).Replace('\\', '/');
        return Path.GetFullPath(Path.Combine(baseDirectory, location));
    }
}
