using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Contracts.Reading;

/// <summary>
/// Up-converts a Data Contract Specification 1.x document to the ODCS 3.1 shape: servers and models
/// maps become lists, field constraints move under <c>logicalTypeOptions</c>, DCS types map to ODCS
/// logical types (the DCS type is kept as <c>dcsType</c>), <c>$ref</c>s to <c>#/definitions</c> are
/// inlined (<see cref="References"/>: one that points nowhere or into a cycle is error DQ1024, not a
/// field silently left without its constraints) and <c>servicelevels</c> freshness/retention become
/// <c>slaProperties</c>.
/// </summary>
internal static partial class DcsConverter
{
    private static readonly string[] OptionKeys = ["minLength", "maxLength", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "format", "minItems", "maxItems"];

    public static JsonObject ToOdcs(JsonObject dcs, PositionedCopy copy)
    {
        var info = dcs["info"] as JsonObject;
        var odcs = copy.At(new JsonObject
        {
            ["apiVersion"] = "v3.1.0",
            ["kind"] = "DataContract",
            ["id"] = copy.Copy(dcs["id"]),
            ["name"] = copy.Copy(info?["title"]),
            ["version"] = copy.Copy(info?["version"]),
            ["status"] = copy.Copy(info?["status"]) ?? "active",
        }, dcs);

        if (dcs["servers"] is JsonObject servers)
        {
            var list = copy.At(new JsonArray(), servers);
            foreach (var (name, value) in servers)
            {
                if (value is not JsonObject server) continue;
                var converted = (JsonObject)copy.Copy(server)!;
                converted.Insert(0, "server", name);
                list.Add((JsonNode)converted);
            }
            odcs["servers"] = list;
        }

        var references = new References(dcs["definitions"] as JsonObject, copy);
        if (dcs["models"] is JsonObject models)
        {
            var schema = copy.At(new JsonArray(), models);
            foreach (var (name, value) in models)
                if (value is JsonObject model) schema.Add((JsonNode)Model(name, model, references, copy));
            odcs["schema"] = schema;
        }

        if (dcs["servicelevels"] is JsonObject levels)
            odcs["slaProperties"] = ServiceLevels(levels, copy);
        return odcs;
    }

    private static JsonObject Model(string name, JsonObject model, References references, PositionedCopy copy)
    {
        var result = copy.At(new JsonObject { ["name"] = name }, model);
        if (model["type"] is not null) result["physicalType"] = copy.Copy(model["type"]);
        if (model["description"] is not null) result["description"] = copy.Copy(model["description"]);
        var primaryKey = (model["primaryKey"] as JsonArray)?.Select(n => n?.ToString()).ToList() ?? [];
        var properties = copy.At(new JsonArray(), model["fields"] ?? model);
        if (model["fields"] is JsonObject fields)
            foreach (var (fieldName, field) in fields)
                if (field is JsonObject f) properties.Add((JsonNode)Field(fieldName, f, primaryKey, references, copy));
        result["properties"] = properties;
        if (model["primaryKey"] is JsonArray pk) result["primaryKey"] = copy.Copy(pk);
        if (model["quality"] is JsonArray quality) result["quality"] = copy.Copy(quality);
        return result;
    }

    private static JsonObject Field(string name, JsonObject field, List<string?> modelPrimaryKey, References references, PositionedCopy copy)
    {
        var expanded = references.Enter(ref field);
        try
        {
            return Convert(name, field, modelPrimaryKey, references, copy);
        }
        finally
        {
            references.Leave(expanded);
        }
    }

    private static JsonObject Convert(string name, JsonObject field, List<string?> modelPrimaryKey, References references, PositionedCopy copy)
    {
        var result = copy.At(new JsonObject { ["name"] = name }, field);
        var dcsType = field["type"] is JsonValue t && t.GetValueKind() == JsonValueKind.String ? t.GetValue<string>() : null;
        if (dcsType is not null)
        {
            result["logicalType"] = copy.At(JsonValue.Create(LogicalType(dcsType)), field["type"]);
            result["dcsType"] = copy.Copy(field["type"]);
        }
        foreach (var key in new[] { "description", "required", "unique", "primaryKey", "classification", "tags", "examples", "quality" })
            if (field[key] is not null) result[key] = copy.Copy(field[key]);
        // DCS 0.9 spelled a primary key field `primary: true`; later versions `primaryKey: true`.
        if (field["primaryKey"] is null && field["primary"] is JsonValue primary && primary.GetValueKind() == JsonValueKind.True)
            result["primaryKey"] = copy.Copy(primary);
        var pkIndex = modelPrimaryKey.IndexOf(name);
        if (pkIndex >= 0)
        {
            result["primaryKey"] = true;
            result["primaryKeyPosition"] = pkIndex + 1;
        }

        var options = copy.At(new JsonObject(), field);
        foreach (var key in OptionKeys)
            if (field[key] is not null) options[key] = copy.Copy(field[key]);
        if (field["enum"] is not null) options["enum"] = copy.Copy(field["enum"]);
        if (options.Count > 0) result["logicalTypeOptions"] = options;

        if (field["items"] is JsonObject items) result["items"] = Field("items", items, [], references, copy);
        if (field["fields"] is JsonObject nested)
        {
            var properties = copy.At(new JsonArray(), nested);
            foreach (var (nestedName, nestedField) in nested)
                if (nestedField is JsonObject nf) properties.Add((JsonNode)Field(nestedName, nf, [], references, copy));
            result["properties"] = properties;
        }
        return result;
    }

    /// <summary>
    /// Inlines <c>$ref: '#/definitions/x'</c>: the definition is the base, the field's own keys win; a
    /// definition may itself <c>$ref</c> another. The definitions being expanded along the current path
    /// are kept so a cycle (directly, through a chain, or through nested fields) is an error rather than
    /// endless recursion, and the number of expansions is bounded so references cannot multiply a small
    /// file into a huge one (the billion-laughs shape YAML aliases are refused for).
    /// </summary>
    private sealed class References(JsonObject? definitions, PositionedCopy copy)
    {
        private const string Prefix = "#/definitions/";
        /// <summary>More inlined definitions than any hand-written contract has; docs/security.md.</summary>
        public const int MaxExpansions = 10_000;
        private readonly List<string> _path = [];
        private int _expansions;

        /// <summary>Resolves <paramref name="field"/> in place; returns how many definitions it entered (to pass to <see cref="Leave"/>).</summary>
        public int Enter(ref JsonObject field)
        {
            var entered = 0;
            try
            {
                var chain = new List<(JsonObject Field, JsonNode Reference)>();
                var current = field;
                while (current.TryGetPropertyValue("$ref", out var reference))
                {
                    var name = Target(reference);
                    if (_path.Contains(name))
                        throw new InputException("DQ1024",
                            $"'$ref: {Prefix}{name}' is a cycle ({string.Join(" -> ", _path.SkipWhile(n => n != name).Append(name))}): a definition cannot contain itself.",
                            copy.LocationOf(reference));
                    if (++_expansions > MaxExpansions)
                        throw new InputException("DQ1024", $"More than {MaxExpansions} '$ref' expansions: references multiply this contract beyond what dq expands.", copy.LocationOf(reference));
                    _path.Add(name);
                    entered++;
                    chain.Add((current, reference!));
                    current = (JsonObject)definitions![name]!;
                }
                // Merge from the innermost definition outwards: each referring object's own keys win.
                for (var i = chain.Count - 1; i >= 0; i--)
                {
                    var merged = (JsonObject)copy.Copy(current)!;
                    foreach (var (key, value) in chain[i].Field)
                        if (key != "$ref") merged[key] = copy.Copy(value);
                    current = copy.At(merged, chain[i].Field);
                }
                field = current;
                return entered;
            }
            catch
            {
                Leave(entered);
                throw;
            }
        }

        public void Leave(int entered) => _path.RemoveRange(_path.Count - entered, entered);

        private string Target(JsonNode? reference)
        {
            var text = reference is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
            if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal))
                throw new InputException("DQ1024",
                    $"'$ref: {text ?? reference?.ToJsonString() ?? "null"}' is not supported: dq resolves '{Prefix}<name>' within the same file.", copy.LocationOf(reference));
            var name = text[Prefix.Length..];
            if (definitions?[name] is JsonObject) return name;
            var known = definitions?.Select(d => d.Key).ToList() ?? [];
            var suggestion = Checks.Planning.EditDistance.Suggest(name, known);
            throw new InputException("DQ1024",
                $"'$ref: {text}' points nowhere: " + (definitions is null ? "the contract has no 'definitions'." : $"no definition '{name}'" + (suggestion is null ? "." : $"; did you mean '{suggestion}'?")),
                copy.LocationOf(reference));
        }
    }

    /// <summary>DCS type → ODCS logical type. Unknown names pass through so lint can report them.</summary>
    public static string LogicalType(string dcsType) => dcsType.ToLowerInvariant() switch
    {
        "string" or "text" or "varchar" or "char" => "string",
        "integer" or "int" or "long" or "bigint" => "integer",
        "float" or "double" or "decimal" or "numeric" or "number" => "number",
        "boolean" or "bool" => "boolean",
        "timestamp" or "timestamp_tz" or "timestamp_ntz" or "datetime" => "timestamp",
        "date" => "date",
        "time" => "time",
        "array" => "array",
        "object" or "record" or "struct" or "map" => "object",
        "bytes" or "binary" => "string",
        "null" => "string",
        var other => other,
    };

    private static JsonArray ServiceLevels(JsonObject levels, PositionedCopy copy)
    {
        var list = copy.At(new JsonArray(), levels);
        if (levels["freshness"] is JsonObject freshness && freshness["threshold"] is JsonValue threshold)
        {
            var (value, unit) = Duration(threshold.ToString());
            var entry = copy.At(new JsonObject { ["property"] = "freshness", ["value"] = value, ["unit"] = unit, ["element"] = copy.Copy(freshness["timestampField"]) }, freshness);
            list.Add((JsonNode)entry);
        }
        if (levels["retention"] is JsonObject retention && retention["period"] is JsonValue period)
        {
            var entry = copy.At(new JsonObject { ["property"] = "retention", ["value"] = copy.Copy(period), ["element"] = copy.Copy(retention["timestampField"]) }, retention);
            list.Add((JsonNode)entry);
        }
        return list;
    }

    /// <summary><c>25h</c>, <c>PT25H</c>, <c>P1D</c>, <c>30m</c> → (value, unit d|h|m|s).</summary>
    private static (long? Value, string? Unit) Duration(string text)
    {
        var m = DurationPattern().Match(text.ToUpperInvariant().Replace("P", "").Replace("T", ""));
        if (!m.Success) return (null, null);
        return (long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups[2].Value.ToLowerInvariant());
    }

    [GeneratedRegex(@"^(\d+)\s*([DHMS])")]
    private static partial Regex DurationPattern();
}
