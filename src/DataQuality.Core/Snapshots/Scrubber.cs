using System.Text;
using System.Text.RegularExpressions;

namespace DataQuality.Core.Snapshots;

/// <summary>Replaces a volatile value (run id, timestamp, absolute path) in snapshot text with a stable placeholder.</summary>
public abstract record Scrubber(string Name)
{
    public abstract string Scrub(string text);

    /// <summary>Every match of <paramref name="pattern"/> becomes <paramref name="replacement"/> (regex substitutions like <c>$1</c> allowed).</summary>
    public static Scrubber Regex(string name, string pattern, string replacement) => new RegexScrubber(name, new Regex(pattern, RegexOptions.CultureInvariant), replacement);

    /// <summary>
    /// Every occurrence of the path <paramref name="value"/> (ordinal, also with '\' as '/') that is a
    /// whole path token becomes <paramref name="replacement"/>: it starts the text or follows a
    /// character that cannot be part of a path name (space, quote, backtick, '=', ':', ...), and it
    /// ends the text or is followed by a separator or such a character. So a root <c>main</c>
    /// scrubs <c>main/orders</c> but not <c>domain</c>, <c>mainline</c> or <c>x/main</c>.
    /// </summary>
    public static Scrubber Literal(string name, string value, string replacement) => new LiteralScrubber(name, value, replacement);

    private sealed record RegexScrubber(string Name, Regex Pattern, string Replacement) : Scrubber(Name)
    {
        public override string Scrub(string text) => Pattern.Replace(text, Replacement);
    }

    private sealed record LiteralScrubber(string Name, string Value, string Replacement) : Scrubber(Name)
    {
        public override string Scrub(string text)
        {
            if (Value.Length == 0) return text;
            text = ReplaceTokens(text, Value);
            var slashed = Value.Replace('\\', '/');
            return slashed == Value ? text : ReplaceTokens(text, slashed);
        }

        private string ReplaceTokens(string text, string value)
        {
            var sb = new StringBuilder();
            var from = 0;
            for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
            {
                if (at < from) continue;
                var end = at + value.Length;
                var starts = at == 0 || !InPath(text[at - 1]) && !IsSeparator(text[at - 1]);
                var ends = end == text.Length || IsSeparator(text[end]) || !InPath(text[end]) || IsSeparator(value[^1]);
                if (!starts || !ends) continue;
                sb.Append(text, from, at - from).Append(Replacement);
                from = end;
            }
            return from == 0 ? text : sb.Append(text, from, text.Length - from).ToString();
        }

        private static bool IsSeparator(char c) => c is '/' or '\\';

        /// <summary>Characters a path name is made of; anything else delimits a path token.</summary>
        private static bool InPath(char c) => char.IsLetterOrDigit(c) || c is '_' or '-' or '.' or '~' or '+' or '@' or '%' or '$' || IsSeparator(c);
    }
}
