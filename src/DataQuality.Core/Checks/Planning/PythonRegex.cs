using System.Text;
using System.Text.RegularExpressions;
using DataQuality.Core.Expectations;

namespace DataQuality.Core.Checks.Planning;

/// <summary>
/// GX regexes are Python <c>re</c> patterns; DuckDB evaluates RE2. This translates what has an exact
/// RE2 equivalent (<c>\Z</c>, <c>{,n}</c>, <c>\uXXXX</c>, <c>(?#...)</c>, Python's end-of-string
/// <c>$</c>) and rejects, with a clear error, what RE2 cannot evaluate (lookaround, backreferences,
/// atomic groups, possessive quantifiers, conditionals, verbose and locale flags) and what does not
/// compile at all. It never silently changes what a pattern means.
/// </summary>
public static class PythonRegex
{
    /// <summary>The RE2 form of <paramref name="pattern"/>; throws DQ4401 (does not compile) or DQ4402 (needs a feature RE2 lacks).</summary>
    public static string ToRe2(string pattern, string kwarg, ExpectationConfig config)
    {
        var multiline = Regex.IsMatch(pattern, @"\(\?[aiLmsux]*m[aiLmsux]*[:)]");
        var sb = new StringBuilder(pattern.Length + 8);
        var inClass = false;
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                if (i + 1 >= pattern.Length) throw NotCompiling(pattern, kwarg, config, "it ends with a lone backslash");
                var n = pattern[i + 1];
                if (!inClass && n is >= '1' and <= '9') throw Unsupported(pattern, kwarg, config, "backreferences (\\1)");
                switch (n)
                {
                    case 'Z': sb.Append(@"\z"); i += 2; continue;
                    case 'u' when i + 6 <= pattern.Length:
                        sb.Append(@"\x{").Append(pattern, i + 2, 4).Append('}'); i += 6; continue;
                    case 'U' when i + 10 <= pattern.Length:
                        sb.Append(@"\x{").Append(pattern, i + 2, 8).Append('}'); i += 10; continue;
                    case 'N': throw Unsupported(pattern, kwarg, config, "named Unicode escapes (\\N{...})");
                    default: sb.Append(c).Append(n); i += 2; continue;
                }
            }
            if (inClass)
            {
                if (c == ']') inClass = false;
                sb.Append(c);
                i++;
                continue;
            }
            switch (c)
            {
                case '[':
                    inClass = true;
                    sb.Append(c);
                    i++;
                    // A ']' right after '[' or '[^' is a literal in both dialects.
                    if (i < pattern.Length && pattern[i] == '^') { sb.Append('^'); i++; }
                    if (i < pattern.Length && pattern[i] == ']') { sb.Append(']'); i++; }
                    continue;
                case '(' when i + 1 < pattern.Length && pattern[i + 1] == '?':
                    i = Group(pattern, i, sb, kwarg, config);
                    continue;
                case '*' or '+' or '?' or '}' when i + 1 < pattern.Length && pattern[i + 1] == '+' && !IsLiteralBrace(pattern, i):
                    throw Unsupported(pattern, kwarg, config, "possessive quantifiers (*+, ++, ?+)");
                case '{' when i + 1 < pattern.Length && pattern[i + 1] == ',' && Regex.IsMatch(pattern.AsSpan(i), @"^\{,\d+\}"):
                    sb.Append("{0");
                    i++;
                    continue;
                case '$' when !multiline:
                    // Python's $ also matches before a final newline; as a match/no-match test this is the same.
                    sb.Append(@"(?:\n?\z)");
                    i++;
                    continue;
                default:
                    sb.Append(c);
                    i++;
                    continue;
            }
        }
        // Unsupported features are reported above by name; what is left must at least parse.
        CheckCompiles(pattern, kwarg, config);
        return sb.ToString();
    }

    private static int Group(string pattern, int i, StringBuilder sb, string kwarg, ExpectationConfig config)
    {
        var rest = pattern.AsSpan(i + 2);
        if (rest.StartsWith("=") || rest.StartsWith("!") || rest.StartsWith("<=") || rest.StartsWith("<!"))
            throw Unsupported(pattern, kwarg, config, "lookahead/lookbehind assertions");
        if (rest.StartsWith("P=")) throw Unsupported(pattern, kwarg, config, "named backreferences (?P=name)");
        if (rest.StartsWith(">")) throw Unsupported(pattern, kwarg, config, "atomic groups (?>...)");
        if (rest.StartsWith("(")) throw Unsupported(pattern, kwarg, config, "conditional groups (?(...)...)");
        if (rest.StartsWith("#"))
        {
            var close = pattern.IndexOf(')', i);
            return close < 0 ? throw NotCompiling(pattern, kwarg, config, "a comment group is not closed") : close + 1;
        }
        var flags = Regex.Match(pattern[(i + 2)..], @"^([aiLmsux]*)(?:-([imsx]+))?([:)])");
        if (flags.Success)
        {
            var on = flags.Groups[1].Value;
            var off = flags.Groups[2].Value;
            if (on.Contains('x') || off.Contains('x')) throw Unsupported(pattern, kwarg, config, "the verbose flag (?x)");
            if (on.Contains('L')) throw Unsupported(pattern, kwarg, config, "the locale flag (?L)");
            // a (ASCII classes) is RE2's default; u (Unicode) is Python 3's default and RE2 has no switch for it.
            on = on.Replace("a", "").Replace("u", "");
            var terminator = flags.Groups[3].Value;
            if (on.Length == 0 && off.Length == 0)
                sb.Append(terminator == ":" ? "(?:" : "");
            else
                sb.Append("(?").Append(on).Append(off.Length > 0 ? "-" + off : "").Append(terminator);
            return i + 2 + flags.Length;
        }
        sb.Append("(?");
        return i + 2;
    }

    private static bool IsLiteralBrace(string pattern, int i) =>
        pattern[i] == '}' && !Regex.IsMatch(pattern[..(i + 1)], @"\{\d*,?\d*\}$");

    /// <summary>.NET's parser is strict where Python's is (unbalanced groups, nothing to repeat, bad ranges, bad escapes).</summary>
    private static void CheckCompiles(string pattern, string kwarg, ExpectationConfig config)
    {
        var dotnet = pattern.Replace("(?P<", "(?<", StringComparison.Ordinal);
        dotnet = Regex.Replace(dotnet, @"\(\?([imsx]*)[au]+([imsx]*)([:)])", "(?$1$2$3");
        dotnet = dotnet.Replace("(?)", "", StringComparison.Ordinal).Replace("(?:)", "(?:)", StringComparison.Ordinal);
        try
        {
            _ = new Regex(dotnet, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException ex)
        {
            throw NotCompiling(pattern, kwarg, config, ex.Message);
        }
    }

    private static ExpectationArgumentException NotCompiling(string pattern, string kwarg, ExpectationConfig config, string why) =>
        new("DQ4401", $"{config.Type}: {kwarg} '{pattern}' is not a valid regular expression: {why}", config.Location);

    private static ExpectationArgumentException Unsupported(string pattern, string kwarg, ExpectationConfig config, string feature) =>
        new("DQ4402", $"{config.Type}: {kwarg} '{pattern}' uses {feature}, which DuckDB's RE2 engine cannot evaluate; rewrite the pattern without it.", config.Location);
}
