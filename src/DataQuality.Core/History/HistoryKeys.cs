using DataQuality.Core.Expectations;

namespace DataQuality.Core.History;

/// <summary>
/// The key a check's metrics are stored and looked up under. A history check
/// (<c>dq_metric_within_history</c>) uses its metric key (<c>row_count</c>, <c>mean(amount)</c>, or
/// its <c>key</c> kwarg), so a later run finds the value an earlier run recorded. Other checks use
/// <c>type(column)</c>; a row_condition is part of the key, and repeats get <c>#2</c>, <c>#3</c>.
/// </summary>
public static class HistoryKeys
{
    public static IReadOnlyList<string> For(IReadOnlyList<ExpectationConfig> configs)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new List<string>(configs.Count);
        foreach (var config in configs)
        {
            var key = Base(config);
            seen[key] = seen.TryGetValue(key, out var n) ? n + 1 : 1;
            keys.Add(seen[key] == 1 ? key : $"{key}#{seen[key]}");
        }
        return keys;
    }

    private static string Base(ExpectationConfig config)
    {
        if (config.Type == Expectations.Catalog.History.DqMetricWithinHistory.TypeName)
            return Expectations.Catalog.History.DqMetricWithinHistory.KeyOf(config);
        var key = config.Column is { } column ? $"{config.Type}({column})" : config.Type;
        return WithCondition(key, config);
    }

    internal static string WithCondition(string key, ExpectationConfig config) =>
        config.Kwargs["row_condition"] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var condition) && !string.IsNullOrWhiteSpace(condition)
            ? $"{key} where {condition.Trim()}"
            : key;
}
