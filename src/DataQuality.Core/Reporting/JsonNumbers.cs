using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace DataQuality.Core.Reporting;

/// <summary>
/// The one rule for numbers in every JSON dq writes. JSON has no number for NaN or the
/// infinities, and <c>null</c> already means "not applicable" (a string column's max difference),
/// so they are written as the strings <c>"NaN"</c>, <c>"Infinity"</c> and <c>"-Infinity"</c>:
/// System.Text.Json's named literals, which it reads back with
/// <see cref="JsonNumberHandling.AllowNamedFloatingPointLiterals"/> (as does pandas' and Python's
/// json with a parse_constant hook).
/// </summary>
public static class JsonNumbers
{
    /// <summary>The string for a non-finite double; null for a finite one.</summary>
    public static string? NonFinite(double value) =>
        double.IsNaN(value) ? "NaN" : double.IsPositiveInfinity(value) ? "Infinity" : double.IsNegativeInfinity(value) ? "-Infinity" : null;

    /// <summary>A JSON node for a double: a number, or the non-finite string.</summary>
    public static JsonNode ToNode(double value) => NonFinite(value) is { } text ? JsonValue.Create(text) : JsonValue.Create(value);

    /// <summary>
    /// Writes the property <paramref name="name"/>: a finite value as the raw JSON number
    /// <paramref name="format"/> gives (default: round-trip text), a non-finite one as its string.
    /// </summary>
    public static void Write(Utf8JsonWriter writer, string name, double value, Func<double, string>? format = null)
    {
        if (NonFinite(value) is { } text)
        {
            writer.WriteString(name, text);
            return;
        }
        writer.WritePropertyName(name);
        if (format is null) writer.WriteNumberValue(value);
        else writer.WriteRawValue(format(value));
    }

    /// <summary>
    /// Options for writing JSON node trees (validation results, history): indented, readable
    /// Unicode, and any double that is not finite written by the rule above rather than throwing.
    /// </summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    /// <summary>As <see cref="Indented"/>, on one line (history files are JSON Lines).</summary>
    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = indented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
        // Node trees need no type metadata; an empty resolver (not the reflection one) keeps it so under NativeAOT.
        options.TypeInfoResolver = JsonTypeInfoResolver.Combine();
        options.MakeReadOnly();
        return options;
    }
}
