using System.Text.RegularExpressions;

namespace DataQuality.Core.Snapshots;

/// <summary>Replaces a volatile value (run id, timestamp, absolute path) in snapshot text with a stable placeholder.</summary>
public abstract record Scrubber(string Name)
{
    public abstract string Scrub(string text);

    /// <summary>Every match of <paramref name="pattern"/> becomes <paramref name="replacement"/> (regex substitutions like <c>$1</c> allowed).</summary>
    public static Scrubber Regex(string name, string pattern, string replacement) => new RegexScrubber(name, new Regex(pattern, RegexOptions.CultureInvariant), replacement);

    /// <summary>Every occurrence of <paramref name="value"/> (ordinal, also with '\' as '/') becomes <paramref name="replacement"/>.</summary>
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
            text = text.Replace(Value, Replacement, StringComparison.Ordinal);
            var slashed = Value.Replace('\\', '/');
            return slashed == Value ? text : text.Replace(slashed, Replacement, StringComparison.Ordinal);
        }
    }
}
