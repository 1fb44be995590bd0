using System.Text.Json;
using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Comparison;

/// <summary>
/// Reads the seed workflow's <c>manifest.json</c>: <c>layer</c>, <c>entity</c>,
/// <c>record_count</c> and <c>model_versions</c> (an object of name → version, or an array of
/// versions). Other members are ignored.
/// </summary>
public static class ManifestReader
{
    public const string FileName = "manifest.json";

    public static Manifest Read(string path, string displayPath)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new InputException("DQ6020", "A manifest must be a JSON object.", new SourceLocation(displayPath));
            var versions = new SortedDictionary<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("model_versions", out var mv))
            {
                if (mv.ValueKind == JsonValueKind.Object)
                    foreach (var p in mv.EnumerateObject()) versions[p.Name] = Text(p.Value);
                else if (mv.ValueKind == JsonValueKind.Array)
                {
                    var i = 0;
                    foreach (var v in mv.EnumerateArray()) versions[$"[{i++}]"] = Text(v);
                }
            }
            long? count = null;
            if (root.TryGetProperty("record_count", out var rc))
            {
                if (rc.ValueKind == JsonValueKind.Number && rc.TryGetInt64(out var n)) count = n;
                else if (rc.ValueKind != JsonValueKind.Null)
                    throw new InputException("DQ6020", $"record_count must be an integer, not {rc.GetRawText()}.", new SourceLocation(displayPath));
            }
            return new Manifest(String(root, "layer"), String(root, "entity"), count, versions);
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is { } l ? (int)l + 1 : (int?)null;
            throw new InputException("DQ6020", $"Manifest is not valid JSON: {ex.Message}", new SourceLocation(displayPath, line), ex);
        }
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? Text(v) : null;

    private static string Text(JsonElement v) => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText();
}

public sealed record Manifest(string? Layer, string? Entity, long? RecordCount, IReadOnlyDictionary<string, string> ModelVersions);
