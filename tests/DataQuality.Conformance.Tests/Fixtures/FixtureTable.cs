using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataQuality.Core.Datasets;

namespace DataQuality.Conformance.Tests.Fixtures;

/// <summary>
/// Loads a fixture dataset (column → values) into an in-memory DuckDB table. Column types come
/// from the dataset's schema hint for the chosen GX backend when DuckDB has an equivalent
/// (postgresql/sqlite names), otherwise from the JSON values: integers → BIGINT, any float →
/// DOUBLE, strings → VARCHAR, booleans → BOOLEAN, mixed strings and numbers → VARCHAR (pandas
/// holds them as object and writes text), all-null → INTEGER. Like GX's runner, map categories
/// get a 0-based <c>pk_index</c> column.
/// </summary>
public static class FixtureTable
{
    public const string PkColumn = "pk_index";

    public static IReadOnlyList<(string Name, string Type)> Columns(GxTable table, string backend, bool pkColumn)
    {
        var hints = table.Schemas?[backend] as JsonObject;
        var columns = new List<(string, string)>();
        foreach (var (name, values) in table.Data)
        {
            var hint = hints?[name] is JsonValue h ? DuckType(h.GetValue<string>()) : null;
            columns.Add((name, hint ?? Infer(values as JsonArray ?? [])));
        }
        if (pkColumn && !table.Data.ContainsKey(PkColumn)) columns.Add((PkColumn, "BIGINT"));
        return columns;
    }

    public static void Create(DuckDbSession db, string tableName, GxTable table, string backend, bool pkColumn)
    {
        var columns = Columns(table, backend, pkColumn);
        var rows = table.Data.Select(kv => kv.Value as JsonArray ?? []).DefaultIfEmpty([]).Max(a => a.Count);
        db.Execute($"CREATE OR REPLACE TABLE {SqlText.Identifier(tableName)} ({string.Join(", ", columns.Select(c => $"{SqlText.Identifier(c.Name)} {c.Type}"))})");
        if (rows == 0) return;

        var sb = new StringBuilder($"INSERT INTO {SqlText.Identifier(tableName)} VALUES ");
        for (var r = 0; r < rows; r++)
        {
            if (r > 0) sb.Append(", ");
            sb.Append('(');
            for (var c = 0; c < columns.Count; c++)
            {
                if (c > 0) sb.Append(", ");
                var (name, type) = columns[c];
                var value = name == PkColumn && !table.Data.ContainsKey(PkColumn)
                    ? JsonValue.Create(r)
                    : (table.Data[name] as JsonArray) is { } values && r < values.Count ? values[r] : null;
                sb.Append(Literal(value, type));
            }
            sb.Append(')');
        }
        db.Execute(sb.ToString());
    }

    /// <summary>GX schema type names (postgresql/sqlite dialects) → DuckDB; null when there is no faithful equivalent.</summary>
    public static string? DuckType(string gxType) => gxType.ToUpperInvariant() switch
    {
        "INTEGER" or "INT" or "SMALLINT" => "INTEGER",
        "BIGINT" => "BIGINT",
        "TEXT" or "VARCHAR" or "STRING" or "CHAR" => "VARCHAR",
        "FLOAT" or "REAL" or "DOUBLE" or "DOUBLE_PRECISION" => "DOUBLE",
        // Unconstrained postgres NUMERIC keeps any scale; DuckDB's DECIMAL needs one, so a wide one.
        "NUMERIC" or "DECIMAL" => "DECIMAL(38,10)",
        "BOOLEAN" or "BOOL" => "BOOLEAN",
        "DATE" => "DATE",
        "TIMESTAMP" or "DATETIME" => "TIMESTAMP",
        _ => null,
    };

    public static string Infer(JsonArray values)
    {
        var kinds = values.Where(v => v is not null).Select(Kind).ToHashSet();
        if (kinds.Count == 0) return "INTEGER";
        if (kinds.SetEquals(["int"])) return "BIGINT";
        if (kinds.IsSubsetOf(["int", "float"])) return "DOUBLE";
        if (kinds.SetEquals(["bool"])) return "BOOLEAN";
        if (kinds.Contains("nested")) return "JSON";
        return "VARCHAR";
    }

    private static string Kind(JsonNode? node) => node switch
    {
        JsonObject or JsonArray => "nested",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.True or JsonValueKind.False => "bool",
            JsonValueKind.Number => v.ToJsonString().IndexOfAny(['.', 'e', 'E']) >= 0 ? "float" : "int",
            // Quoted NaN/Infinity (Python's bare tokens, quoted by the loader) are floats.
            JsonValueKind.String when v.GetValue<string>() is "NaN" or "Infinity" or "-Infinity" => "float",
            _ => "str",
        },
        _ => "str",
    };

    private static string Literal(JsonNode? value, string type)
    {
        if (value is null) return "NULL";
        if (value is JsonObject or JsonArray) return $"CAST({SqlText.Literal(value.ToJsonString())} AS {type})";
        var v = (JsonValue)value;
        var text = v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => v.ToJsonString(),
        };
        if (type == "VARCHAR")
            // pandas writes str(value): Python spells booleans True/False.
            return SqlText.Literal(v.GetValueKind() switch { JsonValueKind.True => "True", JsonValueKind.False => "False", _ => text });
        // GX loads date columns through pandas.to_datetime, which reads "Jan 01 1970 12:00:01" and "1/2/2016" (month first).
        if (type is "TIMESTAMP" or "DATE" && v.GetValueKind() == JsonValueKind.String
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            return $"CAST({SqlText.Literal(instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.'))} AS {type})";
        return v.GetValueKind() == JsonValueKind.Number && type is "BIGINT" or "INTEGER" or "DOUBLE"
            ? $"CAST({text} AS {type})"
            : $"CAST({SqlText.Literal(text)} AS {type})";
    }

    public static string Format(IReadOnlyList<(string Name, string Type)> columns) =>
        string.Join(", ", columns.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Name} {c.Type}")));
}
