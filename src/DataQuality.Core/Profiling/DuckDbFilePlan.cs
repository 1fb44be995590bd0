using System.Data.Common;
using System.Globalization;
using DataQuality.Core.Datasets;
using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Profiling;

/// <summary>
/// The plan of a file whose footer or schema Parquet.Net cannot read (its Thrift reader rejects some valid
/// footers; unsupported schema features) but DuckDB can: row groups from <c>parquet_metadata</c>, columns
/// from DuckDB's schema of the file. Its columns are profiled through <see cref="DuckDbChunkReader"/>;
/// nested ones (structs, lists, maps) are listed as not profiled. A file DuckDB cannot read either stays
/// the error Parquet.Net gave, with DuckDB's reason added.
/// </summary>
internal static class DuckDbFilePlan
{
    public static ParquetFilePlan Open(string path, InputException parquetNetError)
    {
        var reason = parquetNetError.InnerException is { } inner ? ReaderErrorText.Of(inner) : parquetNetError.Message;
        try
        {
            using var session = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });
            DuckDbSandbox.Apply(session, [path]);
            var file = SqlText.Literal(Path.GetFullPath(path));
            var rowGroups = new List<long>();
            var physical = new Dictionary<string, string>(StringComparer.Ordinal);
            using (var command = session.CreateCommand(
                $"SELECT row_group_id, max(row_group_num_rows)::BIGINT FROM parquet_metadata({file}) GROUP BY row_group_id ORDER BY row_group_id"))
            using (var reader = command.ExecuteReader())
                while (reader.Read()) rowGroups.Add(reader.GetInt64(1));
            using (var command = session.CreateCommand($"SELECT path_in_schema, any_value(type) FROM parquet_metadata({file}) GROUP BY path_in_schema"))
            using (var reader = command.ExecuteReader())
                while (reader.Read()) physical[reader.GetString(0)] = reader.IsDBNull(1) ? "UNKNOWN" : reader.GetString(1);
            var specs = new List<ColumnSpec>();
            using (var command = session.CreateCommand($"DESCRIBE SELECT * FROM read_parquet({file})"))
            using (var reader = command.ExecuteReader())
                while (reader.Read())
                    specs.Add(Spec(reader.GetString(0), reader.GetString(1), physical.GetValueOrDefault(reader.GetString(0), "GROUP")));
            return new ParquetFilePlan(path, new FileInfo(path).Length, [.. rowGroups], [], specs, reason);
        }
        catch (DbException ex)
        {
            throw new InputException(parquetNetError.Code, $"{parquetNetError.Message.TrimEnd('.')}; DuckDB cannot read it either ({ReaderErrorText.Of(ex)}).",
                parquetNetError.Location, parquetNetError);
        }
    }

    /// <summary>A DuckDB column type as the profiler's kinds: what Parquet.Net would have made of the same leaf.</summary>
    private static ColumnSpec Spec(string name, string type, string physical)
    {
        var kind = type switch
        {
            "BOOLEAN" => ColumnKind.Boolean,
            "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "UTINYINT" or "USMALLINT" or "UINTEGER" or "UBIGINT" => ColumnKind.Integer,
            "FLOAT" or "DOUBLE" => ColumnKind.Floating,
            _ when type.StartsWith("DECIMAL", StringComparison.Ordinal) => ColumnKind.Decimal,
            "DATE" => ColumnKind.Date,
            "TIMESTAMP" or "TIMESTAMP_NS" or "TIMESTAMP_MS" or "TIMESTAMP_S" or "TIMESTAMP WITH TIME ZONE" => ColumnKind.Timestamp,
            "VARCHAR" => ColumnKind.String,
            "BLOB" => ColumnKind.Binary,
            "UUID" => ColumnKind.Uuid,
            _ => ColumnKind.Unsupported,
        };
        var unsupported = kind == ColumnKind.Unsupported
            ? string.Create(CultureInfo.InvariantCulture, $"{ProfileErrors.UnsupportedFeature}: {type} columns are not profiled in a file read through DuckDB")
            : null;
        // The logical annotation as Parquet.Net names it, so profiles of files read either way merge alike.
        var logical = kind switch
        {
            ColumnKind.Decimal => type,
            ColumnKind.Date => "DATE",
            ColumnKind.Timestamp => "TIMESTAMP",
            ColumnKind.String => "STRING",
            ColumnKind.Uuid => "UUID",
            _ => null,
        };
        return new ColumnSpec(name, kind, physical, logical, Repeated: false, unsupported, Unsigned64: type == "UBIGINT");
    }
}
