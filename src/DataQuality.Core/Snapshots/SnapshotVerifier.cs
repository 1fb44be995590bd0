namespace DataQuality.Core.Snapshots;

public enum SnapshotOutcome
{
    /// <summary>Received text equals the verified file; any stale received file was deleted.</summary>
    Matched,
    /// <summary>The verified file differs; the received file was written.</summary>
    Mismatched,
    /// <summary>No verified file yet; the received file was written.</summary>
    MissingVerified,
    /// <summary>Auto-accept was on: the text was written to the verified file.</summary>
    Accepted,
}

public sealed record SnapshotResult(SnapshotOutcome Outcome, SnapshotFile File, string Diff)
{
    public bool Passed => Outcome is SnapshotOutcome.Matched or SnapshotOutcome.Accepted;

    /// <summary>A failure message with the unified diff and the command that accepts it.</summary>
    public string Message => Outcome switch
    {
        SnapshotOutcome.Matched => $"Snapshot matches {File.VerifiedPath}.",
        SnapshotOutcome.Accepted => $"Snapshot accepted into {File.VerifiedPath}.",
        SnapshotOutcome.MissingVerified =>
            $"No verified snapshot {File.VerifiedPath} yet. Received text was written to {File.ReceivedPath}.\n" +
            $"Review it, then accept with: dq accept \"{File.ReceivedPath}\" (or set DQ_AUTO_ACCEPT=1).\n{Diff}",
        _ =>
            $"Snapshot differs from {File.VerifiedPath}. Received text was written to {File.ReceivedPath}.\n" +
            $"Accept with: dq accept \"{File.ReceivedPath}\" (or set DQ_AUTO_ACCEPT=1).\n{Diff}",
    };
}

/// <summary>
/// Compares snapshot text with the verified file and writes or removes the received file.
/// Framework-free: the xunit glue turns a failed <see cref="SnapshotResult"/> into a test failure.
/// </summary>
public static class SnapshotVerifier
{
    public static async Task<SnapshotResult> VerifyAsync(string text, SnapshotFile file, bool autoAccept, CancellationToken cancellationToken = default)
    {
        var received = SnapshotText.Normalize(text);
        Directory.CreateDirectory(file.Directory);
        string? verified = File.Exists(file.VerifiedPath)
            ? SnapshotText.Normalize(await File.ReadAllTextAsync(file.VerifiedPath, cancellationToken).ConfigureAwait(false))
            : null;

        if (verified == received)
        {
            DeleteReceived(file);
            return new SnapshotResult(SnapshotOutcome.Matched, file, "");
        }
        if (autoAccept)
        {
            await File.WriteAllTextAsync(file.VerifiedPath, received, SnapshotText.Encoding, cancellationToken).ConfigureAwait(false);
            DeleteReceived(file);
            return new SnapshotResult(SnapshotOutcome.Accepted, file, UnifiedDiff.Create(verified ?? "", received, Name(file.VerifiedPath), Name(file.ReceivedPath)));
        }
        await File.WriteAllTextAsync(file.ReceivedPath, received, SnapshotText.Encoding, cancellationToken).ConfigureAwait(false);
        var diff = UnifiedDiff.Create(verified ?? "", received, verified is null ? "/dev/null" : Name(file.VerifiedPath), Name(file.ReceivedPath));
        return new SnapshotResult(verified is null ? SnapshotOutcome.MissingVerified : SnapshotOutcome.Mismatched, file, diff);
    }

    private static string Name(string path) => Path.GetFileName(path);

    private static void DeleteReceived(SnapshotFile file)
    {
        if (File.Exists(file.ReceivedPath)) File.Delete(file.ReceivedPath);
    }
}
