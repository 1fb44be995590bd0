using System.Security.Cryptography;
using System.Text;

namespace DataQuality.Fuzz.Tests.TestSupport;

/// <summary>
/// A fresh temp folder per case: dq runs with it as working directory, and only its <c>out/</c> folder
/// may change. <see cref="Fingerprint"/> records every entry by path, size and SHA-256 so a run that
/// creates, changes or deletes anything else is caught.
/// </summary>
public sealed class FuzzWorkspace : IDisposable
{
    public const string OutFolder = "out";

    public FuzzWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "dq-fuzz", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, OutFolder));
    }

    public string Root { get; }

    public string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    public string Write(string relative, string text) => Write(relative, new UTF8Encoding(false).GetBytes(text));

    public string Write(string relative, byte[] bytes)
    {
        var path = Combine(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string Copy(string source, string relative)
    {
        var path = Combine(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(source, path);
        return path;
    }

    /// <summary>
    /// Every entry outside <c>out/</c>: files by size and SHA-256, directories and symlinks by kind (links are
    /// not followed). A zero-length entry is not opened: a FIFO or device reports length 0, and opening a FIFO blocks.
    /// </summary>
    public SortedDictionary<string, string> Fingerprint()
    {
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        Walk(new DirectoryInfo(Root), entries);
        return entries;
    }

    private void Walk(DirectoryInfo directory, SortedDictionary<string, string> entries)
    {
        foreach (var entry in directory.EnumerateFileSystemInfos())
        {
            var relative = Path.GetRelativePath(Root, entry.FullName);
            if (relative == OutFolder || relative.StartsWith(OutFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                continue;
            if (entry.LinkTarget is { } target)
                entries[relative] = "link -> " + target;
            else if (entry is DirectoryInfo sub)
            {
                entries[relative] = "dir";
                Walk(sub, entries);
            }
            else if (entry is FileInfo file)
                entries[relative] = file.Length == 0 ? "empty or special" : $"{file.Length} bytes, sha256 {Hash(file)}";
        }
    }

    private static string Hash(FileInfo file)
    {
        using var stream = file.OpenRead();
        return Convert.ToHexString(SHA256.HashData(stream));
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
