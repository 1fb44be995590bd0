using DataQuality.Core.Diagnostics;
using DataQuality.Core.Files;

namespace DataQuality.Core.Storage;

/// <summary>
/// Refuses a sync whose source and destination overlap: <c>sync b/sub b --delete</c> would delete its
/// own source, <c>sync b b/sub</c> copies the tree into itself, one level deeper each run. S3
/// locations overlap when they share the bucket and one prefix starts with the other; local folders
/// when one is the other or lies inside it physically (symbolic links followed, by device and inode).
/// </summary>
public static class StorageOverlap
{
    /// <summary>Throws DQ3013 when the source (whose listing root is <paramref name="sourceRoot"/>) and <paramref name="destination"/> overlap.</summary>
    public static void EnsureDisjoint(StorageUri source, string sourceRoot, StorageUri destination)
    {
        if (source.IsS3 != destination.IsS3) return;
        bool overlap;
        if (source.IsS3)
        {
            var destinationRoot = destination.DirectoryPrefix;
            overlap = string.Equals(source.Bucket, destination.Bucket, StringComparison.Ordinal)
                && (destinationRoot.StartsWith(sourceRoot, StringComparison.Ordinal) || sourceRoot.StartsWith(destinationRoot, StringComparison.Ordinal));
        }
        else
        {
            var from = LocalFolder(sourceRoot);
            var to = LocalFolder(destination.DirectoryPrefix);
            overlap = IsWithin(to, from) || IsWithin(from, to);
        }
        if (overlap)
            throw new InputException(StorageErrorCodes.Overlap,
                $"Source '{source}' and destination '{destination}' overlap (one is inside the other): syncing would copy into or delete the source. Choose a destination outside the source.",
                new SourceLocation(destination.ToString()));
    }

    private static string LocalFolder(string key) => key.TrimEnd('/') is { Length: > 0 } trimmed ? trimmed : "/";

    /// <summary>True when <paramref name="inner"/> is <paramref name="outer"/> or below it, lexically or physically.</summary>
    private static bool IsWithin(string inner, string outer)
    {
        var innerFull = Path.GetFullPath(inner).TrimEnd('/', '\\');
        var outerFull = Path.GetFullPath(outer).TrimEnd('/', '\\');
        if (innerFull == outerFull || innerFull.StartsWith(outerFull + Path.DirectorySeparatorChar, StringComparison.Ordinal) || outerFull.Length == 0)
            return true;
        var outerStatus = FileStat.Of(outerFull);
        if (outerStatus.Kind != FileKind.Directory) return false;

        // From the nearest part of inner that exists, climb the real parents ("x/.." as the kernel
        // resolves it, not as text) and look for outer among them.
        var path = innerFull;
        var status = FileStat.Of(path);
        while (!status.Exists)
        {
            path = Path.GetDirectoryName(path);
            if (string.IsNullOrEmpty(path)) return false;
            status = FileStat.Of(path);
        }
        if (status.Kind != FileKind.Directory)
        {
            if (status.Id == outerStatus.Id) return true;
            path = Path.GetDirectoryName(path);
            if (string.IsNullOrEmpty(path)) return false;
            status = FileStat.Of(path);
        }
        for (var depth = 0; depth < 4096 && status.Exists; depth++)
        {
            if (status.Id == outerStatus.Id) return true;
            path += "/..";
            var parent = FileStat.OfExact(path);
            if (parent.Id == status.Id) return false; // the root is its own parent
            status = parent;
        }
        return false;
    }
}
