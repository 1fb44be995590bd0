using System.Text.Json.Nodes;
using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Expectations;

/// <summary>
/// One expectation as declared: its GX type name (e.g. <c>expect_column_values_to_be_between</c>),
/// its keyword arguments exactly as written (JSON values, so GX suites round-trip unchanged),
/// severity, free-form meta and where it was declared.
/// </summary>
public sealed record ExpectationConfig(
    string Type,
    JsonObject Kwargs,
    Severity Severity = Severity.Error,
    JsonObject? Meta = null,
    SourceLocation? Location = null)
{
    /// <summary>The <c>column</c> kwarg when present (used for naming and reporting).</summary>
    public string? Column => Kwargs["column"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>Where each argument was written (YAML and JSON readers record them), for diagnostics that point at the argument's line.</summary>
    public IReadOnlyDictionary<string, SourceLocation>? ArgumentLocations { get; init; }

    /// <summary>The argument's own position when known, else the expectation's.</summary>
    public SourceLocation? ArgumentLocation(string name) =>
        ArgumentLocations is { } locations && locations.TryGetValue(name, out var at) ? at : Location;

    /// <summary>
    /// A short human label: <c>meta.display_name</c> when the producer set one (contract checks read
    /// like <c>orders · order_id · unique</c>), else <c>amount · expect_column_values_to_be_between</c>.
    /// </summary>
    public string DisplayName => Meta?["display_name"] is JsonValue name && name.TryGetValue<string>(out var text)
        ? text
        : Column is null ? Type : $"{Column} · {Type}";
}
