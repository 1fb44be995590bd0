using System.Text.Json.Nodes;
using DataQuality.Core.Expectations;
using Xunit;

namespace DataQuality.Xunit;

/// <summary>Theory rows for the checks of one dataset: argument = the check's index, display name <c>orders · order_id · unique</c>, traits for filtering.</summary>
public static class SuiteRows
{
    public static IEnumerable<ITheoryDataRow> For(string model, ExpectationSuite suite)
    {
        var names = CheckNames.DisplayAll(model, suite.Expectations);
        for (var i = 0; i < suite.Expectations.Count; i++)
        {
            var config = suite.Expectations[i];
            var traits = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
            void Add(string name, string? value)
            {
                if (string.IsNullOrWhiteSpace(value)) return;
                if (!traits.TryGetValue(name, out var set)) traits[name] = set = new HashSet<string>(StringComparer.Ordinal);
                set.Add(value);
            }
            Add("model", model);
            Add("column", config.Column);
            Add("expectation", ExpectationCatalog.Normalize(config.Type));
            Add("severity", config.Severity.ToString().ToLowerInvariant());
            Add("dimension", MetaString(config.Meta, "dimension"));
            foreach (var tag in MetaStrings(config.Meta, "tags")) Add("tag", tag);
            yield return new TheoryDataRow<int>(i) { TestDisplayName = names[i], Traits = traits };
        }
    }

    private static string? MetaString(JsonObject? meta, string key) =>
        meta?[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static IEnumerable<string> MetaStrings(JsonObject? meta, string key) => meta?[key] switch
    {
        JsonArray array => array.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : v.ToJsonString()),
        JsonValue value when value.TryGetValue<string>(out var s) => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        _ => [],
    };
}
