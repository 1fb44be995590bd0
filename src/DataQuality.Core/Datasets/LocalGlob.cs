using System.Text;
using System.Text.RegularExpressions;
using DataQuality.Core.Files;

namespace DataQuality.Core.Datasets;

/// <summary>
/// Local glob expansion with <c>*</c> (within a path segment), <c>**</c> (any depth), <c>?</c>
/// and <c>[abc]</c>. Used instead of DuckDB's glob so a pattern that matches nothing is our
/// typed error naming the pattern, not an engine message.
/// </summary>
public static class LocalGlob
{
    public static IEnumerable<string> Expand(string pattern)
    {
        var normalized = pattern.Replace('\\', '/');
        var firstWildcard = normalized.IndexOfAny(['*', '?', '[']);
        var root = firstWildcard < 0 ? normalized : normalized[..(normalized.LastIndexOf('/', firstWildcard) + 1)];
        if (root.Length == 0) root = "./";
        if (!Directory.Exists(root)) return [];
        var regex = ToRegex(Path.GetFullPath(root).Replace('\\', '/').TrimEnd('/') + "/" + normalized[root.Length..]);
        return LocalFileTree.List(root, f => regex.IsMatch(f.Replace('\\', '/')));
    }

    public static Regex ToRegex(string glob)
    {
        var sb = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            switch (c)
            {
                case '*' when i + 1 < glob.Length && glob[i + 1] == '*':
                    // "**/" matches zero or more directories; a trailing "**" matches the rest.
                    if (i + 2 < glob.Length && glob[i + 2] == '/') { sb.Append("(?:.*/)?"); i += 2; }
                    else { sb.Append(".*"); i++; }
                    break;
                case '*': sb.Append("[^/]*"); break;
                case '?': sb.Append("[^/]"); break;
                case '[':
                    var close = glob.IndexOf(']', i + 1);
                    if (close < 0) { sb.Append("\\["); break; }
                    sb.Append('[').Append(glob[(i + 1)..close].Replace("\\", "\\\\")).Append(']');
                    i = close;
                    break;
                default: sb.Append(Regex.Escape(c.ToString())); break;
            }
        }
        return new Regex(sb.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
