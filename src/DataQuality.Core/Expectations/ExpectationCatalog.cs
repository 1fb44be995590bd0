using System.Collections.Frozen;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Expectations;

/// <summary>
/// Every expectation type the engine knows (<see cref="ExpectationList"/>: adding an expectation is adding its
/// file and one line there). Names are GX snake_case; GX 1.x class
/// names (<c>ExpectColumnValuesToBeBetween</c>) are accepted too.
/// </summary>
public static class ExpectationCatalog
{
    private static readonly Lazy<FrozenDictionary<string, ExpectationDefinition>> Definitions = new(Load);

    public static IEnumerable<ExpectationDefinition> All => Definitions.Value.Values.Distinct().OrderBy(d => d.Type, StringComparer.Ordinal);

    public static bool TryGet(string type, out ExpectationDefinition definition) =>
        Definitions.Value.TryGetValue(Normalize(type), out definition!);

    public static ExpectationDefinition Get(string type, SourceLocation? location = null)
    {
        if (TryGet(type, out var definition)) return definition;
        var suggestion = EditDistance.Suggest(Normalize(type), Definitions.Value.Keys);
        throw new InputException("DQ4001",
            $"Unknown expectation type '{type}'" + (suggestion is null ? "." : $"; did you mean '{suggestion}'?"), location);
    }

    /// <summary><c>ExpectColumnValuesToBeBetween</c> → <c>expect_column_values_to_be_between</c>.</summary>
    public static string Normalize(string type)
    {
        if (type.Contains('_') || type.Length == 0 || !char.IsUpper(type[0])) return type;
        var sb = new System.Text.StringBuilder();
        foreach (var c in type)
        {
            if (char.IsUpper(c) && sb.Length > 0) sb.Append('_');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    private static FrozenDictionary<string, ExpectationDefinition> Load()
    {
        var map = new Dictionary<string, ExpectationDefinition>(StringComparer.Ordinal);
        foreach (var definition in ExpectationList.Create())
        {
            foreach (var name in definition.Aliases.Prepend(definition.Type))
                if (!map.TryAdd(name, definition))
                    throw new InvalidOperationException($"Expectation name '{name}' is defined twice ({map[name].GetType().Name}, {definition.GetType().Name}).");
        }
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
