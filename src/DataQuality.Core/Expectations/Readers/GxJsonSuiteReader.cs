using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Expectations.Readers;

/// <summary>
/// GX suite JSON accepted as is: 0.18 (<c>expectation_suite_name</c>, <c>expectation_type</c> +
/// <c>kwargs</c>) and 1.x (<c>name</c>, <c>type</c> with the kwargs as sibling fields).
/// </summary>
public static class GxJsonSuiteReader
{
    // 1.x expectation fields that are not kwargs.
    private static readonly HashSet<string> NonKwargFields = new(StringComparer.Ordinal)
    {
        "type", "id", "meta", "notes", "description", "rendered_content", "severity", "windows", "batch_id",
    };

    public static ExpectationSuite Read(string text, string path)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new InputException("DQ4005", $"Malformed JSON: {ex.Message}",
                new SourceLocation(path, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1), ex);
        }
        if (root is not JsonObject suite)
            throw new InputException("DQ4006", "A GX suite must be a JSON object with an 'expectations' list.", new SourceLocation(path));

        var name = Str(suite["name"]) ?? Str(suite["expectation_suite_name"]) ?? Path.GetFileNameWithoutExtension(path);
        if (suite["expectations"] is not JsonArray list)
            throw new InputException("DQ4006", "A GX suite needs an 'expectations' list.", new SourceLocation(path));

        var lines = LineIndex.Of(text);
        var expectations = new List<ExpectationConfig>();
        for (var i = 0; i < list.Count; i++)
        {
            var location = new SourceLocation(path, lines.LineOfExpectation(i));
            if (list[i] is not JsonObject e)
                throw new InputException("DQ4006", $"expectations[{i}] must be an object.", location);
            expectations.Add(ReadExpectation(e, i, location));
        }
        var primaryKey = suite["meta"]?["primary_key"] is JsonArray pk ? pk.Select(n => Str(n) ?? "").Where(s => s.Length > 0).ToList() : [];
        return new ExpectationSuite(name, expectations, new SourceLocation(path)) { PrimaryKey = primaryKey };
    }

    private static ExpectationConfig ReadExpectation(JsonObject e, int index, SourceLocation location)
    {
        var meta = e["meta"] as JsonObject;
        if (Str(e["expectation_type"]) is { } legacyType)
        {
            var kwargs = e["kwargs"] as JsonObject ?? new JsonObject();
            var severity = SeverityParser.Parse(e["severity"] ?? meta?["severity"], location);
            return new ExpectationConfig(legacyType, (JsonObject)kwargs.DeepClone(), severity, (JsonObject?)meta?.DeepClone(), location);
        }
        if (Str(e["type"]) is { } type)
        {
            var kwargs = new JsonObject();
            foreach (var (key, value) in e)
                if (!NonKwargFields.Contains(key)) kwargs[key] = value?.DeepClone();
            var severity = SeverityParser.Parse(e["severity"] ?? meta?["severity"], location);
            return new ExpectationConfig(type, kwargs, severity, (JsonObject?)meta?.DeepClone(), location);
        }
        throw new InputException("DQ4006", $"expectations[{index}] has neither 'type' (GX 1.x) nor 'expectation_type' (GX 0.18).", location);
    }

    private static string? Str(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    /// <summary>
    /// Finds the line where each element of the top-level "expectations" array starts, so errors
    /// can name a line although System.Text.Json's DOM keeps no positions.
    /// </summary>
    private sealed class LineIndex
    {
        private readonly List<int> _starts = [];

        public static LineIndex Of(string text)
        {
            var index = new LineIndex();
            var bytes = Encoding.UTF8.GetBytes(text);
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var depth = 0;
            var inExpectations = false;
            var expectationsDepth = -1;
            string? lastProperty = null;
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        lastProperty = reader.GetString();
                        break;
                    case JsonTokenType.StartArray:
                        depth++;
                        if (depth == 2 && lastProperty == "expectations") { inExpectations = true; expectationsDepth = depth; }
                        break;
                    case JsonTokenType.EndArray:
                        if (inExpectations && depth == expectationsDepth) inExpectations = false;
                        depth--;
                        break;
                    case JsonTokenType.StartObject:
                        depth++;
                        if (inExpectations && depth == expectationsDepth + 1)
                            index._starts.Add(LineAt(bytes, (int)reader.TokenStartIndex));
                        break;
                    case JsonTokenType.EndObject:
                        depth--;
                        break;
                }
            }
            return index;
        }

        public int? LineOfExpectation(int i) => i < _starts.Count ? _starts[i] : null;

        private static int LineAt(byte[] bytes, int offset)
        {
            var line = 1;
            for (var i = 0; i < offset; i++) if (bytes[i] == (byte)'\n') line++;
            return line;
        }
    }
}
