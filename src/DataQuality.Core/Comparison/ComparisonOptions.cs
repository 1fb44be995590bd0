namespace DataQuality.Core.Comparison;

/// <summary>What to compare and how strictly. Column names in tolerances and exclusions are
/// either plain (<c>amount</c>, every entity) or entity-qualified (<c>silver/orders.amount</c>).</summary>
public sealed record ComparisonOptions
{
    public TreeLayout Layout { get; init; } = TreeLayout.Default;

    /// <summary>Key columns per entity; the entity is named as in the report (<c>layer/entity</c>) or by its bare entity name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Keys { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The entity name in <see cref="Keys"/> for "the one entity there is": two files compared directly (<c>--key id</c>).</summary>
    public const string OnlyEntity = "";

    public IReadOnlyDictionary<string, double> AbsoluteTolerance { get; init; } = new Dictionary<string, double>();

    public IReadOnlyDictionary<string, double> RelativeTolerance { get; init; } = new Dictionary<string, double>();

    /// <summary>Columns left out of hashing and value comparison; still shown in the schema diff.</summary>
    public IReadOnlyCollection<string> Exclude { get; init; } = [];

    /// <summary>Sample rows kept per status (added, removed, changed, duplicate key).</summary>
    public int SampleSize { get; init; } = 5;

    /// <summary>Per-column profile (count, nulls, distinct, min, max, mean, top values) on each side.</summary>
    public bool Profile { get; init; } = true;

    /// <summary>PSI/KS drift per column (with <see cref="Profile"/>): one extra profiler pass per side over the Parquet files.</summary>
    public bool Drift { get; init; } = true;

    /// <summary>Top values are computed exactly, only for columns with at most this many distinct values on both sides.</summary>
    public int TopValuesMaxDistinct { get; init; } = 50;

    public int TopValuesCount { get; init; } = 3;

    public ComparisonThresholds Thresholds { get; init; } = new();

    /// <summary>
    /// Threads for the comparison's DuckDB queries and for its profiler pass (drift); null: the DuckDB options'
    /// (<c>DQ_THREADS</c>), else all cores.
    /// </summary>
    public int? Threads { get; init; }

    /// <summary>
    /// Keys read from data contracts (<see cref="ContractKeys"/>), by model name. Used for entities
    /// <see cref="Keys"/> does not name; unlike <see cref="Keys"/>, a model that is in neither tree is no error
    /// (a contracts folder usually describes more than one pipeline's outputs).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ContractKeys { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    internal IReadOnlyList<string>? KeysFor(string entityName, string entity) =>
        Keys.TryGetValue(entityName, out var k) ? k : Keys.TryGetValue(entity, out k) ? k
        : ContractKeys.TryGetValue(entityName, out k) ? k : ContractKeys.TryGetValue(entity, out k) ? k : null;

    internal bool IsExcluded(string entityName, string entity, string column) =>
        Exclude.Contains(column) || Exclude.Contains($"{entityName}.{column}") || Exclude.Contains($"{entity}.{column}");

    internal static double? Lookup(IReadOnlyDictionary<string, double> map, string entityName, string entity, string column) =>
        map.TryGetValue($"{entityName}.{column}", out var v) ? v
        : map.TryGetValue($"{entity}.{column}", out v) ? v
        : map.TryGetValue(column, out v) ? v
        : map.TryGetValue("default", out v) ? v : null;
}

/// <summary>Limits that turn a comparison into a failure; null means no limit.</summary>
public sealed record ComparisonThresholds
{
    /// <summary>Most rows per entity that may differ (changed + added + removed).</summary>
    public long? MaxChangedRows { get; init; }

    /// <summary>Largest allowed |head - base| / base row count per entity, in percent.</summary>
    public double? MaxRowCountDeltaPercent { get; init; }

    /// <summary>Fail when an entity or column appears or disappears, or a column's type or nullability changes.</summary>
    public bool FailOnSchemaChange { get; init; }

    /// <summary>Largest allowed population stability index of any column (0.1 stable, 0.25 shifted, by convention).</summary>
    public double? MaxDriftPsi { get; init; }
}
