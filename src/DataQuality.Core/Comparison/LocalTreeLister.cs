using DataQuality.Core.Diagnostics;
using DataQuality.Core.Files;

namespace DataQuality.Core.Comparison;

/// <summary>Lists a local directory recursively; hidden and underscore files (_SUCCESS, .crc) are left out.</summary>
public sealed class LocalTreeLister : ITreeLister
{
    public static LocalTreeLister Instance { get; } = new();

    public bool CanList(string root) => !root.Contains("://", StringComparison.Ordinal);

    public Task<IReadOnlyList<TreeFile>> ListAsync(string root, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(root))
            throw new InputException("DQ6002", $"Output tree not found: '{root}' is not a directory.", new SourceLocation(root));
        var full = Path.GetFullPath(root);
        var files = LocalFileTree.List(full, include: path => !IsHidden(Path.GetFileName(path)), descend: path => !IsHidden(Path.GetFileName(path)), cancellationToken)
            .Select(path => new TreeFile(Path.GetRelativePath(full, path).Replace('\\', '/'), path, LocalFileTree.Target(path).Length))
            .ToList();
        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return Task.FromResult<IReadOnlyList<TreeFile>>(files);
    }

    private static bool IsHidden(string name) => name.StartsWith('.') || name.StartsWith('_');
}
