using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DataQuality.Core.Contracts.Reading;

/// <summary>
/// Up-converts a Data Contract Specification 1.x document to the ODCS 3.1 shape: servers and models
/// maps become lists, field constraints move under <c>logicalTypeOptions</c>, DCS types map to ODCS
/// logical types (the DCS type is kept as <c>dcsType</c>), <c>$ref</c>s to <c>#/definitions</c> are
/// inlined and <c>servicelevels</c> freshness/retention become <c>slaProperties</c>.
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
                list.Add(converted);
            }
            odcs["servers"] = list;
        }

        var definitions = dcs["definitions"] as JsonObject;
        if (dcs["models"] is JsonObject models)
        {
            var schema = copy.At(new JsonArray(), models);
            foreach (var (name, value) in models)
                if (value is JsonObject model) schema.Add(Model(name, model, definitions, copy));
            odcs["schema"] = schema;
        }

        if (dcs["servicelevels"] is JsonObject levels)
            odcs["slaProperties"] = ServiceLevels(levels, copy);
        return odcs;
    }

    private static JsonObject Model(string name, JsonObject model, JsonObject? definitions, PositionedCopy copy)
    {
        var result = copy.At(new JsonObject { ["name"] = name }, model);
        if (model["type"] is not null) result["physicalType"] = copy.Copy(model["type"]);
        if (model["description"] is not null) result["description"] = copy.Copy(model["description"]);
        var primaryKey = (model["primaryKey"] as JsonArray)?.Select(n => n?.ToString()).ToList() ?? [];
        var properties = copy.At(new JsonArray(), model["fields"] ?? model);
        if (model["fields"] is JsonObject fields)
            foreach (var (fieldName, field) in fields)
                if (field is JsonObject f) properties.Add(Field(fieldName, f, primaryKey, definitions, copy));
        result["properties"] = properties;
        if (model["primaryKey"] is JsonArray pk) result["primaryKey"] = copy.Copy(pk);
        if (model["quality"] is JsonArray quality) result["quality"] = copy.Copy(quality);
        return result;
    }

    private static JsonObject Field(string name, JsonObject field, List<string?> modelPrimaryKey, JsonObject? definitions, PositionedCopy copy)
    {
        field = Resolve(field, definitions, copy);
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

        if (field["items"] is JsonObject items) result["items"] = Field("items", items, [], definitions, copy);
        if (field["fields"] is JsonObject nested)
        {
            var properties = copy.At(new JsonArray(), nested);
            foreach (var (nestedName, nestedField) in nested)
                if (nestedField is JsonObject nf) properties.Add(Field(nestedName, nf, [], definitions, copy));
            result["properties"] = properties;
        }
        return result;
    }

    /// <summary>Inlines <c>$ref: '#/definitions/x'</c>: the definition is the base, the field's own keys win.</summary>
    private static JsonObject Resolve(JsonObject field, JsonObject? definitions, PositionedCopy copy)
    {
        if (field["$ref"] is not JsonValue reference || definitions is null) return field;
        var text = reference.ToString();
        const string prefix = "#/definitions/";
        if (!text.StartsWith(prefix, StringComparison.Ordinal) || definitions[text[prefix.Length..]] is not JsonObject definition) return field;
        var merged = (JsonObject)copy.Copy(definition)!;
        foreach (var (key, value) in field)
            if (key != "$ref") merged[key] = copy.Copy(value);
        return copy.At(merged, field);
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
            list.Add(entry);
        }
        if (levels["retention"] is JsonObject retention && retention["period"] is JsonValue period)
        {
            var entry = copy.At(new JsonObject { ["property"] = "retention", ["value"] = copy.Copy(period), ["element"] = copy.Copy(retention["timestampField"]) }, retention);
            list.Add(entry);
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
