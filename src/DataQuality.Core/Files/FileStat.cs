using System.Runtime.InteropServices;

namespace DataQuality.Core.Files;

/// <summary>
/// <c>stat(2)</c> for a path, symbolic links followed. .NET has no managed way to tell a FIFO or a
/// device from a regular file, nor to get an inode, so this asks the C library directly: <c>statx</c>
/// on Linux (one struct layout on every architecture), <c>stat</c> on macOS. Elsewhere, or when the
/// call is unavailable (old musl, seccomp), it falls back to what .NET knows: file or directory, and
/// the resolved path as identity.
/// </summary>
public static partial class FileStat
{
    private const int S_IFMT = 0xF000, S_IFIFO = 0x1000, S_IFCHR = 0x2000, S_IFDIR = 0x4000, S_IFBLK = 0x6000, S_IFREG = 0x8000, S_IFSOCK = 0xC000;
    private static volatile bool s_nativeUnavailable = !(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS());

    /// <summary>The status of <paramref name="path"/> as .NET opens it: "missing/../f" is "f", as for a FileStream.</summary>
    public static FileStatus Of(string path) => OfExact(Path.GetFullPath(path));

    /// <summary>
    /// The status of <paramref name="path"/> exactly as the kernel resolves the text: "link/.." is the
    /// real parent of the link's target, which is how overlap checks climb real folders.
    /// </summary>
    public static FileStatus OfExact(string path)
    {
        if (!s_nativeUnavailable)
        {
            try
            {
                if (NativeStat(path) is { } status) return status;
            }
            catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
            {
                s_nativeUnavailable = true;
            }
        }
        return Managed(path);
    }

    private static FileStatus? NativeStat(string path)
    {
        Span<byte> buffer = stackalloc byte[256];
        buffer.Clear();
        int result, errno;
        if (OperatingSystem.IsLinux())
        {
            // statx(AT_FDCWD, path, follow links, STATX_TYPE | STATX_MODE | STATX_INO)
            result = Statx(-100, path, 0, 0x103, ref MemoryMarshal.GetReference(buffer));
            errno = result == 0 ? 0 : Marshal.GetLastPInvokeError();
            if (result != 0 && errno == 38) { s_nativeUnavailable = true; return null; } // ENOSYS: kernel before 4.11
        }
        else
        {
            result = RuntimeInformation.ProcessArchitecture == Architecture.X64
                ? StatMacX64(path, ref MemoryMarshal.GetReference(buffer))
                : StatMac(path, ref MemoryMarshal.GetReference(buffer));
            errno = result == 0 ? 0 : Marshal.GetLastPInvokeError();
        }
        if (result != 0) return new FileStatus(KindOfErrno(errno), default);

        int mode;
        ulong device, inode;
        if (OperatingSystem.IsLinux())
        {
            // struct statx: stx_mode u16 @28, stx_ino u64 @32, stx_dev_major u32 @136, stx_dev_minor u32 @140.
            mode = BitConverter.ToUInt16(buffer[28..]);
            inode = BitConverter.ToUInt64(buffer[32..]);
            device = ((ulong)BitConverter.ToUInt32(buffer[136..]) << 32) | BitConverter.ToUInt32(buffer[140..]);
        }
        else
        {
            // struct stat (64-bit inodes): st_dev i32 @0, st_mode u16 @4, st_ino u64 @8.
            device = BitConverter.ToUInt32(buffer);
            mode = BitConverter.ToUInt16(buffer[4..]);
            inode = BitConverter.ToUInt64(buffer[8..]);
        }
        var kind = (mode & S_IFMT) switch
        {
            S_IFREG => FileKind.Regular,
            S_IFDIR => FileKind.Directory,
            S_IFIFO => FileKind.Fifo,
            S_IFCHR or S_IFBLK => FileKind.Device,
            S_IFSOCK => FileKind.Socket,
            _ => FileKind.Device,
        };
        return new FileStatus(kind, new FileId(device, inode, null));
    }

    private static FileKind KindOfErrno(int errno) => errno switch
    {
        40 when OperatingSystem.IsLinux() => FileKind.SymlinkLoop, // ELOOP
        62 when OperatingSystem.IsMacOS() => FileKind.SymlinkLoop,
        13 or 1 => FileKind.Inaccessible, // EACCES, EPERM
        _ => FileKind.Missing, // ENOENT, ENOTDIR, ENAMETOOLONG
    };

    private static FileStatus Managed(string path)
    {
        try
        {
            FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
            if (!info.Exists)
                return new FileStatus(info.LinkTarget is null ? FileKind.Missing : LinkKind(info), default);
            var target = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true) ?? info;
            var full = Path.GetFullPath(target.FullName).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            var id = new FileId(0, 0, OperatingSystem.IsWindows() ? full.ToUpperInvariant() : full);
            return new FileStatus(info is DirectoryInfo ? FileKind.Directory : FileKind.Regular, id);
        }
        catch (IOException)
        {
            return new FileStatus(FileKind.SymlinkLoop, default);
        }
        catch (UnauthorizedAccessException)
        {
            return new FileStatus(FileKind.Inaccessible, default);
        }
    }

    private static FileKind LinkKind(FileSystemInfo link)
    {
        try
        {
            link.ResolveLinkTarget(returnFinalTarget: true);
            return FileKind.Missing;
        }
        catch (IOException)
        {
            return FileKind.SymlinkLoop;
        }
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directoryFd, string path, int flags, uint mask, ref byte buffer);

    [LibraryImport("libc", EntryPoint = "stat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int StatMac(string path, ref byte buffer);

    [LibraryImport("libc", EntryPoint = "stat$INODE64", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int StatMacX64(string path, ref byte buffer);
}
