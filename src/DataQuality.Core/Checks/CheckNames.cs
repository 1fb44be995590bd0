using System.Globalization;
using DataQuality.Core.Expectations;

namespace DataQuality.Core.Checks;

/// <summary>
/// What a check is called, in one place for every front end: <c>dq validate</c>'s report, the generated
/// theory rows and the hand-written assertions' messages all use <see cref="ExpectationConfig.DisplayName"/>
/// (<c>meta.display_name</c> when set, as contract checks are: <c>orders · order_id · unique</c>), and
/// rows are keyed by a stable string (<c>orders.order_id.unique</c>), unique within the model.
/// </summary>
public static class CheckNames
{
    /// <summary>The check's name, exactly as <c>dq validate</c> prints it.</summary>
    public static string Name(ExpectationConfig config) => config.DisplayName;

    /// <summary>
    /// Stable keys for every check of a model, in order: the name's parts joined by dots (spaces become
    /// underscores) under the model, so <c>orders · order_id · unique</c> is <c>orders.order_id.unique</c>;
    /// a repeated key gets <c>.2</c>, <c>.3</c>. Editing one check never renames another's key.
    /// </summary>
    public static IReadOnlyList<string> Keys(string model, IReadOnlyList<ExpectationConfig> configs)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new List<string>(configs.Count);
        foreach (var config in configs)
        {
            var parts = Name(config).Split(" · ").Select(p => p.Trim().Replace(' ', '_')).Where(p => p.Length > 0).ToList();
            if (parts.Count == 0 || parts[0] != model) parts.Insert(0, model);
            var key = string.Join('.', parts);
            seen[key] = seen.TryGetValue(key, out var n) ? n + 1 : 1;
            keys.Add(seen[key] == 1 ? key : $"{key}.{seen[key].ToString(CultureInfo.InvariantCulture)}");
        }
        return keys;
    }
}
