using System.Text.Json.Nodes;
using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Contracts.Model;

/// <summary>Which standard the file was written in. DCS files are up-converted to the ODCS shape on load.</summary>
public enum ContractStandard
{
    Odcs,
    Dcs,
}

/// <summary>
/// A data contract in the ODCS 3.1 model, whichever standard it was written in. Every element keeps
/// the location of the YAML node it came from so checks and messages can point at <c>file(line,col)</c>.
/// </summary>
public sealed record DataContract(
    string Path,
    ContractStandard Standard,
    string? Id,
    string? Version,
    IReadOnlyList<ContractServer> Servers,
    IReadOnlyList<ContractSchema> Schemas,
    IReadOnlyList<SlaProperty> Sla,
    ContractDocument Document)
{
    public SourceLocation Location => new(Path);
}

/// <summary>A server entry: where the data of each model lives (local path/glob or s3 location) and its format.</summary>
public sealed record ContractServer(
    string Name,
    string? Type,
    string? Format,
    string? Path,
    string? Location,
    string? EndpointUrl,
    string? Region,
    string? Delimiter,
    SourceLocation At)
{
    /// <summary>The path or location as written, with <c>{model}</c> and <c>${var}</c> placeholders.</summary>
    public string? Target => Path ?? Location;

    public JsonObject? Node { get; init; }

    /// <summary>Where the path or location value is written (unresolved variables point here).</summary>
    public SourceLocation? TargetAt { get; init; }
}

/// <summary>An ODCS schema object (a DCS model): a table or file set.</summary>
public sealed record ContractSchema(
    string Name,
    string? PhysicalName,
    IReadOnlyList<ContractProperty> Properties,
    IReadOnlyList<QualityRule> Quality,
    IReadOnlyList<string> PrimaryKey,
    SourceLocation At);

/// <summary>An ODCS property (a DCS field) with its constraints (ODCS <c>logicalTypeOptions</c>).</summary>
public sealed record ContractProperty(
    string Name,
    string? LogicalType,
    string? PhysicalType,
    bool Required,
    bool Unique,
    bool PrimaryKey,
    int? PrimaryKeyPosition,
    JsonObject Options,
    JsonArray? Enum,
    IReadOnlyList<QualityRule> Quality,
    SourceLocation At)
{
    /// <summary>The DCS type as written (e.g. <c>timestamp_tz</c>, <c>bytes</c>), when the contract was DCS.</summary>
    public string? DcsType { get; init; }

    /// <summary>Element type of an array property, when declared.</summary>
    public ContractProperty? Items { get; init; }

    /// <summary>Location of each constraint key, so a derived check points at the line declaring it.</summary>
    public IReadOnlyDictionary<string, SourceLocation> OptionLocations { get; init; } = new Dictionary<string, SourceLocation>();
}

/// <summary>An ODCS quality rule (text, sql, custom, or a library metric).</summary>
public sealed record QualityRule(
    string Type,
    string? Metric,
    string? Name,
    string? Description,
    string? Query,
    string? Engine,
    JsonObject Arguments,
    Threshold? Threshold,
    string? Unit,
    string? Severity,
    SourceLocation At);

/// <summary>An ODCS <c>slaProperties</c> entry (DCS <c>servicelevels</c> converted).</summary>
public sealed record SlaProperty(string Property, JsonNode? Value, string? Unit, string? Element, SourceLocation At);
