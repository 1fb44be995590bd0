using System.Text;

namespace DataQuality.Reports.Model;

/// <summary>
/// Stable element ids for deep links from pull-request comments: a readable ASCII slug of the
/// names plus a short hash of the exact names, so the same dataset/check/column gets the same id
/// in every run and hostile or non-ASCII names still give a safe, unique id.
/// </summary>
public sealed class Anchors
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public string For(string prefix, params string[] names)
    {
        var full = string.Join("\u001f", names);
        var slug = Slug(string.Join("-", names));
        var id = $"{prefix}-{(slug.Length == 0 ? "" : slug + "-")}{Hash(full):x8}";
        // The same names twice (a check declared twice) get -2, -3 in declaration order, still stable.
        var candidate = id;
        for (var n = 2; !_used.Add(candidate); n++) candidate = $"{id}-{n}";
        return candidate;
    }

    public static string Slug(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text)
        {
            if (sb.Length >= 48) break;
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(c);
            else if (c is >= 'A' and <= 'Z') sb.Append(char.ToLowerInvariant(c));
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        return sb.ToString().Trim('-');
    }

    // FNV-1a over UTF-16 code units: deterministic across processes (string.GetHashCode is not).
    private static uint Hash(string text)
    {
        var h = 2166136261u;
        foreach (var c in text) { h ^= c; h *= 16777619u; }
        return h;
    }
}
