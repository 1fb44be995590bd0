using DataQuality.Core.Diagnostics;

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
        var files = new List<TreeFile>();
        foreach (var path in Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var relative = Path.GetRelativePath(full, path).Replace('\\', '/');
            if (relative.Split('/').Any(segment => segment.StartsWith('.') || segment.StartsWith('_'))) continue;
            files.Add(new TreeFile(relative, path, new FileInfo(path).Length));
        }
        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return Task.FromResult<IReadOnlyList<TreeFile>>(files);
    }
}
