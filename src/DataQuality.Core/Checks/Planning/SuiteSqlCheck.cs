using System.Text.Json.Nodes;
using DataQuality.Core.Datasets;
using DataQuality.Core.Expectations;

namespace DataQuality.Core.Checks.Planning;

/// <summary>
/// Checks every SQL fragment of a suite (row_condition, unexpected_rows_query, contract SQL rules)
/// before any check runs, so a rejected fragment stops the run as an input error (exit 2) naming the
/// suite's file and line instead of becoming one failed check among others. Each fragment passes the
/// structural check of its kind and is then parsed, not run, by DuckDB in the statement dq will
/// build around it (<c>json_serialize_sql</c>): what does not parse as one expression or one query
/// is rejected with DuckDB's own parser message.
/// </summary>
public static class SuiteSqlCheck
{
    public static void Validate(ExpectationSuite suite, DuckDbSession session)
    {
        foreach (var config in suite.Expectations)
        {
            // An unknown type is reported as that expectation's error by the planner.
            if (!ExpectationCatalog.TryGet(config.Type, out var definition)) continue;
            var kwargs = new Kwargs(config);
            if (kwargs.StringIfPresent("row_condition") is { } condition && !string.IsNullOrWhiteSpace(condition))
            {
                var sql = RowConditions.ToSql(condition, kwargs.OptionalString("condition_parser"), config);
                if (ParseError(session, $"SELECT * FROM __dq_src WHERE ({sql})") is { } error)
                    throw new ExpectationArgumentException("DQ4105", $"{config.Type}: row_condition '{condition}' does not parse as one boolean expression: {error}", config.Location);
            }
            if (definition.CheckedQuery(kwargs, config) is { } query
                && ParseError(session, $"SELECT * FROM ({query.Replace("{batch}", "__dq_batch", StringComparison.Ordinal)}) AS __dq_query") is { } queryError)
            {
                throw new ExpectationArgumentException(config.Type == "dq_sql_rule" ? "DQ1020" : "DQ4704",
                    $"{config.Type}: the query does not parse as one read-only query: {queryError}", config.Location);
            }
        }
    }

    /// <summary>DuckDB's parser message for <paramref name="statement"/>, or null when it parses. Nothing is bound or run.</summary>
    private static string? ParseError(DuckDbSession session, string statement)
    {
        var json = session.Scalar($"SELECT json_serialize_sql({SqlText.Literal(statement)})") as string;
        if (json is null || JsonNode.Parse(json) is not JsonObject result) return null;
        if (result["error"] is JsonValue flag && flag.TryGetValue<bool>(out var failed) && failed)
            return (result["error_message"]?.ToString() ?? "parser error").Split('\n')[0].Trim();
        return null;
    }
}
