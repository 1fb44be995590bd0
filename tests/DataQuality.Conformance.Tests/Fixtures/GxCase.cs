using System.Text.Json.Nodes;

namespace DataQuality.Conformance.Tests.Fixtures;

/// <summary>Which backends a GX fixture case is meant for, seen from a DuckDB (SQL) engine.</summary>
public enum CaseScope
{
    /// <summary>No only_for / suppress_test_for at dataset or case level: every GX backend must pass it.</summary>
    Neutral,

    /// <summary>Tagged, but GX runs it on a SQL backend we claim equivalence with (sqlalchemy, sqlite, postgresql).</summary>
    SqlTagged,

    /// <summary>Tagged for pandas, spark or other SQL dialects only: not run here.</summary>
    OtherBackends,
}

/// <summary>One named table of a fixture dataset (multi-table datasets have several; the first is the batch).</summary>
public sealed record GxTable(string Name, JsonObject Data, JsonObject? Schemas);

/// <summary>
/// One test case of a GX fixture file, with the dataset it runs on and how it was classified.
/// <see cref="Backend"/> is the GX backend whose schema hints build the table (postgresql first, then sqlite).
/// </summary>
public sealed record GxCase(
    string Id,
    string File,
    string Category,
    string ExpectationType,
    string DatasetName,
    IReadOnlyList<GxTable> Tables,
    JsonObject Test,
    CaseScope Scope,
    string Backend)
{
    public string Title => Test["title"]?.GetValue<string>() ?? "";

    public JsonNode? In => Test["in"];

    public JsonObject Out => Test["out"] as JsonObject ?? new JsonObject();

    /// <summary>GX's runner adds a pk_index column and asks for index lists keyed by it for these categories only.</summary>
    public bool PkColumn => Category is "column_map_expectations" or "column_pair_map_expectations" or "multicolumn_map_expectations";

    /// <summary>An error is expected: GX asserts a traceback (out.traceback_substring, or a test-level "error").</summary>
    public bool ExpectsError => Out.ContainsKey("traceback_substring") || Test["error"] is not null;

    public bool ExactMatch => Test["exact_match_out"]?.GetValue<bool>() == true;

    public override string ToString() => Id;
}
