using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Files;

/// <summary>
/// The one way dq lists local files under a folder (datasets, globs, compared trees, storage sync,
/// contract folders, snapshots). Directory symbolic links are followed, but each real directory and
/// each real file is visited once (by device and inode), so two links to one partition do not double
/// its rows; a link back to a folder above it is a loop and stops the listing with DQ2007 instead of
/// multiplying the data. Only regular files are returned: a FIFO, device or socket the caller would
/// read is DQ2006 (reading it would block or never end), one it would not read is passed over.
/// </summary>
public static class LocalFileTree
{
    /// <summary>
    /// Regular files under <paramref name="root"/> (recursively) that <paramref name="include"/> accepts,
    /// as full paths in ordinal order. <paramref name="descend"/> may keep the walk out of folders
    /// (given their full path); it is not asked about <paramref name="root"/> itself.
    /// </summary>
    public static IReadOnlyList<string> List(string root, Func<string, bool> include, Func<string, bool>? descend = null, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(root);
        var status = FileStat.Of(full);
        if (status.Kind != FileKind.Directory)
            throw KindError(root, status.Kind, "a folder");
        var found = new List<(string Path, FileId Id)>();
        var seenDirectories = new HashSet<FileId> { status.Id };
        Walk(full, [(full, status.Id)], include, descend, seenDirectories, found, cancellationToken);

        // Each real file once: the first path in ordinal order names it.
        found.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        var seenFiles = new HashSet<FileId>();
        return found.Where(f => seenFiles.Add(f.Id)).Select(f => f.Path).ToList();
    }

    /// <summary>
    /// The <see cref="FileInfo"/> of what <paramref name="path"/> points to: for a symbolic link, .NET's
    /// FileInfo describes the link itself (its Length is the length of the target's name).
    /// </summary>
    public static FileInfo Target(string path)
    {
        var info = new FileInfo(path);
        return info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? info;
    }

    /// <summary>Throws unless <paramref name="path"/> is a regular file (links followed); <paramref name="missing"/> is the caller's own not-found error.</summary>
    public static void RequireRegularFile(string path, Func<Exception> missing)
    {
        var status = FileStat.Of(path);
        if (status.Kind == FileKind.Regular) return;
        if (status.Kind == FileKind.Missing) throw missing();
        throw KindError(path, status.Kind, "a file");
    }

    /// <summary>The typed error for a path that is not what the caller needs (<paramref name="expected"/>: "a file", "a folder").</summary>
    public static InputException KindError(string path, FileKind kind, string expected) => kind switch
    {
        FileKind.SymlinkLoop => new InputException(FileErrorCodes.SymlinkLoop, $"'{path}' is a symbolic link loop (it leads back to itself).", new SourceLocation(path)),
        FileKind.Missing => new InputException(FileErrorCodes.SymlinkLoop, $"'{path}' does not exist (or is a symbolic link to nothing).", new SourceLocation(path)),
        FileKind.Inaccessible => new InputException(FileErrorCodes.Unreadable, $"'{path}' cannot be read: permission denied.", new SourceLocation(path)),
        FileKind.Directory => new InputException(FileErrorCodes.NotRegularFile, $"'{path}' is a folder, not {expected}.", new SourceLocation(path)),
        FileKind.Regular => new InputException(FileErrorCodes.NotRegularFile, $"'{path}' is a file, not {expected}.", new SourceLocation(path)),
        _ => new InputException(FileErrorCodes.NotRegularFile, $"'{path}' is not a regular file (it is a {Describe(kind)}); dq reads only regular files.", new SourceLocation(path)),
    };

    private static string Describe(FileKind kind) => kind switch
    {
        FileKind.Fifo => "named pipe (FIFO)",
        FileKind.Device => "device",
        FileKind.Socket => "socket",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static void Walk(string directory, List<(string Path, FileId Id)> ancestors, Func<string, bool> include, Func<string, bool>? descend,
        HashSet<FileId> seenDirectories, List<(string, FileId)> found, CancellationToken cancellationToken)
    {
        string[] entries;
        try
        {
            entries = Directory.GetFileSystemEntries(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException(FileErrorCodes.Unreadable, $"Cannot list folder '{directory}': {ex.Message}", new SourceLocation(directory), ex);
        }
        Array.Sort(entries, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var status = FileStat.Of(entry);
            switch (status.Kind)
            {
                case FileKind.Directory:
                    if (ancestors.FindIndex(a => a.Id == status.Id) is var loop and >= 0)
                        throw new InputException(FileErrorCodes.SymlinkLoop,
                            $"'{entry}' is a symbolic link loop: it leads back to '{ancestors[loop].Path}', which contains it (the data would be read again and again).",
                            new SourceLocation(entry));
                    if (descend is not null && !descend(entry)) continue;
                    if (!seenDirectories.Add(status.Id)) continue; // another link to a folder already walked
                    ancestors.Add((entry, status.Id));
                    Walk(entry, ancestors, include, descend, seenDirectories, found, cancellationToken);
                    ancestors.RemoveAt(ancestors.Count - 1);
                    break;
                case FileKind.Regular:
                    if (include(entry)) found.Add((entry, status.Id));
                    break;
                case FileKind.SymlinkLoop:
                    // Unknown whether a file or a folder was meant, so never passed over silently.
                    throw KindError(entry, status.Kind, "a file");
                default:
                    // A FIFO, device, dangling link or unreadable entry is an error only when it would be read.
                    if (include(entry)) throw KindError(entry, status.Kind, "a file");
                    break;
            }
        }
    }
}
