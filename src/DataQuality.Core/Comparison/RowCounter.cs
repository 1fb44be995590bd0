using DataQuality.Core.Datasets;

namespace DataQuality.Core.Comparison;

/// <summary>Rows per file: from the Parquet footers (no scan), or a count for other formats.</summary>
internal static class RowCounter
{
    public static Dictionary<string, long> PerFile(DuckDbSession session, IReadOnlyList<string> files, DatasetFormat format)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        if (files.Count == 0) return counts;
        if (format == DatasetFormat.Parquet)
        {
            foreach (var row in DuckDbRows.Query(session, $"SELECT file_name, sum(num_rows)::BIGINT FROM parquet_file_metadata({SqlText.List(files)}) GROUP BY file_name"))
                counts[(string)row[0]!] = DuckDbRows.Long(row[1]);
        }
        else
        {
            foreach (var file in files)
            {
                var rel = new ResolvedDataset(new DatasetRef(file, format), [file]).ToRelationSql();
                counts[file] = DuckDbRows.Long(session.Scalar($"SELECT count(*)::BIGINT FROM {rel}"));
            }
        }
        return counts;
    }
}
