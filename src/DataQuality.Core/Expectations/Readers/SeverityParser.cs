using System.Text.Json;
using System.Text.Json.Nodes;
using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Expectations.Readers;

/// <summary>
/// Severity as written by us (<c>error|warn</c>), by GX 1.x (<c>critical|warning|info</c>) or by
/// ODCS/dbt (<c>fail|warning</c>). Unknown words are an error, not a silent default.
/// </summary>
public static class SeverityParser
{
    public static Severity Parse(JsonNode? node, SourceLocation? location)
    {
        if (node is null) return Severity.Error;
        var text = node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : node.ToJsonString();
        return text.Trim().ToLowerInvariant() switch
        {
            "error" or "critical" or "fail" or "failure" => Severity.Error,
            "warn" or "warning" or "info" => Severity.Warn,
            _ => throw new InputException("DQ4004", $"Unknown severity '{text}': use error or warn.", location),
        };
    }
}
