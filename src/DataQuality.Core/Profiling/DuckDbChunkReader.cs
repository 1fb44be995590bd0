using System.Data.Common;
using System.Globalization;
using System.Runtime.InteropServices;
using DataQuality.Core.Datasets;

namespace DataQuality.Core.Profiling;

/// <summary>
/// The profiler's second reader: the values of one column over a range of a file's rows, read by DuckDB
/// and fed to the same <see cref="ColumnAccumulator"/> the Parquet.Net decoder feeds, so the profile (sketches
/// included) is the one a successful decode gives. Used only where Parquet.Net cannot decode a file that
/// passed the page check (valid parquet-testing files: hadoop LZ4 framing, BOOLEAN RLE in V2 pages, INT96 and
/// INT64 timestamps beyond DateTime other than top-level microseconds (TimestampMicrosField reads those), a footer its Thrift reader rejects): `dq validate` reads those files
/// through DuckDB, so profile reads them the same way instead of failing on a file validate passes.
/// Columns inside lists or maps are not read here (their leaves need unnesting).
/// </summary>
internal static class DuckDbChunkReader
{
    /// <summary>A column this reader can profile: a value per row (top level or inside structs), of a profiled kind.</summary>
    public static bool CanRead(ColumnSpec spec) => !spec.Repeated && spec.Kind != ColumnKind.Unsupported;

    /// <summary>
    /// Feeds the column's non-null values in rows [<paramref name="firstRow"/>, +<paramref name="rows"/>) of
    /// <paramref name="file"/> to <paramref name="accumulator"/>; returns how many there were.
    /// </summary>
    /// <param name="segments">The column's path: top-level name, then struct field names.</param>
    public static long Feed(string file, long firstRow, long rows, IReadOnlyList<string> segments, ColumnSpec spec,
        ColumnAccumulator accumulator, DecodeBuffers worker, CancellationToken ct)
    {
        var kind = spec.Kind;
        var wideUnsigned = spec.Unsigned64;
        var column = string.Join('.', segments.Select(SqlText.Identifier));
        var value = kind switch
        {
            ColumnKind.Boolean => $"{column}::BOOLEAN",
            ColumnKind.Integer => wideUnsigned ? $"{column}::DOUBLE" : $"{column}::BIGINT",
            ColumnKind.Floating => $"{column}::DOUBLE",
            ColumnKind.Decimal => column,
            // Unix microseconds, the profiler's temporal unit; a timestamp with time zone is an instant already.
            ColumnKind.Date => $"epoch_us({column}::TIMESTAMP)",
            ColumnKind.Timestamp => $"epoch_us({column})",
            ColumnKind.String => $"{column}::VARCHAR",
            ColumnKind.Binary => $"{column}::BLOB",
            ColumnKind.Uuid => $"{column}::UUID",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not read by the DuckDB fallback"),
        };
        var sql = string.Create(CultureInfo.InvariantCulture,
            $"SELECT {value} FROM read_parquet({SqlText.Literal(Path.GetFullPath(file))}, file_row_number = true) WHERE file_row_number >= {firstRow} AND file_row_number < {firstRow + rows} AND {column} IS NOT NULL");

        using var command = worker.FallbackSession(file).CreateCommand(sql);
        using var reader = command.ExecuteReader();
        return kind switch
        {
            ColumnKind.Boolean => Drain(reader, ct, r => r.GetBoolean(0), v => accumulator.AddBooleans(v)),
            ColumnKind.Integer when wideUnsigned => Drain(reader, ct, r => r.GetDouble(0), v => accumulator.AddDoubles(v)),
            ColumnKind.Integer => Drain(reader, ct, r => r.GetInt64(0), v => accumulator.AddIntegers(v, ValueFormat.Integer)),
            ColumnKind.Floating => Drain(reader, ct, r => r.GetDouble(0), v => accumulator.AddDoubles(v)),
            ColumnKind.Decimal => Drain(reader, ct, r => r.GetDecimal(0), v => accumulator.AddDecimals(v)),
            ColumnKind.Date => Drain(reader, ct, r => r.GetInt64(0), v => accumulator.AddIntegers(v, m => ValueFormat.DateFromMicros(m))),
            ColumnKind.Timestamp => Drain(reader, ct, r => r.GetInt64(0), v => accumulator.AddIntegers(v, m => ValueFormat.TimestampFromMicros(m))),
            ColumnKind.String => Drain(reader, ct, r => r.GetString(0).AsMemory(), v => accumulator.AddStrings(v)),
            ColumnKind.Binary => Drain(reader, ct, r => Bytes(r.GetValue(0)), v => accumulator.AddBinary(v)),
            _ => Drain(reader, ct, r => r.GetGuid(0), v => accumulator.AddGuids(v)),
        };
    }

    private delegate void Consume<T>(Span<T> values);

    /// <summary>All of the range's values, then one call: the accumulator sees the chunk as a decode would give it.</summary>
    private static long Drain<T>(DbDataReader reader, CancellationToken ct, Func<DbDataReader, T> read, Consume<T> consume)
    {
        var values = new List<T>();
        while (reader.Read())
        {
            values.Add(read(reader));
            if ((values.Count & 0xFFFF) == 0) ct.ThrowIfCancellationRequested();
        }
        consume(CollectionsMarshal.AsSpan(values));
        return values.Count;
    }

    private static ReadOnlyMemory<byte> Bytes(object value)
    {
        if (value is byte[] bytes) return bytes;
        using var copy = new MemoryStream();
        ((Stream)value).CopyTo(copy);
        return copy.ToArray();
    }
}
