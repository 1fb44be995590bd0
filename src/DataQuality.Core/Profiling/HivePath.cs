using System.Text;

namespace DataQuality.Core.Profiling;

/// <summary>
/// Reads hive partitions (<c>key=value</c> directory segments) out of a path the way DuckDB's
/// <c>hive_partitioning=true</c> does, so the profiler and DuckDB agree on which columns a tree has:
/// every directory segment of the whole path counts (not only those under the dataset root), '/' and
/// '\' both separate, a segment with a second '=' or a '?' is not a partition, the file name never
/// is, and a key seen twice keeps its first value. Keys are taken literally; values are URL-decoded
/// only when read as text (<see cref="Decode"/>), as DuckDB does.
/// </summary>
public static class HivePath
{
    /// <summary>DuckDB writes NULL partition values as this directory value (case-sensitive).</summary>
    public const string DefaultPartition = "__HIVE_DEFAULT_PARTITION__";

    /// <summary>The raw (still URL-encoded) partitions of <paramref name="path"/>, in path order, first occurrence of a key only.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string path)
    {
        var result = new List<KeyValuePair<string, string>>();
        var start = 0;
        var equals = -1;
        var candidate = true;
        for (var c = 0; c < path.Length; c++)
        {
            var ch = path[c];
            if (ch is '?' or '\n') candidate = false;
            if (ch is '/' or '\\')
            {
                if (candidate && equals > start)
                {
                    var key = path[start..equals];
                    if (!result.Exists(p => p.Key == key)) result.Add(new(key, path[(equals + 1)..c]));
                }
                start = c + 1;
                candidate = true;
                equals = -1;
            }
            else if (ch == '=')
            {
                // A second '=' after a non-empty key makes the segment ordinary (DuckDB's rule, including
                // its quirk that "=a=b" reads as key "=a").
                if (equals > start) candidate = false;
                equals = c;
            }
        }
        return result;
    }

    /// <summary>NULL partition values: <c>NULL</c> in any case, and <see cref="DefaultPartition"/>.</summary>
    public static bool IsNull(string raw) =>
        raw.Equals("NULL", StringComparison.OrdinalIgnoreCase) || raw == DefaultPartition;

    /// <summary>
    /// DuckDB's URL decoding of text partition values: <c>%XX</c> becomes that byte (the bytes are read
    /// as UTF-8), anything else, '+' and malformed escapes included, stays as it is.
    /// </summary>
    public static string Decode(string raw)
    {
        if (!raw.Contains('%', StringComparison.Ordinal)) return raw;
        var bytes = new List<byte>(raw.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '%' && i + 2 < raw.Length && char.IsAsciiHexDigit(raw[i + 1]) && char.IsAsciiHexDigit(raw[i + 2]))
            {
                bytes.Add(Convert.ToByte(raw.Substring(i + 1, 2), 16));
                i += 2;
                continue;
            }
            var length = char.IsSurrogatePair(raw, i) ? 2 : 1;
            var written = Encoding.UTF8.GetBytes(raw.AsSpan(i, length), utf8);
            for (var b = 0; b < written; b++) bytes.Add(utf8[b]);
            i += length - 1;
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
