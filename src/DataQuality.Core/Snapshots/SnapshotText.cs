namespace DataQuality.Core.Snapshots;

/// <summary>Snapshot files are UTF-8 without BOM, LF line endings, exactly one trailing newline.</summary>
public static class SnapshotText
{
    public static string Normalize(string text)
    {
        var lf = text.Replace("\r\n", "\n").Replace('\r', '\n');
        if (lf.Length > 0 && lf[0] == '\uFEFF') lf = lf[1..];
        return lf.TrimEnd('\n') + "\n";
    }

    public static readonly System.Text.UTF8Encoding Encoding = new(encoderShouldEmitUTF8Identifier: false);
}
