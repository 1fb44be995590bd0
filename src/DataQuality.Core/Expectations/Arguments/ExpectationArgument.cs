using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataQuality.Core.Expectations.Arguments;

/// <summary>
/// One declared argument of an expectation (as GX 1.x declares typed fields): its name, what its value
/// must be, whether it is required and the default it takes when absent (as shown in docs/suites.md).
/// </summary>
public sealed record ExpectationArgument(string Name, ArgumentKind Kind, string Description)
{
    public bool Required { get; init; }

    /// <summary>The value used when the argument is absent, as written in a suite (<c>1</c>, <c>false</c>, <c>any</c>); null for none.</summary>
    public string? Default { get; init; }

    public static ExpectationArgument Require(string name, ArgumentKind kind, string description) => new(name, kind, description) { Required = true };

    public static ExpectationArgument Optional(string name, ArgumentKind kind, string description, string? defaultValue = null) =>
        new(name, kind, description) { Default = defaultValue };

    /// <summary>Whether <paramref name="value"/> (never JSON null: null means absent) has this argument's kind.</summary>
    public bool Accepts(JsonNode value) => Kind switch
    {
        ArgumentKind.String => IsKind(value, JsonValueKind.String),
        ArgumentKind.Number => IsKind(value, JsonValueKind.Number),
        // Whole numbers are checked by the definition, with GX's wording ("not a valid integer", DQ4701).
        ArgumentKind.Integer => value is JsonValue,
        ArgumentKind.Boolean => value is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        ArgumentKind.List => value is JsonArray,
        ArgumentKind.StringList => value is JsonArray list && list.All(item => item is not null && IsKind(item, JsonValueKind.String)),
        ArgumentKind.Object => value is JsonObject,
        _ => true,
    };

    /// <summary>The kind as a reader says it: <c>a number</c>, <c>a list of strings</c>.</summary>
    public string KindText => Kind switch
    {
        ArgumentKind.String => "a string",
        ArgumentKind.Number => "a number",
        ArgumentKind.Integer => "an integer",
        ArgumentKind.Boolean => "true or false",
        ArgumentKind.List => "a list",
        ArgumentKind.StringList => "a list of strings",
        ArgumentKind.Object => "a mapping",
        ArgumentKind.Bound => "a number, a date or a string",
        _ => "any value",
    };

    private static bool IsKind(JsonNode node, JsonValueKind kind) => node is JsonValue v && v.GetValueKind() == kind;
}
