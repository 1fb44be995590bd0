using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataQuality.Core.Diagnostics;

namespace DataQuality.Reports.Input;

/// <summary>
/// Tolerant accessors over parsed result JSON. Numbers are read whether written as JSON numbers or
/// as the strings <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c> (how non-finite values are spelled
/// when strict JSON has no number for them); a missing member reads as null.
/// </summary>
internal static class JsonRead
{
    public static JsonNode Parse(string json, string source)
    {
        try
        {
            return JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip })
                ?? throw Bad(source, "it is empty (null)");
        }
        catch (JsonException ex)
        {
            throw new InputException(ReportErrors.BadResultJson, $"'{source}' is not valid JSON: {ex.Message}", new SourceLocation(source, (int?)ex.LineNumber + 1));
        }
    }

    public static InputException Bad(string source, string why) =>
        new(ReportErrors.BadResultJson, $"'{source}' cannot be read: {why}.", new SourceLocation(source));

    public static string? Str(JsonNode? node) => node is JsonValue v
        ? v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.Null => null,
            _ => v.ToJsonString(),
        }
        : null;

    public static string Str(JsonNode? node, string fallback) => Str(node) ?? fallback;

    public static double? Num(JsonNode? node)
    {
        if (node is not JsonValue v) return null;
        switch (v.GetValueKind())
        {
            case JsonValueKind.Number:
                return v.TryGetValue<double>(out var d) ? d : double.Parse(v.ToJsonString(), CultureInfo.InvariantCulture);
            case JsonValueKind.String:
                var s = v.GetValue<string>();
                return s switch
                {
                    "NaN" => double.NaN,
                    "Infinity" or "+Infinity" => double.PositiveInfinity,
                    "-Infinity" => double.NegativeInfinity,
                    _ => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) ? p : null,
                };
            default:
                return null;
        }
    }

    public static long Long(JsonNode? node) => LongOrNull(node) ?? 0;

    public static long? LongOrNull(JsonNode? node) => Num(node) is { } d && double.IsFinite(d) ? (long)d : null;

    public static bool Bool(JsonNode? node, bool fallback = false) =>
        node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? v.GetValue<bool>() : fallback;

    public static bool? BoolOrNull(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? v.GetValue<bool>() : null;

    public static IEnumerable<JsonNode> Items(JsonNode? node) => node is JsonArray a ? a.Where(n => n is not null).Select(n => n!) : [];

    public static List<string> Strings(JsonNode? node) => Items(node).Select(n => Str(n) ?? "").ToList();
}
