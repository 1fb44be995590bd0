using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Datasets;

/// <summary>
/// What a user names as data: a Parquet/CSV/NDJSON file, a directory, a glob, a hive-partitioned
/// tree (<c>orders/ds=2026-02-11/part-0.parquet</c>), local or <c>s3://bucket/prefix</c>.
/// </summary>
public sealed record DatasetRef(string Location, DatasetFormat Format)
{
    public bool IsS3 => Location.StartsWith("s3://", StringComparison.OrdinalIgnoreCase);

    public bool IsGlob => Location.IndexOfAny(['*', '?', '[']) >= 0;

    /// <summary>Parses a location; the format comes from <paramref name="format"/> or the file extension (default Parquet).</summary>
    public static DatasetRef Parse(string location, DatasetFormat? format = null)
    {
        if (string.IsNullOrWhiteSpace(location))
            throw new InputException("DQ2001", "A dataset location is empty.");
        Storage.StorageUri.RejectUnsupportedScheme(location.Trim());
        return new DatasetRef(location.Trim(), format ?? InferFormat(location));
    }

    public static DatasetFormat InferFormat(string location)
    {
        var lower = location.ToLowerInvariant();
        if (lower.EndsWith(".csv") || lower.EndsWith(".csv.gz") || lower.EndsWith(".tsv")) return DatasetFormat.Csv;
        if (lower.EndsWith(".json") || lower.EndsWith(".ndjson") || lower.EndsWith(".jsonl") || lower.EndsWith(".json.gz"))
            return DatasetFormat.Json;
        return DatasetFormat.Parquet;
    }

    public override string ToString() => Location;
}
