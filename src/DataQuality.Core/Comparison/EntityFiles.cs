namespace DataQuality.Core.Comparison;

/// <summary>The files of one entity on one side, with their layout match.</summary>
internal sealed record EntityFile(TreeFile File, LayoutMatch Match);

internal sealed record EntitySide(IReadOnlyList<EntityFile> Files)
{
    public IReadOnlyList<string> SchemaVersions =>
        Files.Select(f => f.Match.SchemaVersion).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();

    public ILookup<string, EntityFile> ByPartition => Files.ToLookup(f => f.Match.Partition, StringComparer.Ordinal);
}
