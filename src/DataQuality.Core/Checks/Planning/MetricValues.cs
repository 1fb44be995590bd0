using System.Text.Json.Nodes;

namespace DataQuality.Core.Checks.Planning;

/// <summary>The row the single scan returned: one value per registered aggregate.</summary>
public sealed class MetricValues
{
    private readonly IReadOnlyDictionary<int, object?> _values;

    public MetricValues(IReadOnlyDictionary<int, object?> values) => _values = values;

    public object? this[MetricHandle handle] => _values.TryGetValue(handle.Index, out var v) ? v is DBNull ? null : v : null;

    public long Long(MetricHandle handle) => DuckValue.ToInt64(this[handle]);

    public double? Double(MetricHandle handle) => DuckValue.ToDouble(this[handle]);

    public JsonNode? Json(MetricHandle handle) => DuckValue.ToJson(this[handle]);
}
