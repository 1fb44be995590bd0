namespace DataQuality.Core.Files;

/// <summary>Stable diagnostic codes for local files dq reads and writes (DQ2006–DQ2010); listed in docs/security.md.</summary>
public static class FileErrorCodes
{
    /// <summary>An input is a FIFO, a device or a socket: only regular files are read.</summary>
    public const string NotRegularFile = "DQ2006";
    /// <summary>A symbolic link loops (to itself or to a directory above it) or points nowhere.</summary>
    public const string SymlinkLoop = "DQ2007";
    /// <summary>An output path is one of the command's inputs (symbolic and hard links followed).</summary>
    public const string OutputIsInput = "DQ2008";
    /// <summary>An output path cannot be written: a directory, a read-only file, a parent that is a file.</summary>
    public const string OutputNotWritable = "DQ2009";
    /// <summary>A file or folder cannot be listed or inspected (permission denied).</summary>
    public const string Unreadable = "DQ2010";
}
