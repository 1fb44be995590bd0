namespace DataQuality.Xunit;

/// <summary>Fails a test whose snapshot differs from (or lacks) its verified file; the message holds the unified diff.</summary>
public sealed class SnapshotMismatchException : Exception
{
    public SnapshotMismatchException(string message, string receivedPath, string verifiedPath) : base(message)
    {
        ReceivedPath = receivedPath;
        VerifiedPath = verifiedPath;
    }

    public string ReceivedPath { get; }

    public string VerifiedPath { get; }
}
