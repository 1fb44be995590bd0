using System.ComponentModel;
using System.Text.Json.Nodes;
using DataQuality.Core.Expectations;
using Xunit;

namespace DataQuality.Xunit.Sdk;

/// <summary>
/// Theory rows for the checks of one dataset: the data is the check's stable key (<c>orders.order_id.unique</c>),
/// the display name is Core's name for the check, exactly as <c>dq validate</c> prints it; traits for filtering.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SuiteRows
{
    public static IEnumerable<ITheoryDataRow> For(string model, ExpectationSuite suite)
    {
        var keys = Core.Checks.CheckNames.Keys(model, suite.Expectations);
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
            yield return new TheoryDataRow<string>(keys[i]) { TestDisplayName = Core.Checks.CheckNames.Name(config), Traits = traits };
        }
    }

    /// <summary>The index of the check a row's key names; -1 (a failing row) when no check has it.</summary>
    public static int IndexOf(string model, ExpectationSuite suite, string key)
    {
        var keys = Core.Checks.CheckNames.Keys(model, suite.Expectations);
        for (var i = 0; i < keys.Count; i++)
            if (keys[i] == key) return i;
        return -1;
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
