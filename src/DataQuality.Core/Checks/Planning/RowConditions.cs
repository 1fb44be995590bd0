using System.Text;
using DataQuality.Core.Datasets;
using DataQuality.Core.Expectations;
using DataQuality.Core.Sql;

namespace DataQuality.Core.Checks.Planning;

/// <summary>
/// GX row_condition → SQL predicate. Translated: GX syntax (<c>col("x")>5 &amp; col("y")=="a"</c>,
/// <c>col("x").notNull()</c>) and pandas query syntax (<c>x > 5 and y == "a"</c>). Without a parser
/// (or with <c>condition_parser: sql</c>) the text is a SQL predicate taken as written. Either way the
/// result must be one expression that stays inside the parentheses dq wraps it in (<see cref="UserSql.Predicate"/>).
/// </summary>
public static class RowConditions
{
    public static string ToSql(string condition, string? parser, ExpectationConfig config)
    {
        var gx = parser is "great_expectations" or "great_expectations__experimental__" || condition.Contains("col(", StringComparison.Ordinal);
        var pandas = parser is "pandas" or "spark";
        var (sql, error) = UserSql.Predicate(gx || pandas ? Translate(condition, config) : condition);
        return sql ?? throw new ExpectationArgumentException("DQ4105", $"{config.Type}: row_condition '{condition}' is not one boolean expression: {error}.", config.Location);
    }

    private static string Translate(string text, ExpectationConfig config)
    {
        var sb = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (text.AsSpan(i).StartsWith("col(", StringComparison.Ordinal))
            {
                var open = i + 4;
                var close = text.IndexOf(')', open);
                if (close < 0) throw Bad(text, config);
                var name = text[open..close].Trim().Trim('"', '\'');
                sb.Append(SqlText.Identifier(name));
                i = close + 1;
            }
            else if (c is '"' or '\'')
            {
                var end = text.IndexOf(c, i + 1);
                if (end < 0) throw Bad(text, config);
                sb.Append(SqlText.Literal(text[(i + 1)..end]));
                i = end + 1;
            }
            else if (text.AsSpan(i).StartsWith(".notNull()", StringComparison.OrdinalIgnoreCase)) { sb.Append(" IS NOT NULL"); i += 10; }
            else if (text.AsSpan(i).StartsWith(".isNull()", StringComparison.OrdinalIgnoreCase)) { sb.Append(" IS NULL"); i += 9; }
            else if (text.AsSpan(i).StartsWith("==", StringComparison.Ordinal)) { sb.Append('='); i += 2; }
            else if (c == '&') { sb.Append(" AND "); i += text.AsSpan(i).StartsWith("&&") ? 2 : 1; }
            else if (c == '|') { sb.Append(" OR "); i += text.AsSpan(i).StartsWith("||") ? 2 : 1; }
            else if (c == '~') { sb.Append(" NOT "); i++; }
            else { sb.Append(c); i++; }
        }
        return sb.ToString().Trim();
    }

    private static ExpectationArgumentException Bad(string text, ExpectationConfig config) =>
        new("DQ4105", $"{config.Type}: cannot parse row_condition '{text}'.", config.Location);
}
