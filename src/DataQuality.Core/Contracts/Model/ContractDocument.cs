using System.Text.Json.Nodes;
using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Contracts.Model;

/// <summary>
/// A contract file as JSON nodes: <see cref="Original"/> as written and <see cref="Root"/> in the ODCS
/// shape (the same object for ODCS files; an up-converted copy for DCS). Nodes of both trees map
/// to the line and column they were written at.
/// </summary>
public sealed class ContractDocument
{
    private readonly Dictionary<JsonNode, SourceLocation> _positions;

    public ContractDocument(string path, ContractStandard standard, JsonObject original, JsonObject root, Dictionary<JsonNode, SourceLocation> positions)
    {
        Path = path;
        Standard = standard;
        Original = original;
        Root = root;
        _positions = positions;
    }

    public string Path { get; }
    public ContractStandard Standard { get; }
    public JsonObject Original { get; }
    public JsonObject Root { get; }

    public SourceLocation LocationOf(JsonNode? node) =>
        node is not null && _positions.TryGetValue(node, out var location) ? location : new SourceLocation(Path);

    /// <summary>Location of the value under <paramref name="key"/>, else of the owning object.</summary>
    public SourceLocation LocationOf(JsonObject owner, string key) =>
        owner.TryGetPropertyValue(key, out var value) && value is not null ? LocationOf(value) : LocationOf(owner);

    internal void Remember(JsonNode node, SourceLocation location) => _positions[node] = location;
}
