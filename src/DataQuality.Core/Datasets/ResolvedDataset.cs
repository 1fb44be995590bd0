namespace DataQuality.Core.Datasets;

/// <summary>
/// A dataset reduced to local files DuckDB can read. <see cref="Files"/> is never empty:
/// resolution fails with a typed error naming the location instead.
/// </summary>
public sealed record ResolvedDataset(DatasetRef Source, IReadOnlyList<string> Files)
{
    private readonly IReadOnlyList<string>? _locations;

    /// <summary>
    /// Where each of <see cref="Files"/> lives, same order: the <c>s3://bucket/key</c> of a cached object,
    /// the file itself for local data. Hive partitions are read from these (the profiler does).
    /// </summary>
    public IReadOnlyList<string> Locations
    {
        get => _locations ?? Files;
        init => _locations = value.Count == Files.Count ? value
            : throw new ArgumentException($"{value.Count} locations for {Files.Count} files.", nameof(value));
    }

    /// <summary>
    /// The DuckDB table function over the files: columns matched by name across files
    /// (schema evolution), hive partition columns (<c>ds=...</c>) exposed as columns.
    /// </summary>
    public string ToRelationSql()
    {
        var files = SqlText.List(Files);
        return Source.Format switch
        {
            DatasetFormat.Parquet => $"read_parquet({files}, union_by_name=true, hive_partitioning=true)",
            DatasetFormat.Csv => $"read_csv({files}, union_by_name=true, hive_partitioning=true, auto_detect=true)",
            DatasetFormat.Json => $"read_json({files}, format='newline_delimited', union_by_name=true, hive_partitioning=true)",
            _ => throw new ArgumentOutOfRangeException(nameof(Source)),
        };
    }
}
