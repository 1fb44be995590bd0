using DataQuality.Core.Datasets;

namespace DataQuality.Core.Comparison;

/// <summary>
/// Column names, DuckDB types and nullability of one side of an entity. Nullability comes from
/// the Parquet schema (OPTIONAL vs REQUIRED in any file); other formats leave it unknown.
/// </summary>
internal static class SchemaReader
{
    public static IReadOnlyList<(string Name, string Type, bool? Nullable)> Read(DuckDbSession session, ResolvedDataset data)
    {
        var columns = DuckDbRows.Query(session, $"DESCRIBE SELECT * FROM {data.ToRelationSql()}")
            .Select(r => (Name: (string)r[0]!, Type: (string)r[1]!))
            .ToList();
        var optional = new Dictionary<string, bool>(StringComparer.Ordinal);
        if (data.Source.Format == DatasetFormat.Parquet)
        {
            foreach (var row in DuckDbRows.Query(session, $"SELECT name, bool_or(repetition_type IS DISTINCT FROM 'REQUIRED') FROM parquet_schema({SqlText.List(data.Files)}) GROUP BY name"))
                optional[(string)row[0]!] = row[1] is true;
        }
        return columns
            .Select(c => (c.Name, c.Type, optional.TryGetValue(c.Name, out var o) ? o : (bool?)(data.Source.Format == DatasetFormat.Parquet ? true : null)))
            .ToList();
    }
}
