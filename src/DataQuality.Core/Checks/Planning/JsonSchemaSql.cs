using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataQuality.Core.Datasets;
using DataQuality.Core.Expectations;

namespace DataQuality.Core.Checks.Planning;

/// <summary>
/// Compiles a JSON Schema into one DuckDB predicate over a JSON text column, so schema validation
/// runs inside the single scan (DuckDB has no JSON Schema validator). A documented subset:
/// type, enum, const, required, properties, additionalProperties (boolean), min/maxProperties,
/// items (one schema), min/maxItems, uniqueItems, minLength/maxLength, pattern, minimum/maximum,
/// exclusiveMinimum/exclusiveMaximum (number or draft-4 boolean), multipleOf, allOf/anyOf/oneOf/not,
/// boolean schemas. Annotations (title, description, $schema, $id, default, examples, $comment,
/// definitions/$defs, and format, which Python jsonschema also only annotates by default) are ignored.
/// Any other keyword ($ref, if/then/else, patternProperties, ...) is an error, never silently skipped.
/// </summary>
public sealed class JsonSchemaSql
{
    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal)
    {
        "$schema", "$id", "id", "title", "description", "default", "examples", "$comment", "definitions", "$defs", "format", "readOnly", "writeOnly", "deprecated",
    };

    private const string RootDoc = "\u0001root\u0001";

    private readonly ExpectationConfig _config;
    private readonly List<string> _paths = [];
    private int _variables;

    private JsonSchemaSql(ExpectationConfig config) => _config = config;

    /// <summary>
    /// SQL true when the JSON text in <paramref name="textSql"/> parses and satisfies the schema.
    /// Every path the schema looks at in the document is extracted by one multi-path
    /// <c>json_extract</c> in a derived column of the scan, so each value is parsed once per row,
    /// not once per keyword; the keywords then work on the small extracted fragments.
    /// </summary>
    public static string Compile(JsonNode? schema, string textSql, ExpectationConfig config, ScanBuilder scan)
    {
        var compiler = new JsonSchemaSql(config);
        var predicate = compiler.Node(schema, RootDoc, "$", "json_schema");
        if (compiler._paths.Count > 0)
        {
            // CASE keeps json_extract away from text that is not JSON (it would raise on it).
            var fragments = scan.Derived($"CASE WHEN json_valid({textSql}) THEN json_extract({textSql}, {SqlText.List(compiler._paths)}) END");
            for (var i = 0; i < compiler._paths.Count; i++)
                predicate = predicate.Replace(Placeholder(i), $"{fragments}[{(i + 1).ToString(CultureInfo.InvariantCulture)}]", StringComparison.Ordinal);
        }
        return $"CASE WHEN json_valid({textSql}) THEN coalesce(({predicate}), FALSE) ELSE FALSE END";
    }

    private static string Placeholder(int i) => "\u0002" + i.ToString(CultureInfo.InvariantCulture) + "\u0002";

    /// <summary>The JSON value at <paramref name="path"/> of <paramref name="doc"/>: a pre-extracted fragment for the document itself, an extraction for array elements.</summary>
    private string Frag(string doc, string path)
    {
        if (doc != RootDoc) return path == "$" ? doc : $"json_extract({doc}, {SqlText.Literal(path)})";
        var index = _paths.IndexOf(path);
        if (index < 0) { index = _paths.Count; _paths.Add(path); }
        return Placeholder(index);
    }

    private string Node(JsonNode? schema, string doc, string path, string where)
    {
        if (schema is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
            return b.GetValue<bool>() ? "TRUE" : "FALSE";
        if (schema is not JsonObject obj) throw Invalid(where, "a schema must be an object or a boolean");

        var f = Frag(doc, path);
        var type = $"json_type({f})";
        var checks = new List<string>();
        string When(string types, string check) => $"({type} NOT IN ({types}) OR ({check}))";
        const string numeric = "'BIGINT', 'UBIGINT', 'HUGEINT', 'DOUBLE'";
        var number = $"CAST({f} AS DOUBLE)";
        var text = $"json_extract_string({f}, '$')";

        foreach (var (key, value) in obj)
        {
            var at = $"{where}.{key}";
            switch (key)
            {
                case "type":
                    var names = value is JsonArray arr ? arr.Select(n => String(n, at)).ToList() : [String(value, at)];
                    checks.Add("(" + string.Join(" OR ", names.Select(n => TypeTest(n, type, number, at))) + ")");
                    break;
                case "enum":
                    var options = value as JsonArray ?? throw Invalid(at, "must be a list");
                    checks.Add(options.Count == 0 ? "FALSE" : $"CAST({f} AS VARCHAR) IN ({string.Join(", ", options.Select(JsonText))})");
                    break;
                case "const":
                    checks.Add($"CAST({f} AS VARCHAR) = {JsonText(value)}");
                    break;
                case "required":
                    var required = (value as JsonArray ?? throw Invalid(at, "must be a list")).Select(n => String(n, at)).ToList();
                    if (required.Count > 0)
                        checks.Add(When("'OBJECT'", string.Join(" AND ", required.Select(r => $"json_type({Frag(doc, Child(path, r))}) IS NOT NULL"))));
                    break;
                case "properties":
                    foreach (var (name, sub) in value as JsonObject ?? throw Invalid(at, "must be an object"))
                    {
                        var child = Child(path, name);
                        checks.Add($"(json_type({Frag(doc, child)}) IS NULL OR ({Node(sub, doc, child, $"{at}.{name}")}))");
                    }
                    break;
                case "additionalProperties":
                    if (value is not JsonValue ap || ap.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                        throw Unsupported(at, "additionalProperties as a schema (only true/false are supported)");
                    if (!ap.GetValue<bool>())
                    {
                        var declared = (obj["properties"] as JsonObject)?.Select(kv => kv.Key).ToList() ?? [];
                        checks.Add(When("'OBJECT'", declared.Count == 0
                            ? $"len(json_keys({f})) = 0"
                            : $"list_has_all({SqlText.List(declared)}, json_keys({f}))"));
                    }
                    break;
                case "minProperties":
                    checks.Add(When("'OBJECT'", $"len(json_keys({f})) >= {Count(value, at)}"));
                    break;
                case "maxProperties":
                    checks.Add(When("'OBJECT'", $"len(json_keys({f})) <= {Count(value, at)}"));
                    break;
                case "items":
                    if (value is JsonArray) throw Unsupported(at, "items as a list (tuple validation)");
                    var e = "__dq_e" + (_variables++).ToString(CultureInfo.InvariantCulture);
                    var each = Node(value, e, "$", at);
                    checks.Add(When("'ARRAY'", $"coalesce(list_bool_and([({each}) FOR {e} IN json_extract({f}, '$[*]')]), TRUE)"));
                    break;
                case "minItems":
                    checks.Add(When("'ARRAY'", $"json_array_length({f}) >= {Count(value, at)}"));
                    break;
                case "maxItems":
                    checks.Add(When("'ARRAY'", $"json_array_length({f}) <= {Count(value, at)}"));
                    break;
                case "uniqueItems":
                    if (value is JsonValue u && u.GetValueKind() == JsonValueKind.True)
                        checks.Add(When("'ARRAY'", $"len(list_distinct(CAST(json_extract({f}, '$[*]') AS VARCHAR[]))) = json_array_length({f})"));
                    break;
                case "minLength":
                    checks.Add(When("'VARCHAR'", $"length({text}) >= {Count(value, at)}"));
                    break;
                case "maxLength":
                    checks.Add(When("'VARCHAR'", $"length({text}) <= {Count(value, at)}"));
                    break;
                case "pattern":
                    // Python jsonschema evaluates pattern with re.search, hence the Python → RE2 translation.
                    checks.Add(When("'VARCHAR'", $"regexp_matches({text}, {SqlText.Literal(PythonRegex.ToRe2(String(value, at), at, _config))})"));
                    break;
                case "minimum":
                    var exclusiveMin = obj["exclusiveMinimum"] is JsonValue em && em.GetValueKind() == JsonValueKind.True;
                    checks.Add(When(numeric, $"{number} {(exclusiveMin ? ">" : ">=")} {Number(value, at)}"));
                    break;
                case "maximum":
                    var exclusiveMax = obj["exclusiveMaximum"] is JsonValue xm && xm.GetValueKind() == JsonValueKind.True;
                    checks.Add(When(numeric, $"{number} {(exclusiveMax ? "<" : "<=")} {Number(value, at)}"));
                    break;
                case "exclusiveMinimum" or "exclusiveMaximum":
                    if (value is JsonValue ev && ev.GetValueKind() is JsonValueKind.True or JsonValueKind.False) break; // draft-4 form, read by minimum/maximum
                    checks.Add(When(numeric, $"{number} {(key == "exclusiveMinimum" ? ">" : "<")} {Number(value, at)}"));
                    break;
                case "multipleOf":
                    var m = Number(value, at);
                    checks.Add(When(numeric, $"abs({number} / {m} - round({number} / {m})) < 1e-9"));
                    break;
                case "allOf" or "anyOf" or "oneOf":
                    var subs = (value as JsonArray ?? throw Invalid(at, "must be a list")).Select((s, i) => Node(s, doc, path, $"{at}[{i}]")).ToList();
                    if (subs.Count == 0) throw Invalid(at, "must not be empty");
                    checks.Add(key switch
                    {
                        "allOf" => "(" + string.Join(" AND ", subs.Select(s => $"coalesce(({s}), FALSE)")) + ")",
                        "anyOf" => "(" + string.Join(" OR ", subs.Select(s => $"coalesce(({s}), FALSE)")) + ")",
                        _ => "(" + string.Join(" + ", subs.Select(s => $"CAST(coalesce(({s}), FALSE) AS INTEGER)")) + ") = 1",
                    });
                    break;
                case "not":
                    checks.Add($"NOT coalesce(({Node(value, doc, path, at)}), FALSE)");
                    break;
                default:
                    if (Annotations.Contains(key)) break;
                    throw Unsupported(at, $"the keyword '{key}'");
            }
        }
        return checks.Count == 0 ? "TRUE" : string.Join(" AND ", checks.Select(c => $"coalesce({c}, FALSE)"));
    }

    private string TypeTest(string name, string type, string number, string at) => name switch
    {
        "object" => $"{type} = 'OBJECT'",
        "array" => $"{type} = 'ARRAY'",
        "string" => $"{type} = 'VARCHAR'",
        "boolean" => $"{type} = 'BOOLEAN'",
        "null" => $"{type} = 'NULL'",
        "number" => $"{type} IN ('BIGINT', 'UBIGINT', 'HUGEINT', 'DOUBLE')",
        // JSON Schema counts 1.0 as an integer.
        "integer" => $"({type} IN ('BIGINT', 'UBIGINT', 'HUGEINT') OR ({type} = 'DOUBLE' AND {number} = floor({number})))",
        _ => throw Invalid(at, $"unknown type '{name}'"),
    };

    /// <summary>A JSONPath step; keys are always quoted so any character is safe.</summary>
    private static string Child(string path, string key) => $"{path}.\"{key.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"";

    private static string JsonText(JsonNode? value) => SqlText.Literal(value is null ? "null" : value.ToJsonString());

    private string String(JsonNode? node, string at) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : throw Invalid(at, "must be a string");

    private string Count(JsonNode? node, string at) =>
        JsonNumber.TryGetDouble(node, out var d) && d >= 0 && d == Math.Floor(d) ? ((long)d).ToString(CultureInfo.InvariantCulture) : throw Invalid(at, "must be a non-negative integer");

    private string Number(JsonNode? node, string at) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && JsonNumber.TryGetDouble(v, out var d) ? SqlText.Literal(d) + "::DOUBLE" : throw Invalid(at, "must be a number");

    private ExpectationArgumentException Invalid(string at, string why) =>
        new("DQ4441", $"{_config.Type}: {at} is not a valid JSON Schema: {why}.", _config.Location);

    private ExpectationArgumentException Unsupported(string at, string what) =>
        new("DQ4440", $"{_config.Type}: {at}: {what} is not supported by this engine's JSON Schema subset (docs/semantics.md).", _config.Location);
}
