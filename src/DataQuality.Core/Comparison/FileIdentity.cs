namespace DataQuality.Core.Comparison;

/// <summary>
/// The fast path's test for "this file did not change": equal size, then equal checksums when
/// the lister knows them (S3 ETags), otherwise equal bytes. Comparing bytes reads each file
/// once and stops at the first difference, which is cheaper than hashing both sides.
/// </summary>
public static class FileIdentity
{
    private const int BufferSize = 1 << 20;

    public static async Task<bool> SameContentAsync(TreeFile a, TreeFile b, CancellationToken cancellationToken)
    {
        if (a.Size != b.Size) return false;
        if (a.Checksum is not null && b.Checksum is not null) return string.Equals(a.Checksum, b.Checksum, StringComparison.Ordinal);
        if (string.Equals(Path.GetFullPath(a.Location), Path.GetFullPath(b.Location), StringComparison.Ordinal)) return true;

        await using var sa = new FileStream(a.Location, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan | FileOptions.Asynchronous);
        await using var sb = new FileStream(b.Location, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan | FileOptions.Asynchronous);
        var ba = new byte[BufferSize];
        var bb = new byte[BufferSize];
        while (true)
        {
            var na = await sa.ReadAtLeastAsync(ba, BufferSize, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            var nb = await sb.ReadAtLeastAsync(bb, BufferSize, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (na != nb || !ba.AsSpan(0, na).SequenceEqual(bb.AsSpan(0, nb))) return false;
            if (na < BufferSize) return true;
        }
    }
}
