using System.Text;

namespace DataQuality.Core.Expectations.Readers;

/// <summary>
/// Python's <c>json</c> module (which Great Expectations writes suites with) emits non-finite floats as
/// the bare tokens <c>NaN</c>, <c>Infinity</c> and <c>-Infinity</c>, which are not JSON. This turns them
/// into the strings <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c> — the spelling the YAML reader
/// gives <c>.nan</c>/<c>.inf</c> and that the checks already read as numbers. Strings and comments are
/// left alone; no newline is added or removed, so line numbers stay those of the file.
/// </summary>
internal static class PythonJsonTokens
{
    public static string Quote(string text)
    {
        if (!text.Contains("NaN", StringComparison.Ordinal) && !text.Contains("Infinity", StringComparison.Ordinal)) return text;
        var sb = new StringBuilder(text.Length + 16);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"')
            {
                var end = StringEnd(text, i);
                sb.Append(text, i, end - i);
                i = end;
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] is '/' or '*')
            {
                var end = text[i + 1] == '/' ? text.IndexOf('\n', i) : text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? text.Length : text[i + 1] == '/' ? end : end + 2;
                sb.Append(text, i, end - i);
                i = end;
            }
            else if (Token(text, i) is { } token)
            {
                sb.Append('"').Append(token).Append('"');
                i += token.Length;
            }
            else
            {
                sb.Append(c);
                i++;
            }
        }
        return sb.ToString();
    }

    /// <summary>Index just past the string literal starting at <paramref name="start"/> (or the end of the text if unterminated).</summary>
    private static int StringEnd(string text, int start)
    {
        for (var i = start + 1; i < text.Length; i++)
        {
            if (text[i] == '\\') i++;
            else if (text[i] == '"') return i + 1;
        }
        return text.Length;
    }

    private static string? Token(string text, int i)
    {
        foreach (var token in (ReadOnlySpan<string>)["NaN", "Infinity", "-Infinity"])
            if (string.CompareOrdinal(text, i, token, 0, token.Length) == 0
                && (i + token.Length == text.Length || !char.IsLetterOrDigit(text[i + token.Length]))
                && (i == 0 || !char.IsLetterOrDigit(text[i - 1])))
                return token;
        return null;
    }
}
