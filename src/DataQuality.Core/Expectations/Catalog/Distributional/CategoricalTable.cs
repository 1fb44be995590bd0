using System.Text.Json.Nodes;
using DataQuality.Core.Checks.Planning;

namespace DataQuality.Core.Expectations.Catalog.Distributional;

/// <summary>
/// The outer join of a categorical partition's values with the column's value counts, in GX's
/// order (the partition's values first, then values only the data has, sorted), with expected
/// weights (null where a value was not expected) and observed counts (0 where not observed).
/// </summary>
public sealed class CategoricalTable
{
    private CategoricalTable(List<JsonNode?> values, List<double?> expected, List<double> observed)
    {
        Values = values;
        Expected = expected;
        Observed = observed;
    }

    public IReadOnlyList<JsonNode?> Values { get; }
    public IReadOnlyList<double?> Expected { get; }
    public IReadOnlyList<double> Observed { get; }

    public static CategoricalTable Build(SchemaColumn column, PartitionObject partition, IReadOnlyList<(object Value, long Count)> counts)
    {
        var keys = new ValueKeys(column);
        var values = new List<JsonNode?>();
        var expected = new List<double?>();
        var observed = new List<double>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < partition.Values!.Length; i++)
        {
            index[keys.OfJson(partition.Values[i])] = values.Count;
            values.Add(partition.Values[i]?.DeepClone());
            expected.Add(partition.Weights[i]);
            observed.Add(0);
        }
        foreach (var (value, count) in counts)
        {
            if (index.TryGetValue(keys.OfValue(value), out var at)) { observed[at] += count; continue; }
            values.Add(DuckValue.ToJson(value));
            expected.Add(null);
            observed.Add(count);
        }
        return new CategoricalTable(values, expected, observed);
    }

    /// <summary>Expected weights with values not in the partition sharing <paramref name="holdout"/> (the others scaled by 1 - holdout); without unexpected values, unchanged.</summary>
    public double[] ExpectedWithHoldout(double holdout)
    {
        var missing = Expected.Count(e => e is null);
        if (missing == 0) return Expected.Select(e => e!.Value).ToArray();
        return Expected.Select(e => e is { } w ? w * (1 - holdout) : holdout / missing).ToArray();
    }

    public JsonArray ValuesJson() => new(Values.Select(v => v?.DeepClone()).ToArray());
}
