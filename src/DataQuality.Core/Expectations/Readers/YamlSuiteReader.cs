using System.Text.Json;
using System.Text.Json.Nodes;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Yaml;

namespace DataQuality.Core.Expectations.Readers;

/// <summary>
/// Our YAML suite format (docs/suites.md):
/// <code>
/// suite: orders
/// primary_key: [order_id]
/// expectations:
///   - expect_column_values_to_not_be_null: { column: order_id }     # shorthand: type → kwargs
///   - type: expect_column_values_to_be_between                      # or type + kwargs as fields
///     column: amount
///     min_value: 0
///     severity: warn
/// </code>
/// </summary>
public static class YamlSuiteReader
{
    private static readonly HashSet<string> TopLevelKeys = new(StringComparer.Ordinal) { "suite", "name", "description", "primary_key", "meta", "expectations", "dataset" };
    private static readonly HashSet<string> NonKwargFields = new(StringComparer.Ordinal) { "type", "severity", "meta", "notes", "description", "id" };

    public static ExpectationSuite Read(string text, string path)
    {
        var doc = YamlJson.Load(text, path);
        if (doc.Root is not JsonObject root)
            throw new InputException("DQ4006", "A suite must be a YAML mapping with an 'expectations' list.", doc.LocationOf(doc.Root));
        foreach (var (key, value) in root)
            if (!TopLevelKeys.Contains(key))
            {
                var suggestion = Checks.Planning.EditDistance.Suggest(key, TopLevelKeys);
                throw new InputException("DQ4007", $"Unknown suite key '{key}'" + (suggestion is null ? "." : $"; did you mean '{suggestion}'?"), doc.LocationOf(value ?? root));
            }
        var name = Str(root["suite"]) ?? Str(root["name"]) ?? Path.GetFileNameWithoutExtension(path);
        if (root["expectations"] is not JsonArray list)
            throw new InputException("DQ4006", "A suite needs an 'expectations' list.", doc.LocationOf(root));

        var expectations = new List<ExpectationConfig>();
        foreach (var item in list)
        {
            var location = doc.LocationOf(item);
            if (item is not JsonObject e)
                throw new InputException("DQ4006", "Each expectation must be a mapping.", location);
            var expectation = ReadExpectation(e, location) with { ArgumentLocations = ArgumentLocations(e, doc) };
            SuiteValueRules.Check(expectation);
            expectations.Add(expectation);
        }
        var primaryKey = root["primary_key"] switch
        {
            JsonArray a => a.Select(n => Str(n) ?? throw new InputException("DQ4006", "primary_key must list column names.", doc.LocationOf(n))).ToList(),
            JsonValue v when Str(v) is { } single => [single],
            null => [],
            var other => throw new InputException("DQ4006", "primary_key must be a column name or a list of them.", doc.LocationOf(other)),
        };
        return new ExpectationSuite(name, expectations, new SourceLocation(path)) { PrimaryKey = primaryKey, Dataset = Str(root["dataset"]) };
    }

    private static ExpectationConfig ReadExpectation(JsonObject e, SourceLocation location)
    {
        var meta = e["meta"] as JsonObject;
        if (Str(e["type"]) is { } type)
        {
            var kwargs = TypedExpectationFields.Kwargs(e, NonKwargFields, location);
            return new ExpectationConfig(type, kwargs, SeverityParser.Parse(e["severity"], location), (JsonObject?)meta?.DeepClone(), location);
        }
        // Shorthand: exactly one key that names the expectation, plus optional severity/meta.
        var typeKeys = e.Where(p => !NonKwargFields.Contains(p.Key)).ToList();
        if (typeKeys.Count != 1)
            throw new InputException("DQ4006", "An expectation needs 'type:' or a single key naming the expectation.", location);
        var (shortType, args) = typeKeys[0];
        var kw = args switch
        {
            JsonObject o => (JsonObject)o.DeepClone(),
            null => new JsonObject(),
            _ => throw new InputException("DQ4006", $"The kwargs of '{shortType}' must be a mapping.", location),
        };
        return new ExpectationConfig(shortType, kw, SeverityParser.Parse(e["severity"], location), (JsonObject?)meta?.DeepClone(), location);
    }

    /// <summary>Where each argument is written (its value's line), so an unknown argument is reported on its own line.</summary>
    private static Dictionary<string, SourceLocation> ArgumentLocations(JsonObject e, YamlDocumentWithPositions doc)
    {
        var locations = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var fields = Str(e["type"]) is null && e.Where(p => !NonKwargFields.Contains(p.Key)).ToList() is [{ Value: JsonObject shorthand }] ? shorthand : TypedExpectationFields.ArgumentNodes(e);
        foreach (var (key, value) in fields)
            if (value is not null) locations[key] = doc.LocationOf(value);
        return locations;
    }

    private static string? Str(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
