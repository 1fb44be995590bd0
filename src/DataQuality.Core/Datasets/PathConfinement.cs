using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Datasets;

/// <summary>
/// The local folders a suite or contract may name data in: the repository holding the document (the
/// git root above it, else the document's own folder) plus any roots the user allowed explicitly
/// (<c>--allow-path</c>). A path is inside when its real location, symlinks followed, lies under one of
/// the roots, so <c>../../etc/passwd</c> and a link pointing out of the repository are both outside.
/// A pull-request gate runs the branch's own documents; this keeps them from reading the runner's files.
/// </summary>
public sealed class PathConfinement
{
    private const int MaxLinkDepth = 40;

    public PathConfinement(IEnumerable<string> roots) =>
        Roots = roots.Select(r => WithSeparator(RealPath(r))).Distinct(PathComparer).ToList();

    public IReadOnlyList<string> Roots { get; }

    /// <summary>Confinement for a document: its repository, plus the explicitly allowed roots.</summary>
    public static PathConfinement ForDocument(string documentPath, IEnumerable<string>? allowedRoots = null) =>
        new(new[] { RepositoryOf(documentPath) }.Concat(allowedRoots ?? []));

    /// <summary>The git root above <paramref name="documentPath"/>'s folder (a <c>.git</c> folder or file), else that folder.</summary>
    public static string RepositoryOf(string documentPath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(documentPath)) ?? Path.GetFullPath(".");
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git")))
                return dir.FullName;
        }
        return folder;
    }

    public bool Contains(string path)
    {
        var real = WithSeparator(RealPath(path));
        return Roots.Any(root => real.StartsWith(root, PathComparison));
    }

    /// <summary>
    /// <paramref name="path"/> absolute, with every symlink along it resolved (the parts that do not exist
    /// are kept as written); a glob's wildcard part is kept as is.
    /// </summary>
    public static string RealPath(string path) => RealPath(Path.GetFullPath(path), 0);

    private static string RealPath(string full, int depth)
    {
        var root = Path.GetPathRoot(full) ?? "/";
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.Exists && info.LinkTarget is not null)
            {
                if (depth >= MaxLinkDepth) return next; // a link loop: left as written, the reader reports it
                var target = info.LinkTarget;
                next = RealPath(Path.GetFullPath(Path.IsPathRooted(target) ? target : Path.Combine(current, target)), depth + 1);
            }
            current = next;
        }
        return current;
    }

    /// <summary>The folder a glob is listed from (the part before the first wildcard segment); the path itself when it has no wildcard.</summary>
    public static string GlobBase(string pattern)
    {
        var firstWildcard = pattern.IndexOfAny(['*', '?', '[']);
        if (firstWildcard < 0) return pattern;
        var cut = pattern.LastIndexOfAny(['/', '\\'], firstWildcard);
        return cut < 0 ? "." : pattern[..(cut + 1)];
    }

    private static string WithSeparator(string path) => Path.EndsInDirectorySeparator(path) ? path : path + Path.DirectorySeparatorChar;

    private static StringComparison PathComparison => OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private static StringComparer PathComparer => OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>The error for a path outside every root: names the path, where it leads, and how to allow it.</summary>
    public InputException Outside(string what, string path, SourceLocation? at)
    {
        var real = RealPath(path);
        var leadsTo = real == Path.GetFullPath(path) ? "" : $" (which leads to '{real}')";
        var roots = string.Join(", ", Roots.Select(r => r.TrimEnd(Path.DirectorySeparatorChar)));
        return new InputException("DQ1036",
            $"{what} '{path}'{leadsTo} is outside the folders this document may read ({roots}): local paths are confined to the "
            + "repository holding it (its git root, else its folder). Pass --allow-path <folder> to allow another folder.",
            at);
    }
}
