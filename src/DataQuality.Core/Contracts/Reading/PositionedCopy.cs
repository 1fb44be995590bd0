using System.Text.Json.Nodes;
using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Contracts.Reading;

/// <summary>Deep copies of JSON nodes that keep the source position of every copied node.</summary>
internal sealed class PositionedCopy
{
    private readonly Dictionary<JsonNode, SourceLocation> _positions;

    public PositionedCopy(Dictionary<JsonNode, SourceLocation> positions) => _positions = positions;

    public JsonNode? Copy(JsonNode? node)
    {
        if (node is null) return null;
        JsonNode copy = node switch
        {
            JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Copy(p.Value)))),
            JsonArray a => new JsonArray(a.Select(Copy).ToArray()),
            _ => node.DeepClone(),
        };
        if (_positions.TryGetValue(node, out var location)) _positions[copy] = location;
        return copy;
    }

    /// <summary>Where <paramref name="node"/> was written, when it was read from the file.</summary>
    public SourceLocation? LocationOf(JsonNode? node) => node is not null && _positions.TryGetValue(node, out var location) ? location : null;

    /// <summary>Gives a new node the position of the node it was made from.</summary>
    public T At<T>(T node, JsonNode? from) where T : JsonNode
    {
        if (from is not null && _positions.TryGetValue(from, out var location)) _positions[node] = location;
        return node;
    }
}
