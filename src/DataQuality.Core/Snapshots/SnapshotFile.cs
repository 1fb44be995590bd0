namespace DataQuality.Core.Snapshots;

/// <summary>
/// The pair of files for one snapshot, named as Verify names them:
/// <c>&lt;Class&gt;.&lt;Method&gt;.verified.&lt;ext&gt;</c> (committed) and
/// <c>&lt;Class&gt;.&lt;Method&gt;.received.&lt;ext&gt;</c> (written on a mismatch, git-ignored),
/// beside the test source file.
/// </summary>
public sealed record SnapshotFile(string Directory, string Name, string Extension)
{
    public const string VerifiedMarker = ".verified.";
    public const string ReceivedMarker = ".received.";

    public string VerifiedPath => Path.Combine(Directory, $"{Name}{VerifiedMarker}{Extension}");

    public string ReceivedPath => Path.Combine(Directory, $"{Name}{ReceivedMarker}{Extension}");

    /// <summary>The pair for a test method; <paramref name="sourceFile"/> is the test's [CallerFilePath].</summary>
    public static SnapshotFile For(string sourceFile, string className, string methodName, string extension = "md", string? suffix = null)
    {
        var directory = Path.GetDirectoryName(sourceFile) ?? ".";
        var name = $"{className}.{methodName}{(string.IsNullOrEmpty(suffix) ? "" : "_" + suffix)}";
        return new SnapshotFile(directory, name, extension.TrimStart('.'));
    }

    /// <summary>The pair a received or verified file belongs to; null for any other file name.</summary>
    public static SnapshotFile? FromPath(string path)
    {
        var file = Path.GetFileName(path);
        foreach (var marker in new[] { VerifiedMarker, ReceivedMarker })
        {
            var at = file.LastIndexOf(marker, StringComparison.Ordinal);
            if (at > 0 && at + marker.Length < file.Length)
                return new SnapshotFile(Path.GetDirectoryName(Path.GetFullPath(path))!, file[..at], file[(at + marker.Length)..]);
        }
        return null;
    }

    /// <summary><c>Class</c> and <c>Method</c> from <c>Class.Method</c>; null when the name has no dot.</summary>
    public (string Class, string Method)? TestName
    {
        get
        {
            var dot = Name.IndexOf('.');
            return dot <= 0 || dot == Name.Length - 1 ? null : (Name[..dot], Name[(dot + 1)..]);
        }
    }

    /// <summary>
    /// Method names the file may belong to: the whole name, then each prefix before an
    /// underscore, since a <c>_suffix</c> (parameters) and underscores in method names look alike.
    /// </summary>
    public IReadOnlyList<string> MethodCandidates
    {
        get
        {
            if (TestName is not { } t) return [];
            var candidates = new List<string> { t.Method };
            for (var i = t.Method.LastIndexOf('_'); i > 0; i = t.Method.LastIndexOf('_', i - 1))
                candidates.Add(t.Method[..i]);
            return candidates;
        }
    }
}
