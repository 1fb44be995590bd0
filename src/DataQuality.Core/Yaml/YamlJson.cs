using System.Globalization;
using System.Text.Json.Nodes;
using DataQuality.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace DataQuality.Core.Yaml;

/// <summary>
/// YAML → JSON nodes (YAML 1.2 core schema for plain scalars), keeping each node's line and column
/// so errors can point at <c>file(line,col)</c>. Malformed YAML is an <see cref="InputException"/>
/// naming the file and position.
/// </summary>
/// <remarks>
/// Built from the parser's events rather than YamlDotNet's node tree, so the limits hold before
/// anything is expanded or recursed into (docs/security.md, "Suites and contracts: parsing limits"):
/// one document per file, nesting at most <see cref="MaxDepth"/> levels, and no anchors, aliases or
/// tags (an alias is rejected where it is written, so a billion-laughs file fails at its first
/// anchor instead of expanding).
/// </remarks>
public static class YamlJson
{
    /// <summary>Deepest nesting of mappings and sequences accepted (the same limit as System.Text.Json's default).</summary>
    public const int MaxDepth = 64;

    public static YamlDocumentWithPositions Load(string text, string path)
    {
        var positions = new Dictionary<JsonNode, SourceLocation>(ReferenceEqualityComparer.Instance);
        var builder = new Builder(path, positions);
        var parser = new Parser(new StringReader(text));
        var documents = 0;
        try
        {
            while (parser.MoveNext())
            {
                var ev = parser.Current!;
                switch (ev)
                {
                    case DocumentStart start:
                        if (++documents > 1)
                            throw new InputException("DQ1000",
                                "A second YAML document ('---'): a suite or contract file holds one document; split it into files.", At(start, path));
                        break;
                    case AnchorAlias alias:
                        throw new InputException("DQ1003", $"YAML alias '*{alias.Value}' is not supported: write the value out.", At(alias, path));
                    case NodeEvent node:
                        if (!node.Anchor.IsEmpty)
                            throw new InputException("DQ1003", $"YAML anchor '&{node.Anchor}' is not supported: write the value out.", At(node, path));
                        if (!node.Tag.IsEmpty)
                            throw new InputException("DQ1003", $"YAML tag '{node.Tag}' is not supported: write a plain value.", At(node, path));
                        builder.Add(node);
                        break;
                    case MappingEnd or SequenceEnd:
                        builder.Close();
                        break;
                }
            }
        }
        catch (YamlException ex)
        {
            throw new InputException("DQ1000", $"Malformed YAML: {ex.InnerException?.Message ?? ex.Message}",
                new SourceLocation(path, (int)ex.Start.Line, (int)ex.Start.Column), ex);
        }
        if (documents == 0)
            throw new InputException("DQ1000", "The YAML file is empty.", new SourceLocation(path));
        return new YamlDocumentWithPositions(builder.Root, positions, path);
    }

    /// <summary>Assembles JSON nodes from node events with an explicit stack (no recursion, bounded depth).</summary>
    private sealed class Builder(string path, Dictionary<JsonNode, SourceLocation> positions)
    {
        private readonly Stack<Frame> _open = new();

        public JsonNode? Root { get; private set; }

        public void Add(NodeEvent ev)
        {
            var location = At(ev, path);
            var parent = _open.Count > 0 ? _open.Peek() : null;
            if (parent is { Container: JsonObject, Key: null })
            {
                if (ev is not Scalar keyScalar)
                    throw new InputException("DQ1000", "Malformed YAML: a mapping key must be a single value, not a mapping or list.", location);
                var key = keyScalar.Value;
                RejectNul(key, location);
                if (((JsonObject)parent.Container).ContainsKey(key))
                    throw new InputException("DQ1000", $"Malformed YAML: Duplicate key {key}", location);
                parent.Key = key;
                return;
            }

            JsonNode? node = ev switch
            {
                MappingStart => new JsonObject(),
                SequenceStart => new JsonArray(),
                Scalar scalar => Scalar(scalar, location),
                _ => throw new InputException("DQ1000", $"Malformed YAML: unexpected {ev.GetType().Name}.", location),
            };
            if (node is not null) positions[node] = location;
            switch (parent?.Container)
            {
                case null: Root = node; break;
                case JsonArray array: array.Add(node); break;
                case JsonObject obj: obj[parent.Key!] = node; parent.Key = null; break;
            }
            if (node is JsonObject or JsonArray)
            {
                if (_open.Count >= MaxDepth)
                    throw new InputException("DQ1000", $"YAML nested deeper than {MaxDepth} levels.", location);
                _open.Push(new Frame(node));
            }
        }

        public void Close() => _open.Pop();

        private sealed class Frame(JsonNode container)
        {
            public JsonNode Container { get; } = container;
            public string? Key { get; set; }
        }
    }

    private static JsonNode? Scalar(Scalar scalar, SourceLocation location)
    {
        var text = scalar.Value;
        RejectNul(text, location);
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
            return JsonValue.Create(text);
        return PlainScalar(text);
    }

    /// <summary>What an unquoted scalar reads as (null, a boolean, a number, or text); <see cref="YamlTreeWriter"/> quotes any text that would not read back as itself.</summary>
    internal static JsonNode? PlainScalar(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL": return null;
            case "true" or "True" or "TRUE": return JsonValue.Create(true);
            case "false" or "False" or "FALSE": return JsonValue.Create(false);
        }
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return JsonValue.Create(l);
        if (LooksNumeric(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return JsonValue.Create(d);
        return text switch
        {
            ".inf" or ".Inf" or "+.inf" => JsonValue.Create("Infinity"),
            "-.inf" or "-.Inf" => JsonValue.Create("-Infinity"),
            ".nan" or ".NaN" => JsonValue.Create("NaN"),
            _ => JsonValue.Create(text),
        };
    }

    /// <summary>A NUL would end the text early wherever it is handed on (SQL, C strings, logs): refuse it where it is written.</summary>
    private static void RejectNul(string text, SourceLocation location)
    {
        if (text.Contains('\0'))
            throw new InputException("DQ1000", "A NUL character (\\0) in a value is not supported.", location);
    }

    private static bool LooksNumeric(string text) =>
        text.Length > 0 && (char.IsDigit(text[0]) || (text.Length > 1 && text[0] is '-' or '+' or '.' && (char.IsDigit(text[1]) || text[1] == '.')));

    private static SourceLocation At(ParsingEvent ev, string path) => new(path, (int)ev.Start.Line, (int)ev.Start.Column);
}

/// <summary>A YAML document as JSON nodes with the position of every node.</summary>
public sealed record YamlDocumentWithPositions(JsonNode? Root, IReadOnlyDictionary<JsonNode, SourceLocation> Positions, string Path)
{
    public SourceLocation LocationOf(JsonNode? node) =>
        node is not null && Positions.TryGetValue(node, out var location) ? location : new SourceLocation(Path);
}
