using System.Text;

namespace DataQuality.Core.Expectations.Catalog.Table;

/// <summary>
/// Lexical guard for user-written SQL: exactly one statement, and it must be a query (SELECT, WITH,
/// DuckDB's FROM-first form, VALUES, or a parenthesised query). String literals, quoted identifiers and
/// comments are skipped, so a ';' or a keyword inside them does not count. DuckDB then parses the
/// query as a subquery (<c>SELECT count(*) FROM (query)</c>), which rejects anything that is not a
/// query (DML and DDL cannot appear there), so the lexical check is there to give a clear error first.
/// </summary>
internal static class ReadOnlyQuery
{
    private static readonly string[] Starts = ["SELECT", "WITH", "FROM", "VALUES", "("];

    /// <summary>The query without comments and trailing semicolons, or an error message.</summary>
    public static (string? Sql, string? Error) Check(string query)
    {
        var sb = new StringBuilder(query.Length);
        var i = 0;
        while (i < query.Length)
        {
            var c = query[i];
            if (c is '\'' or '"')
            {
                var end = i + 1;
                while (end < query.Length && !(query[end] == c && (end + 1 >= query.Length || query[end + 1] != c))) end += query[end] == c ? 2 : 1;
                if (end >= query.Length) return (null, "it has an unterminated quoted string or identifier");
                sb.Append(query, i, end - i + 1);
                i = end + 1;
            }
            else if (c == '-' && i + 1 < query.Length && query[i + 1] == '-')
            {
                while (i < query.Length && query[i] != '\n') i++;
                sb.Append(' ');
            }
            else if (c == '/' && i + 1 < query.Length && query[i + 1] == '*')
            {
                var end = query.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (end < 0) return (null, "it has an unterminated /* comment");
                i = end + 2;
                sb.Append(' ');
            }
            else if (c == ';')
            {
                if (query[(i + 1)..].Trim().Length > 0 && !OnlyCommentsAndSemicolons(query[(i + 1)..]))
                    return (null, "it holds more than one statement; write a single SELECT");
                i = query.Length;
            }
            else
            {
                sb.Append(c);
                i++;
            }
        }
        var sql = sb.ToString().Trim();
        if (sql.Length == 0) return (null, "it is empty");
        if (!Starts.Any(s => sql.StartsWith(s, StringComparison.OrdinalIgnoreCase) && (s == "(" || sql.Length == s.Length || !char.IsLetterOrDigit(sql[s.Length]))))
            return (null, $"it must be a single read-only query starting with SELECT or WITH, not '{sql.Split((char[])[' ', '\n', '\t', '\r'], 2)[0]}'");
        return (sql, null);
    }

    private static bool OnlyCommentsAndSemicolons(string rest)
    {
        var (sql, _) = Check("SELECT 1 " + rest);
        return sql is "SELECT 1";
    }
}
