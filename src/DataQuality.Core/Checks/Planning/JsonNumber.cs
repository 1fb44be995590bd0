using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataQuality.Core.Checks.Planning;

/// <summary>
/// Reads a number from a JSON node whatever CLR type backs it: nodes built from DuckDB values
/// hold long/double/decimal, parsed nodes hold JsonElement, and GetValue&lt;double&gt; on a long throws.
/// </summary>
public static class JsonNumber
{
    public static bool TryGetDouble(JsonNode? node, out double value)
    {
        value = 0;
        if (node is not JsonValue v) return false;
        if (v.TryGetValue(out double d)) { value = d; return true; }
        if (v.TryGetValue(out long l)) { value = l; return true; }
        if (v.TryGetValue(out int i)) { value = i; return true; }
        if (v.TryGetValue(out decimal m)) { value = (double)m; return true; }
        if (v.TryGetValue(out ulong u)) { value = u; return true; }
        if (v.TryGetValue(out float f)) { value = f; return true; }
        if (v.TryGetValue(out JsonElement e) && e.ValueKind == JsonValueKind.Number) { value = e.GetDouble(); return true; }
        return false;
    }
}
