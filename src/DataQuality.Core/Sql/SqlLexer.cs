using System.Text;

namespace DataQuality.Core.Sql;

/// <summary>
/// The one reading of user-written SQL that every gate shares (row_condition, unexpected_rows_query,
/// contract SQL rules): string literals, quoted identifiers and comments are told apart from code the
/// way DuckDB's parser does (<c>''</c> and <c>""</c> escapes, nested <c>/* */</c> comments), so a
/// <c>;</c>, a parenthesis or a keyword inside a string counts for nothing. Forms whose end DuckDB
/// finds differently from a plain quote (escape strings <c>E'\''</c>, dollar quoting <c>$$...$$</c>)
/// are refused rather than parsed: a guard that misreads where a string ends can be walked around.
/// </summary>
public static class SqlLexer
{
    /// <param name="Code">The text with literal contents, identifier contents and comments replaced by spaces (same offsets): what structure checks read.</param>
    /// <param name="WithoutComments">The text with each comment replaced by one space: what is spliced into dq's SQL, so a <c>--</c> cannot swallow dq's own closing parenthesis.</param>
    /// <param name="Error">Why the text cannot be read (unterminated string, identifier or comment; escape string; dollar quoting), or null.</param>
    public sealed record Scan(string Code, string WithoutComments, string? Error);

    public static Scan Read(string sql)
    {
        var code = new StringBuilder(sql.Length);
        var clean = new StringBuilder(sql.Length);
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (c is '\'' or '"')
            {
                if (c == '\'' && IsEscapeStringPrefix(sql, i))
                    return Fail(code, clean, "escape strings (E'...') are not accepted; write a quote inside a string as ''");
                var end = i + 1;
                while (true)
                {
                    end = sql.IndexOf(c, end);
                    if (end < 0) return Fail(code, clean, c == '\'' ? "it has an unterminated string literal" : "it has an unterminated quoted identifier");
                    if (end + 1 < sql.Length && sql[end + 1] == c) { end += 2; continue; }
                    break;
                }
                code.Append(c).Append(' ', end - i - 1).Append(c);
                clean.Append(sql, i, end - i + 1);
                i = end + 1;
            }
            else if (c == '-' && At(sql, i + 1, '-'))
            {
                var end = sql.IndexOf('\n', i);
                if (end < 0) end = sql.Length;
                code.Append(' ', end - i);
                clean.Append(' ');
                i = end;
            }
            else if (c == '/' && At(sql, i + 1, '*'))
            {
                // DuckDB's parser nests block comments: /* a /* b */ c */ is one comment.
                var depth = 0;
                var end = i;
                do
                {
                    if (end + 1 >= sql.Length) return Fail(code, clean, "it has an unterminated /* comment");
                    if (sql[end] == '/' && sql[end + 1] == '*') { depth++; end += 2; }
                    else if (sql[end] == '*' && sql[end + 1] == '/') { depth--; end += 2; }
                    else end++;
                }
                while (depth > 0);
                code.Append(' ', end - i);
                clean.Append(' ');
                i = end;
            }
            else if (c == '$' && IsDollarQuote(sql, i))
            {
                return Fail(code, clean, "dollar-quoted strings ($$...$$) are not accepted; use '...'");
            }
            else
            {
                code.Append(c);
                clean.Append(c);
                i++;
            }
        }
        return new Scan(code.ToString(), clean.ToString(), null);
    }

    private static Scan Fail(StringBuilder code, StringBuilder clean, string error) => new(code.ToString(), clean.ToString(), error);

    private static bool At(string s, int i, char c) => i < s.Length && s[i] == c;

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';

    /// <summary><c>E'</c> or <c>e'</c> where the E is a word of its own (not the end of an identifier such as <c>type'</c>).</summary>
    private static bool IsEscapeStringPrefix(string sql, int quote) =>
        quote >= 1 && sql[quote - 1] is 'E' or 'e' && (quote < 2 || !IsWordChar(sql[quote - 2]));

    /// <summary><c>$$</c> or <c>$tag$</c> not inside a word (<c>$1</c> parameters and <c>a$b</c> names are not quotes).</summary>
    private static bool IsDollarQuote(string sql, int i)
    {
        if (i > 0 && IsWordChar(sql[i - 1])) return false;
        var j = i + 1;
        if (j < sql.Length && (char.IsLetter(sql[j]) || sql[j] == '_'))
            while (j < sql.Length && (char.IsLetterOrDigit(sql[j]) || sql[j] == '_')) j++;
        return At(sql, j, '$');
    }
}
