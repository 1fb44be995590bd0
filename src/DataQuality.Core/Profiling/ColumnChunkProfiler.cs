using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using DataQuality.Core.Datasets;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Profiling.DictionaryPath;
using Parquet;
using Parquet.Schema;

namespace DataQuality.Core.Profiling;

/// <summary>
/// Decodes one column chunk with <see cref="ParquetRowGroupReader.ReadRawAsync{T}"/> into pooled
/// buffers (values compacted, definition/repetition levels separate), checks the levels against the
/// footer, and hands the non-null values to a <see cref="ColumnAccumulator"/>.
/// </summary>
internal sealed class ColumnChunkProfiler(ProfileOptions options, string file, int rowGroup, long firstRow, DecodeBuffers buffers, ProfileNotices notices)
{
    public async Task<ColumnProfile> ProfileAsync(ParquetRowGroupReader reader, DataField field, ColumnSpec spec, CancellationToken ct, Sketches.HyperLogLog? distinct = null)
    {
        var profile = spec.NewProfile();
        var rows = reader.RowCount;
        profile.RowCount = rows;
        var chunk = reader.GetMetadata(field);
        if (chunk?.MetaData is not { } meta)
        {
            // Column absent from this row group: NULL for every row, as union_by_name reads it.
            profile.ValueCount = spec.Repeated ? 0 : rows;
            profile.NullCount = spec.Repeated ? 0 : rows;
            return profile;
        }
        var numValues = meta.NumValues;
        if (numValues < 0 || (!spec.Repeated && numValues != rows))
            throw Corrupt(spec, $"declares {numValues} values for {rows} rows");
        if (numValues > options.MaxValuesPerColumnChunk || numValues > Array.MaxLength)
            throw ProfileErrors.For(ProfileErrors.ChunkTooLarge, file,
                $"'{Name}' row group {rowGroup} column '{spec.Path}' declares {numValues:N0} values, above the profiler's limit of {options.MaxValuesPerColumnChunk:N0} per chunk.");
        profile.ValueCount = numValues;

        if (spec.Kind == ColumnKind.Unsupported)
        {
            if (meta.Statistics?.NullCount is { } n && !spec.Repeated) profile.NullCount = n;
            return profile;
        }
        var stats = meta.Statistics;
        if (!spec.Repeated && stats?.NullCount == numValues)
        {
            // Metadata answers exactly: an all-NULL chunk needs no decoding.
            profile.NullCount = numValues;
            return profile;
        }
        if (options.MetadataOnly)
        {
            if (!spec.Repeated && MetadataAnswer.TryApply(reader, field, spec, profile)) return profile;
            // Footers only: a chunk without exact statistics is reported as unknown, never decoded.
            if (!spec.Repeated && stats?.NullCount is { } known) profile.NullCount = known;
            profile.Unsupported = $"not profiled: --metadata-only reads footers only, and row group {rowGroup} has no exact statistics for this column";
            return profile;
        }

        var accumulator = new ColumnAccumulator(profile, options.KllK, options.TopKCapacity, distinct);
        try
        {
            await DecodeAsync(reader, field, spec, (int)numValues, accumulator, ct).ConfigureAwait(false);
            profile.NullCount = numValues - _nonNull;
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or DataQualityException))
        {
            // The decoder hands values over only once the whole chunk decoded, so the accumulator is untouched.
            var reason = $"{Describe(meta)}: {ReaderErrorText.Of(ex)}";
            if (DuckDbChunkReader.CanRead(spec))
                return Fallback(field, spec, rows, reason, distinct, ct);
            if (ex is NotSupportedException or NotImplementedException)
            {
                // An encoding the reader lacks affects this leaf only; the rest of the file is still profiled.
                var unsupported = spec.NewProfile();
                unsupported.RowCount = rows;
                unsupported.ValueCount = numValues;
                unsupported.Unsupported = $"{ProfileErrors.UnsupportedFeature}: {Describe(meta)} cannot be decoded by Parquet.Net 6.1.0 ({ReaderErrorText.Of(ex)})";
                return unsupported;
            }
            throw Corrupt(spec, $"could not be decoded ({reason})", ex);
        }
        return profile;
    }

    /// <summary>
    /// The chunk through DuckDB (<see cref="DuckDbChunkReader"/>), with a notice saying so; an error only when
    /// DuckDB cannot read it either.
    /// </summary>
    private ColumnProfile Fallback(DataField field, ColumnSpec spec, long rows, string reason, Sketches.HyperLogLog? distinct, CancellationToken ct)
    {
        var profile = spec.NewProfile();
        profile.RowCount = rows;
        profile.ValueCount = rows;
        var accumulator = new ColumnAccumulator(profile, options.KllK, options.TopKCapacity, distinct);
        try
        {
            var nonNull = DuckDbChunkReader.Feed(file, firstRow, rows, field.Path.ToList(), spec, accumulator, buffers, ct);
            profile.NullCount = rows - nonNull;
        }
        catch (System.Data.Common.DbException ex)
        {
            throw Corrupt(spec, $"could not be decoded ({reason}), nor read by DuckDB ({ReaderErrorText.Of(ex)})", ex);
        }
        notices.FellBack(file, spec.Path, reason);
        return profile;
    }

    private string Name => ParquetFilePlan.Name(file);

    private InputException Corrupt(ColumnSpec spec, string what, Exception? inner = null) =>
        ProfileErrors.For(ProfileErrors.CorruptData, file, $"'{Name}' row group {rowGroup} column '{spec.Path}' {what}.", inner);

    private static string Describe(Parquet.Meta.ColumnMetaData meta)
    {
        var encodings = meta.Encodings is { Count: > 0 } e ? string.Join("/", e.Distinct()) : "?";
        return $"{meta.Type} column, codec {meta.Codec}, encodings {encodings}";
    }

    private async Task DecodeAsync(ParquetRowGroupReader reader, DataField field, ColumnSpec spec, int numValues, ColumnAccumulator acc, CancellationToken ct)
    {
        var clr = field.ClrType;
        if (clr == typeof(long)) await RunAsync<long>(reader, field, spec, numValues, ct, v => acc.AddIntegers(v, ValueFormat.Integer)).ConfigureAwait(false);
        else if (clr == typeof(int)) await RunAsync<int>(reader, field, spec, numValues, ct, v => acc.AddIntegers<int, WidenToInt64<int>>(v, ValueFormat.Integer)).ConfigureAwait(false);
        else if (clr == typeof(short)) await RunAsync<short>(reader, field, spec, numValues, ct, v => acc.AddIntegers<short, WidenToInt64<short>>(v, ValueFormat.Integer)).ConfigureAwait(false);
        else if (clr == typeof(sbyte)) await RunAsync<sbyte>(reader, field, spec, numValues, ct, v => acc.AddIntegers<sbyte, WidenToInt64<sbyte>>(v, ValueFormat.Integer)).ConfigureAwait(false);
        else if (clr == typeof(byte)) await RunAsync<byte>(reader, field, spec, numValues, ct, v => acc.AddIntegers<byte, WidenToInt64<byte>>(v, ValueFormat.Integer)).ConfigureAwait(false);
        else if (clr == typeof(ushort)) await RunAsync<ushort>(reader, field, spec, numValues, ct, v => acc.AddIntegers<ushort, WidenToInt64<ushort>>(v, ValueFormat.Integer)).ConfigureAwait(false);
        else if (clr == typeof(uint)) await RunAsync<uint>(reader, field, spec, numValues, ct, v => acc.AddIntegers<uint, WidenToInt64<uint>>(v, ValueFormat.Integer)).ConfigureAwait(false);
        else if (clr == typeof(ulong)) await RunAsync<ulong>(reader, field, spec, numValues, ct, v => WithDoubles(v, acc, static x => x)).ConfigureAwait(false);
        else if (clr == typeof(double)) await RunAsync<double>(reader, field, spec, numValues, ct, v => acc.AddDoubles(v)).ConfigureAwait(false);
        else if (clr == typeof(float)) await RunAsync<float>(reader, field, spec, numValues, ct, v => WithDoubles(v, acc, static x => x)).ConfigureAwait(false);
        else if (clr == typeof(decimal)) await RunAsync<decimal>(reader, field, spec, numValues, ct, v => acc.AddDecimals(v)).ConfigureAwait(false);
        else if (clr == typeof(bool)) await RunAsync<bool>(reader, field, spec, numValues, ct, v => acc.AddBooleans(v)).ConfigureAwait(false);
        else if (clr == typeof(DateTime))
        {
            Func<long, string> format = spec.Kind == ColumnKind.Date
                ? m => ValueFormat.DateFromMicros(m)
                : m => ValueFormat.TimestampFromMicros(m);
            if (spec.Kind == ColumnKind.Timestamp && TimestampMicrosField.AsInt64(field) is { } raw)
                await RunAsync<long>(reader, raw, spec, numValues, ct, v => acc.AddIntegers(v, format)).ConfigureAwait(false);
            else
                await RunAsync<DateTime>(reader, field, spec, numValues, ct, v => acc.AddIntegers<DateTime, DateTimeMicros>(v, format)).ConfigureAwait(false);
        }
        else if (clr == typeof(DateOnly))
            await RunAsync<DateOnly>(reader, field, spec, numValues, ct, v => acc.AddIntegers<DateOnly, DateOnlyMicros>(v, m => ValueFormat.DateFromMicros(m))).ConfigureAwait(false);
        else if (clr == typeof(ReadOnlyMemory<char>))
        {
            if (!TryDictionaryIndexes(reader, field, numValues, acc))
                await RunAsync<ReadOnlyMemory<char>>(reader, field, spec, numValues, ct, v => acc.AddStrings(v)).ConfigureAwait(false);
        }
        else if (clr == typeof(ReadOnlyMemory<byte>)) await RunAsync<ReadOnlyMemory<byte>>(reader, field, spec, numValues, ct, v => acc.AddBinary(v)).ConfigureAwait(false);
        else if (clr == typeof(Guid)) await RunAsync<Guid>(reader, field, spec, numValues, ct, v => acc.AddGuids(v)).ConfigureAwait(false);
        else throw new NotSupportedException($"values of type {clr.Name}");
    }

    /// <summary>
    /// A flat string chunk whose pages are all dictionary encoded, counted index by index from the file
    /// (<see cref="DictionaryChunkReader"/>) instead of expanded into one value per row by Parquet.Net; false,
    /// with the accumulator untouched, when the chunk is anything else (Parquet.Net then decodes it).
    /// </summary>
    private bool TryDictionaryIndexes(ParquetRowGroupReader reader, DataField field, int numValues, ColumnAccumulator acc)
    {
        if (!options.DictionaryIndexPath || field.MaxRepetitionLevel != 0 || numValues == 0) return false;
        if (reader.GetMetadata(field)?.MetaData is not { Type: Parquet.Meta.Type.BYTE_ARRAY } meta) return false;
        var chunks = buffers.DictionaryChunks;
        if (!chunks.TryRead(file, meta, field.MaxDefinitionLevel, numValues, options.ReadLimits, out var reason))
        {
            options.DictionaryIndexStats?.LeftToReader(reason);
            return false;
        }
        _nonNull = chunks.NonNull;
        acc.AddStringEntries(chunks.Values, chunks.Counts);
        options.DictionaryIndexStats?.Counted();
        return true;
    }

    private delegate void SpanAction<T>(Span<T> values);

    private async Task RunAsync<T>(ParquetRowGroupReader reader, DataField field, ColumnSpec spec, int numValues, CancellationToken ct, SpanAction<T> consume)
        where T : struct
    {
        var values = buffers.Values<T>(Math.Max(1, numValues));
        var defs = field.MaxDefinitionLevel > 0 ? buffers.Definitions(Math.Max(1, numValues)) : null;
        var reps = field.MaxRepetitionLevel > 0 ? buffers.Repetitions(Math.Max(1, numValues)) : null;
        if (numValues > 0)
        {
            // A sentinel the decoder never writes, in the last slot: pages write levels front to back, so a
            // chunk holding fewer levels than the footer promised leaves it in place.
            if (defs is not null) defs[numValues - 1] = -1;
            if (reps is not null) reps[numValues - 1] = -1;
        }
        if (TryPlainValues(reader, field, numValues, values))
        {
            consume(values.AsSpan(0, _nonNull));
            return;
        }
        await reader.ReadRawAsync<T>(field, values.AsMemory(0, Math.Max(1, numValues)), defs?.AsMemory(0, numValues), reps?.AsMemory(0, numValues), ct).ConfigureAwait(false);
        var nonNull = numValues;
        if (defs is not null && numValues > 0)
        {
            var (min, max, defined) = NumericKernels.SummariseLevels(defs.AsSpan(0, numValues), field.MaxDefinitionLevel);
            if (min < 0 || max > field.MaxDefinitionLevel)
                throw Corrupt(spec, "has fewer or out-of-range definition levels than its metadata declares");
            nonNull = defined;
        }
        if (reps is not null && numValues > 0)
        {
            var (min, max, records) = NumericKernels.SummariseLevels(reps.AsSpan(0, numValues), 0);
            if (reps[0] != 0 || min < 0 || max > field.MaxRepetitionLevel)
                throw Corrupt(spec, "has invalid repetition levels (a row must start at level 0)");
            if (records != reader.RowCount)
                throw Corrupt(spec, $"holds {records} records but the row group declares {reader.RowCount} rows");
        }
        _nonNull = nonNull;
        consume(values.AsSpan(0, nonNull));
    }

    /// <summary>
    /// A flat chunk of PLAIN pages whose physical type is exactly <typeparamref name="T"/> (INT32 as int, INT64 as
    /// long, FLOAT, DOUBLE: the types Parquet.Net hands over unconverted), copied from the file into
    /// <paramref name="values"/> (<see cref="PlainPath.PlainChunkReader"/>) for the same consumer; false, with
    /// <paramref name="values"/> to be overwritten by Parquet.Net, when the chunk is anything else.
    /// </summary>
    private bool TryPlainValues<T>(ParquetRowGroupReader reader, DataField field, int numValues, T[] values)
        where T : struct
    {
        if (!options.PlainValuePath || field.MaxRepetitionLevel != 0 || numValues == 0) return false;
        Parquet.Meta.Type physical;
        if (typeof(T) == typeof(int)) physical = Parquet.Meta.Type.INT32;
        else if (typeof(T) == typeof(long)) physical = Parquet.Meta.Type.INT64;
        else if (typeof(T) == typeof(float)) physical = Parquet.Meta.Type.FLOAT;
        else if (typeof(T) == typeof(double)) physical = Parquet.Meta.Type.DOUBLE;
        else return false;
        if (reader.GetMetadata(field)?.MetaData is not { } meta || meta.Type != physical) return false;
        var plain = buffers.PlainChunks;
        var target = System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan(0, numValues));
        if (!plain.TryRead(file, meta, field.MaxDefinitionLevel, numValues, Unsafe.SizeOf<T>(), target, options.ReadLimits, out var reason))
        {
            options.PlainValueStats?.LeftToReader(reason);
            return false;
        }
        _nonNull = plain.NonNull;
        options.PlainValueStats?.Counted();
        return true;
    }

    // Set by RunAsync; the instance decodes one chunk at a time.
    private int _nonNull;

    private static void WithDoubles<T>(Span<T> values, ColumnAccumulator acc, Func<T, double> convert)
    {
        var buffer = ArrayPool<double>.Shared.Rent(Math.Max(1, values.Length));
        try
        {
            var span = buffer.AsSpan(0, values.Length);
            for (var i = 0; i < values.Length; i++) span[i] = convert(values[i]);
            acc.AddDoubles(span);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }
}
