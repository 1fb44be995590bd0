using System.Globalization;
using System.Text.Json.Nodes;
using DataQuality.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DataQuality.Core.Yaml;

/// <summary>
/// YAML → JSON nodes (YAML 1.2 core schema for plain scalars), keeping each node's line and column
/// so errors can point at <c>file(line,col)</c>. Malformed YAML is an <see cref="InputException"/>
/// naming the file and position.
/// </summary>
public static class YamlJson
{
    public static YamlDocumentWithPositions Load(string text, string path)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new InputException("DQ1000", $"Malformed YAML: {ex.InnerException?.Message ?? ex.Message}",
                new SourceLocation(path, (int)ex.Start.Line, (int)ex.Start.Column), ex);
        }
        if (stream.Documents.Count == 0)
            throw new InputException("DQ1000", "The YAML file is empty.", new SourceLocation(path));
        var positions = new Dictionary<JsonNode, SourceLocation>(ReferenceEqualityComparer.Instance);
        var root = Convert(stream.Documents[0].RootNode, path, positions);
        return new YamlDocumentWithPositions(root, positions, path);
    }

    private static JsonNode? Convert(YamlNode node, string path, Dictionary<JsonNode, SourceLocation> positions)
    {
        JsonNode? result;
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (key, value) in map.Children)
                {
                    var name = key is YamlScalarNode s ? s.Value ?? "" : key.ToString();
                    if (obj.ContainsKey(name))
                        throw new InputException("DQ1002", $"Duplicate key '{name}'.", At(key, path));
                    obj[name] = Convert(value, path, positions);
                }
                result = obj;
                break;
            case YamlSequenceNode seq:
                result = new JsonArray(seq.Children.Select(c => Convert(c, path, positions)).ToArray());
                break;
            case YamlScalarNode scalar:
                result = Scalar(scalar);
                break;
            default:
                throw new InputException("DQ1003", "YAML aliases and tags other than plain values are not supported here.", At(node, path));
        }
        if (result is not null) positions[result] = At(node, path);
        return result;
    }

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
            return JsonValue.Create(text);
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

    private static bool LooksNumeric(string text) =>
        text.Length > 0 && (char.IsDigit(text[0]) || (text.Length > 1 && text[0] is '-' or '+' or '.' && (char.IsDigit(text[1]) || text[1] == '.')));

    private static SourceLocation At(YamlNode node, string path) => new(path, (int)node.Start.Line, (int)node.Start.Column);
}

/// <summary>A YAML document as JSON nodes with the position of every node.</summary>
public sealed record YamlDocumentWithPositions(JsonNode? Root, IReadOnlyDictionary<JsonNode, SourceLocation> Positions, string Path)
{
    public SourceLocation LocationOf(JsonNode? node) =>
        node is not null && Positions.TryGetValue(node, out var location) ? location : new SourceLocation(Path);
}
