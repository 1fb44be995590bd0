using DataQuality.Core.Sql;

namespace DataQuality.Core.Contracts.Sql;

/// <summary>
/// Static gate for contract SQL rules, applied before anything runs: exactly one statement, starting
/// with SELECT or WITH, and none of the words that change state or reach outside the dataset (DDL,
/// DML, COPY, ATTACH, INSTALL, LOAD, PRAGMA, SET, ...) nor file/environment table functions. The text
/// is read by <see cref="SqlLexer"/> and its structure checked by <see cref="UserSql.Query"/>, as every
/// user SQL fragment is, so a word inside a string is fine.
/// This is one of two layers: the DuckDB session is also sandboxed (<see cref="DuckDbSandbox"/>).
/// </summary>
public static class SqlRuleGuard
{
    private static readonly HashSet<string> Forbidden = new(StringComparer.OrdinalIgnoreCase)
    {
        "INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT", "TRUNCATE", "CREATE", "DROP", "ALTER", "RENAME", "REPLACE",
        "COPY", "EXPORT", "IMPORT", "ATTACH", "DETACH", "INSTALL", "LOAD", "FORCE", "PRAGMA", "SET", "RESET", "CALL",
        "EXECUTE", "PREPARE", "DEALLOCATE", "VACUUM", "CHECKPOINT", "ANALYZE", "BEGIN", "COMMIT", "ROLLBACK", "ABORT",
        "TRANSACTION", "GRANT", "REVOKE", "USE", "SECRET",
    };

    /// <summary>Table functions that read files, URLs or the environment by name.</summary>
    private static readonly HashSet<string> ForbiddenFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "read_csv", "read_csv_auto", "read_parquet", "parquet_scan", "parquet_metadata", "parquet_schema", "read_json",
        "read_json_auto", "read_json_objects", "read_ndjson", "read_ndjson_auto", "read_ndjson_objects", "read_text",
        "read_blob", "glob", "sniff_csv", "getenv", "delta_scan", "iceberg_scan", "sqlite_scan", "postgres_scan",
        "mysql_scan", "query_table", "query", "duckdb_secrets", "duckdb_settings", "duckdb_extensions", "load_extension",
        "write_csv", "write_parquet",
    };

    /// <summary>Null when the query is acceptable, else the reason it is rejected.</summary>
    public static string? Check(string sql)
    {
        // The structure (one statement, brackets that stay inside dq's parentheses) is the rule for every
        // user SQL fragment; the words below are this gate's own, stricter rules.
        var (_, structureError) = UserSql.Query(sql);
        var scan = SqlLexer.Read(sql);
        if (scan.Error is not null) return scan.Error + ".";
        var body = scan.Code.Trim();
        while (body.EndsWith(';')) body = body[..^1].TrimEnd();
        if (body.Contains(';')) return "only a single statement is allowed (found ';').";
        var words = Words(body).ToList();
        if (words.Count == 0) return "the query is empty.";
        var first = words[0].Word.ToUpperInvariant();
        if (first is not ("SELECT" or "WITH")) return $"only a read-only SELECT or WITH query is allowed; this one starts with {first}.";
        foreach (var (word, next) in words)
        {
            if (Forbidden.Contains(word)) return $"'{word.ToUpperInvariant()}' is not allowed in an SQL rule (rules are read-only).";
            if (next == '(' && ForbiddenFunctions.Contains(word)) return $"'{word}(...)' is not allowed in an SQL rule: rules read the contract's model only.";
        }
        return structureError is null ? null : structureError + ".";
    }

    /// <summary>The query as dq splices it: comments and trailing semicolons removed (call after <see cref="Check"/> accepted it).</summary>
    public static string TrimTerminator(string sql) => UserSql.Query(sql).Sql ?? sql.Trim();

    private static IEnumerable<(string Word, char Next)> Words(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsLetter(text[i]) || text[i] == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_' || text[i] == '$')) i++;
                var j = i;
                while (j < text.Length && char.IsWhiteSpace(text[j])) j++;
                // A dotted name (schema.func) still counts by its last part.
                yield return (text[start..i], j < text.Length ? text[j] : '\0');
            }
            else i++;
        }
    }
}
