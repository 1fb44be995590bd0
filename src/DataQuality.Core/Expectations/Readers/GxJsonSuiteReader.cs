using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Expectations.Readers;

/// <summary>
/// GX suite JSON accepted as is: 0.18 (<c>expectation_suite_name</c>, <c>expectation_type</c> +
/// <c>kwargs</c>) and 1.x (<c>name</c>, <c>type</c> with <c>kwargs</c> as GX writes it, or the kwargs as
/// sibling fields; <see cref="TypedExpectationFields"/>). Python's bare
/// <c>NaN</c>/<c>Infinity</c>/<c>-Infinity</c> are accepted here (<see cref="PythonJsonTokens"/>).
/// </summary>
public static class GxJsonSuiteReader
{
    /// <summary>Deepest nesting of objects and arrays accepted (System.Text.Json's default; YAML has the same).</summary>
    public const int MaxDepth = 64;

    // 1.x expectation fields that are not kwargs.
    private static readonly HashSet<string> NonKwargFields = new(StringComparer.Ordinal)
    {
        "type", "id", "meta", "notes", "description", "rendered_content", "expectation_context", "severity", "windows", "batch_id",
    };

    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static ExpectationSuite Read(string text, string path)
    {
        var bytes = Encoding.UTF8.GetBytes(PythonJsonTokens.Quote(text));
        var lines = new LineStarts(bytes);
        JsonNode? root;
        List<int> expectationLines;
        try
        {
            expectationLines = Scan(bytes, lines, path);
            root = JsonNode.Parse(bytes, documentOptions: DocumentOptions);
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

        var expectations = new List<ExpectationConfig>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            var location = new SourceLocation(path, i < expectationLines.Count ? expectationLines[i] : null);
            if (list[i] is not JsonObject e)
                throw new InputException("DQ4006", $"expectations[{i}] must be an object.", location);
            var expectation = ReadExpectation(e, i, location);
            SuiteValueRules.Check(expectation);
            expectations.Add(expectation);
        }
        var primaryKey = suite["meta"]?["primary_key"] is JsonArray pk ? pk.Select(n => Str(n) ?? "").Where(s => s.Length > 0).ToList() : [];
        return new ExpectationSuite(name, expectations, new SourceLocation(path)) { PrimaryKey = primaryKey, Dataset = Str((suite["meta"] as JsonObject)?["dataset"]) };
    }

    private static ExpectationConfig ReadExpectation(JsonObject e, int index, SourceLocation location)
    {
        var meta = e["meta"] as JsonObject;
        if (Str(e["expectation_type"]) is { } legacyType)
        {
            var kwargs = TypedExpectationFields.Nested(e, location);
            var severity = SeverityParser.Parse(e["severity"] ?? meta?["severity"], location);
            return new ExpectationConfig(legacyType, kwargs, severity, (JsonObject?)meta?.DeepClone(), location);
        }
        if (Str(e["type"]) is { } type)
        {
            var kwargs = TypedExpectationFields.Kwargs(e, NonKwargFields, location);
            var severity = SeverityParser.Parse(e["severity"] ?? meta?["severity"], location);
            return new ExpectationConfig(type, kwargs, severity, (JsonObject?)meta?.DeepClone(), location);
        }
        throw new InputException("DQ4006", $"expectations[{index}] has neither 'type' (GX 1.x) nor 'expectation_type' (GX 0.18).", location);
    }

    private static string? Str(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    /// <summary>
    /// One token pass before the DOM is built: rejects nesting deeper than <see cref="MaxDepth"/>,
    /// duplicate keys (System.Text.Json's DOM would throw an unpositioned ArgumentException later) and
    /// NUL characters in strings, each with its line; and finds the line where each element of the
    /// top-level "expectations" array starts, since the DOM keeps no positions.
    /// </summary>
    private static List<int> Scan(byte[] bytes, LineStarts lines, string path)
    {
        var starts = new List<int>();
        // The reader may go one level deeper than we accept, so that we, not it, report the limit.
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = MaxDepth + 1 });
        var keys = new Stack<HashSet<string>?>();
        var expectationsDepth = -1;
        string? lastProperty = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    if (reader.CurrentDepth >= MaxDepth)
                        throw new InputException("DQ4005", $"JSON nested deeper than {MaxDepth} levels.", lines.At(path, reader.TokenStartIndex));
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        keys.Push(null);
                        if (expectationsDepth >= 0 && reader.CurrentDepth == expectationsDepth + 1)
                            starts.Add(lines.LineOf(reader.TokenStartIndex));
                    }
                    else if (reader.CurrentDepth == 1 && lastProperty == "expectations")
                        expectationsDepth = 1;
                    lastProperty = null;
                    break;
                case JsonTokenType.EndArray:
                    if (reader.CurrentDepth == expectationsDepth) expectationsDepth = -1;
                    break;
                case JsonTokenType.EndObject:
                    keys.Pop();
                    break;
                case JsonTokenType.PropertyName:
                    lastProperty = reader.GetString()!;
                    RejectNul(lastProperty, reader, lines, path);
                    var seen = keys.Pop() ?? new HashSet<string>(StringComparer.Ordinal);
                    keys.Push(seen);
                    if (!seen.Add(lastProperty))
                        throw new InputException("DQ4005", $"Duplicate key '{lastProperty}'.", lines.At(path, reader.TokenStartIndex));
                    break;
                case JsonTokenType.String:
                    if (reader.ValueIsEscaped) RejectNul(reader.GetString()!, reader, lines, path);
                    lastProperty = null;
                    break;
                default:
                    lastProperty = null;
                    break;
            }
        }
        return starts;
    }

    private static void RejectNul(string text, Utf8JsonReader reader, LineStarts lines, string path)
    {
        if (text.Contains('\0'))
            throw new InputException("DQ4005", "A NUL character (\\u0000) in a string is not supported.", lines.At(path, reader.TokenStartIndex));
    }

    /// <summary>Byte offsets where lines start; a position's line is a binary search, not a rescan from byte 0.</summary>
    private sealed class LineStarts
    {
        private readonly List<long> _starts = [0];

        public LineStarts(byte[] bytes)
        {
            for (var i = bytes.AsSpan().IndexOf((byte)'\n'); i >= 0;)
            {
                _starts.Add(i + 1);
                var next = bytes.AsSpan(i + 1).IndexOf((byte)'\n');
                i = next < 0 ? -1 : i + 1 + next;
            }
        }

        public int LineOf(long offset)
        {
            var index = _starts.BinarySearch(offset);
            return (index >= 0 ? index : ~index - 1) + 1;
        }

        public SourceLocation At(string path, long offset)
        {
            var line = LineOf(offset);
            return new SourceLocation(path, line, (int)(offset - _starts[line - 1]) + 1);
        }
    }
}
