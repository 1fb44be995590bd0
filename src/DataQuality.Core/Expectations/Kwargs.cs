using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataQuality.Core.Expectations;

/// <summary>
/// Typed, validating access to an expectation's kwargs. A wrong type is an
/// <see cref="ExpectationArgumentException"/> naming the kwarg and what was expected.
/// </summary>
public sealed class Kwargs
{
    private readonly ExpectationConfig _config;
    private readonly Checks.Planning.ExpectationDefinition? _definition;

    public Kwargs(ExpectationConfig config)
    {
        _config = config;
        _definition = ExpectationCatalog.TryGet(config.Type, out var definition) ? definition : null;
    }

    public JsonObject Raw => _config.Kwargs;

    /// <summary>Values of the suite's run-time parameters (<see cref="ExpectationSuite.Parameters"/>); null: only <c>DQ_VAR_name</c>.</summary>
    public Settings.VariableValues? Parameters { get; init; }

    /// <summary>Where argument <paramref name="name"/> is written (its line when the reader kept it), else the expectation's.</summary>
    public Diagnostics.SourceLocation? LocationOf(string name) => _config.ArgumentLocation(name);

    public bool Has(string name) => Node(name) is not null;

    /// <summary>
    /// The argument as written. Reading an argument the definition does not declare is a bug (the
    /// declaration is what lint checks suites against, so it must list everything the engine reads).
    /// </summary>
    public JsonNode? Node(string name)
    {
        if (_definition is not null && !Arguments.ExpectationArguments.Declares(_definition, name))
            throw new InvalidOperationException($"{_definition.GetType().Name} reads argument '{name}' without declaring it in Arguments.");
        return _config.Kwargs.TryGetPropertyValue(name, out var node) ? node : null;
    }

    public string RequiredString(string name) =>
        OptionalString(name) ?? throw Missing(name, "a string");

    /// <summary>The kwarg when it is a string, else null (missing or mistyped kwargs are the planner's to report).</summary>
    public string? StringIfPresent(string name) =>
        Node(name) is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public string? OptionalString(string name)
    {
        var node = Node(name);
        if (node is null) return null;
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String) return v.GetValue<string>();
        throw WrongType(name, "a string", node);
    }

    public double? OptionalNumber(string name)
    {
        var node = Node(name);
        if (node is null) return null;
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && Checks.Planning.JsonNumber.TryGetDouble(v, out var d)) return d;
        throw WrongType(name, "a number", node);
    }

    public double RequiredNumber(string name) => OptionalNumber(name) ?? throw Missing(name, "a number");

    public bool Bool(string name, bool defaultValue)
    {
        var node = Node(name);
        if (node is null) return defaultValue;
        if (node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False) return v.GetValue<bool>();
        throw WrongType(name, "true or false", node);
    }

    /// <summary>GX <c>mostly</c>: a fraction in [0, 1], default 1.</summary>
    public double Mostly()
    {
        var mostly = OptionalNumber("mostly") ?? 1.0;
        if (mostly is < 0 or > 1)
            throw new ExpectationArgumentException("DQ4103", $"'mostly' must be between 0 and 1, got {mostly.ToString(CultureInfo.InvariantCulture)}.", _config.Location);
        return mostly;
    }

    public JsonArray RequiredArray(string name) => OptionalArray(name) ?? throw Missing(name, "a list");

    public JsonArray? OptionalArray(string name)
    {
        var node = Node(name);
        return node switch
        {
            null => null,
            JsonArray a => a,
            _ => throw WrongType(name, "a list", node),
        };
    }

    public IReadOnlyList<string> RequiredStringList(string name) =>
        RequiredArray(name).Select((n, i) => n is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : throw WrongType($"{name}[{i}]", "a string", n)).ToList();

    public ExpectationArgumentException Missing(string name, string what) =>
        new("DQ4101", $"{_config.Type}: required kwarg '{name}' ({what}) is missing.", _config.Location);

    public ExpectationArgumentException WrongType(string name, string what, JsonNode? node) =>
        new("DQ4102", $"{_config.Type}: kwarg '{name}' must be {what}, got {Describe(node)}.", _config.Location);

    public ExpectationArgumentException Invalid(string message) => new("DQ4104", $"{_config.Type}: {message}", _config.Location);

    internal static string Describe(JsonNode? node) => node is null ? "null" : $"{node.GetValueKind().ToString().ToLowerInvariant()} {node.ToJsonString()}";
}
