namespace DataQuality.Core.Sql;

/// <summary>
/// Structural checks for SQL a suite or contract supplies and dq splices into its own statements.
/// A predicate (row_condition) is wrapped as <c>(condition)</c>, a query (unexpected_rows_query, a
/// contract SQL rule) as <c>(query) AS alias</c>; both must stay inside those parentheses: one
/// statement, no <c>;</c> outside strings, every bracket closed in order and none closed that the
/// fragment did not open. Comments are dropped from the returned SQL. What DuckDB then parses or
/// binds is its business; these checks only keep the fragment where dq put it.
/// </summary>
public static class UserSql
{
    private static readonly string[] QueryStarts = ["SELECT", "WITH", "FROM", "VALUES", "("];

    /// <summary>A boolean expression: the SQL to splice (comments removed), or why it is rejected.</summary>
    public static (string? Sql, string? Error) Predicate(string text)
    {
        var scan = SqlLexer.Read(text);
        if (scan.Error is not null) return (null, scan.Error);
        if (scan.Code.Trim().Length == 0) return (null, "it is empty");
        if (scan.Code.Contains(';')) return (null, "it holds a ';' outside a string; a condition is one expression");
        if (Brackets(scan.Code) is { } bracketError) return (null, bracketError);
        return (scan.WithoutComments.Trim(), null);
    }

    /// <summary>One read-only query: the SQL to splice (comments and trailing semicolons removed), or why it is rejected.</summary>
    public static (string? Sql, string? Error) Query(string text)
    {
        var scan = SqlLexer.Read(text);
        if (scan.Error is not null) return (null, scan.Error);
        var code = scan.Code.TrimEnd();
        var sql = scan.WithoutComments.TrimEnd();
        // Trailing terminators are harmless; Code and WithoutComments end alike once comments are trimmed.
        while (code.EndsWith(';')) code = code[..^1].TrimEnd();
        while (sql.EndsWith(';')) sql = sql[..^1].TrimEnd();
        code = code.Trim();
        if (code.Length == 0) return (null, "it is empty");
        if (code.Contains(';')) return (null, "it holds more than one statement; write a single SELECT");
        if (!QueryStarts.Any(s => code.StartsWith(s, StringComparison.OrdinalIgnoreCase) && (s == "(" || code.Length == s.Length || !char.IsLetterOrDigit(code[s.Length]))))
            return (null, $"it must be a single read-only query starting with SELECT or WITH, not '{code.Split((char[])[' ', '\n', '\t', '\r', '('], 2)[0]}'");
        if (Brackets(code) is { } bracketError) return (null, bracketError);
        return (sql.Trim(), null);
    }

    /// <summary>Null when (), [] and {} are balanced and properly nested in <paramref name="code"/>.</summary>
    private static string? Brackets(string code)
    {
        var open = new Stack<(char Close, int At)>();
        for (var i = 0; i < code.Length; i++)
        {
            switch (code[i])
            {
                case '(': open.Push((')', i)); break;
                case '[': open.Push((']', i)); break;
                case '{': open.Push(('}', i)); break;
                case ')' or ']' or '}':
                    if (open.Count == 0)
                        return $"it closes a '{code[i]}' it did not open (character {i + 1}); it must be one expression that stays inside its own parentheses";
                    if (open.Pop().Close != code[i])
                        return $"its brackets do not match ('{code[i]}' at character {i + 1})";
                    break;
            }
        }
        return open.Count == 0 ? null : $"it leaves a bracket open (character {open.Peek().At + 1})";
    }
}
