using System.Text.RegularExpressions;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Files;

namespace DataQuality.Core.Snapshots;

/// <summary>
/// Snapshot files on disk under a repository root: accepting received files, finding received
/// files left behind, and verified files that no test uses any more. bin/, obj/ and hidden
/// directories are not searched.
/// </summary>
public static class SnapshotStore
{
    /// <summary>Every <c>*.received.*</c> file under <paramref name="root"/>, sorted.</summary>
    public static IReadOnlyList<string> FindReceived(string root) => Find(root, SnapshotFile.ReceivedMarker);

    public static IReadOnlyList<string> FindVerified(string root) => Find(root, SnapshotFile.VerifiedMarker);

    /// <summary>
    /// Moves received files over their verified counterparts. A path may be a received file, its
    /// verified file, or a directory (every received file below it). Returns the verified paths written.
    /// </summary>
    public static IReadOnlyList<string> Accept(IEnumerable<string> paths)
    {
        var accepted = new List<string>();
        foreach (var path in paths)
        {
            IEnumerable<string> received;
            if (Directory.Exists(path)) received = FindReceived(path);
            else
            {
                var file = SnapshotFile.FromPath(path)
                    ?? throw new InputException("DQ6101", $"'{path}' is not a snapshot file (expected a name like Class.Method.received.md).", new SourceLocation(path));
                if (!File.Exists(file.ReceivedPath))
                    throw new InputException("DQ6102", $"No received file to accept: '{file.ReceivedPath}' does not exist.", new SourceLocation(file.ReceivedPath));
                received = [file.ReceivedPath];
            }
            foreach (var r in received)
            {
                var file = SnapshotFile.FromPath(r)!;
                File.Move(file.ReceivedPath, file.VerifiedPath, overwrite: true);
                accepted.Add(file.VerifiedPath);
            }
        }
        return accepted;
    }

    /// <summary>
    /// Verified files whose test no longer exists: no C# file in the same directory declares a
    /// type named like the file's class with a member named like its method. A source scan, not
    /// a test run, so it also works before anything is built.
    /// </summary>
    public static IReadOnlyList<string> FindUnused(string root)
    {
        var unused = new List<string>();
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var verified in FindVerified(root))
        {
            var file = SnapshotFile.FromPath(verified)!;
            if (file.TestName is not { } test) { unused.Add(verified); continue; }
            if (!sources.TryGetValue(file.Directory, out var code))
                sources[file.Directory] = code = string.Join("\n", Directory.EnumerateFiles(file.Directory, "*.cs").Order(StringComparer.Ordinal).Select(File.ReadAllText));
            var declaresClass = Regex.IsMatch(code, $@"\b(class|record|struct)\s+{Regex.Escape(test.Class)}\b");
            var declaresMethod = file.MethodCandidates.Any(m => Regex.IsMatch(code, $@"\b{Regex.Escape(m)}\s*\("));
            if (!declaresClass || !declaresMethod) unused.Add(verified);
        }
        return unused;
    }

    /// <summary>DQ6100 unless <paramref name="root"/> is a directory.</summary>
    public static void RequireRoot(string root)
    {
        if (!Directory.Exists(root))
            throw new InputException("DQ6100", $"Snapshot root '{root}' is not a directory.", new SourceLocation(root));
    }

    private static IReadOnlyList<string> Find(string root, string marker)
    {
        RequireRoot(root);
        return LocalFileTree.List(root,
            include: f => Path.GetFileName(f).Contains(marker, StringComparison.Ordinal) && SnapshotFile.FromPath(f) is not null,
            descend: d => Path.GetFileName(d) is not ("bin" or "obj" or "node_modules") && !Path.GetFileName(d).StartsWith('.'));
    }
}
