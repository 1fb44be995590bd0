namespace DataQuality.Core.Files;

/// <summary>What a path is once symbolic links are followed: only <see cref="Regular"/> files are ever read as data.</summary>
public enum FileKind
{
    /// <summary>Nothing there (or a symbolic link whose target is missing).</summary>
    Missing,
    Regular,
    Directory,
    /// <summary>A named pipe: opening it for reading blocks until a writer appears.</summary>
    Fifo,
    /// <summary>A character or block device such as <c>/dev/zero</c>: endless or unbounded.</summary>
    Device,
    Socket,
    /// <summary>A symbolic link that leads back to itself (ELOOP).</summary>
    SymlinkLoop,
    /// <summary>The path exists but cannot be inspected (permission denied on a parent).</summary>
    Inaccessible,
}

/// <summary>
/// The identity of a file or directory: device and inode on Unix, so hard links, symbolic links and
/// <c>a/../a</c> spellings of one file compare equal; the resolved full path where the platform
/// gives no inode (Windows).
/// </summary>
public readonly record struct FileId(ulong Device, ulong Inode, string? Path);

/// <summary>A path's kind and identity (symbolic links followed).</summary>
public readonly record struct FileStatus(FileKind Kind, FileId Id)
{
    public bool Exists => Kind is not (FileKind.Missing or FileKind.SymlinkLoop or FileKind.Inaccessible);
}
