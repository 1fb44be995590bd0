using System.Text.Json.Nodes;
using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Expectations.Readers;

/// <summary>
/// The arguments of an expectation written with <c>type</c>, in JSON and YAML suites alike. GX 1.x writes
/// suites to disk as <c>{"type": ..., "kwargs": {...}, "meta": {...}, "id": ...}</c> (its
/// ExpectationConfigurationSchema); its pydantic expectation models, and most hand-written suites, put the
/// arguments beside <c>type</c>. Both are read; an argument given in both places is an error rather than
/// one silently winning, and a <c>kwargs</c> that is not an object is an error rather than no arguments.
/// </summary>
internal static class TypedExpectationFields
{
    public const string KwargsField = "kwargs";

    /// <summary>A copy of the <c>kwargs</c> object (GX 0.18 and 1.x as GX writes them); empty when there is none.</summary>
    public static JsonObject Nested(JsonObject expectation, SourceLocation location) => expectation[KwargsField] switch
    {
        JsonObject nested => (JsonObject)nested.DeepClone(),
        null => new JsonObject(),
        _ => throw new InputException("DQ4006", "'kwargs' must be an object holding the expectation's arguments.", location),
    };

    /// <summary>The nested <c>kwargs</c> and the fields beside <c>type</c> that are not <paramref name="nonKwargFields"/>.</summary>
    public static JsonObject Kwargs(JsonObject expectation, IReadOnlySet<string> nonKwargFields, SourceLocation location)
    {
        var kwargs = Nested(expectation, location);
        foreach (var (key, value) in expectation)
        {
            if (key == KwargsField || nonKwargFields.Contains(key)) continue;
            if (kwargs.ContainsKey(key))
                throw new InputException("DQ4006", $"'{key}' is given both inside 'kwargs' and beside it; give it once.", location);
            kwargs[key] = value?.DeepClone();
        }
        return kwargs;
    }

    /// <summary>The nodes that hold arguments, for reporting each argument at its own line.</summary>
    public static IEnumerable<KeyValuePair<string, JsonNode?>> ArgumentNodes(JsonObject expectation) =>
        expectation[KwargsField] is JsonObject nested ? expectation.Where(p => p.Key != KwargsField).Concat(nested) : expectation;
}
