namespace DataQuality.Core.Profiling;

/// <summary>
/// One file to profile: <see cref="LocalPath"/> is what gets read, <see cref="LogicalPath"/> where the
/// data lives (the same local path, or the <c>s3://bucket/key</c> of a cached object). Hive partitions
/// come from the logical path, so a cached copy profiles like the object it stands for.
/// </summary>
public sealed record ProfileInput(string LocalPath, string LogicalPath)
{
    public static ProfileInput Local(string path) => new(path, path);

    /// <summary>Pairs local files with their logical locations (same order); <paramref name="locations"/> null means local data.</summary>
    public static IReadOnlyList<ProfileInput> From(IReadOnlyList<string> files, IReadOnlyList<string>? locations = null)
    {
        if (locations is not null && locations.Count != files.Count)
            throw new ArgumentException($"{locations.Count} locations for {files.Count} files.", nameof(locations));
        var result = new ProfileInput[files.Count];
        for (var i = 0; i < files.Count; i++) result[i] = new ProfileInput(files[i], locations?[i] ?? files[i]);
        return result;
    }
}
