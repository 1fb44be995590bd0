namespace DataQuality.Core.Contracts.Model;

/// <summary>
/// The type names a contract may use: ODCS logical types and DCS field types. One list for lint
/// (DQ1018) and for the parser validate runs, so an unknown type is the same error in both instead
/// of a property silently validated without its type check.
/// </summary>
public static class ContractTypes
{
    public static readonly IReadOnlyList<string> OdcsLogicalTypes = ["string", "date", "timestamp", "time", "number", "integer", "object", "array", "boolean"];

    public static readonly IReadOnlyList<string> DcsTypes =
        ["string", "text", "varchar", "char", "number", "decimal", "numeric", "int", "integer", "long", "bigint", "float", "double", "boolean", "bool",
         "timestamp", "timestamp_tz", "timestamp_ntz", "datetime", "date", "time", "array", "map", "bytes", "binary", "object", "record", "struct", "variant", "json", "null"];

    public static bool IsOdcsLogicalType(string name) => OdcsLogicalTypes.Contains(name);

    public static bool IsDcsType(string name) => DcsTypes.Contains(name.ToLowerInvariant());
}
