using System.Buffers;
using System.Buffers.Binary;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Profiling;
using Microsoft.Win32.SafeHandles;
using Parquet;
using Parquet.Meta;
using Parquet.Schema;

namespace DataQuality.Core.Datasets.ParquetPages;

/// <summary>
/// Reads every page header of a Parquet file once, without decompressing anything, and checks it
/// against the footer: a footer can promise rows its pages do not hold, and an answer taken from the
/// footer alone (a row count) would then pass a file no reader can scan. Checked per column chunk:
/// the byte range lies inside the file; every header parses and fits in the chunk; page types are
/// known; value counts are not negative and add up to the chunk's; a required column counts no nulls;
/// V2 pages' null and row counts are consistent; no page declares more than the
/// <see cref="ParquetReadLimits"/> allow once decompressed. Levels stored uncompressed (V2 pages, and
/// V1 pages of uncompressed chunks) are decoded too: there must be as many as the header's values,
/// none above the column's maximum, and a chunk's repetition levels must start a row (level 0).
/// Levels inside compressed V1 pages are left to the reader (decoding them costs a decompression).
/// </summary>
internal static class ParquetPageCheck
{
    private const int RleEncoding = 3;

    /// <param name="readPages">False checks the footer alone (counts, byte ranges, nulls in required columns) and reads no page.</param>
    public static void Verify(string path, long fileSize, ParquetReader reader, IReadOnlyList<DataField> fields, ParquetReadLimits limits, bool readPages, CancellationToken cancellationToken)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var dataEnd = FooterStart(handle, fileSize, path);
        var createdBy = reader.Metadata?.CreatedBy;
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var rowGroup = reader.OpenRowGroupReader(g);
                if (rowGroup.RowGroup.Columns.Count != fields.Count)
                    throw Corrupt(path, $"row group {g} has {rowGroup.RowGroup.Columns.Count} column chunks for {fields.Count} leaf columns");
                foreach (var field in fields)
                {
                    var chunk = rowGroup.GetMetadata(field)
                        ?? throw Corrupt(path, $"row group {g} has no column chunk for '{ColumnSpec.PathOf(field)}'");
                    var context = new ChunkContext(path, g, field, rowGroup.RowCount, handle, dataEnd, createdBy, limits, readPages);
                    VerifyChunk(context, chunk, ref buffer);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private sealed record ChunkContext(string Path, int RowGroup, DataField Field, long Rows, SafeFileHandle Handle, long DataEnd, string? CreatedBy, ParquetReadLimits Limits, bool ReadPages)
    {
        public string Where => $"row group {RowGroup} column '{ColumnSpec.PathOf(Field)}'";
    }

    private static void VerifyChunk(ChunkContext c, ColumnChunk chunk, ref byte[] buffer)
    {
        if (chunk.FilePath is { Length: > 0 })
            throw ProfileErrors.For(ProfileErrors.UnsupportedFeature, c.Path, $"'{Name(c.Path)}' {c.Where} lives in another file ('{chunk.FilePath}'); external column chunks are not supported.");
        var meta = chunk.MetaData ?? throw Corrupt(c, "has no column metadata");
        var maxDefinition = c.Field.MaxDefinitionLevel;
        var maxRepetition = c.Field.MaxRepetitionLevel;
        if (meta.NumValues < 0)
            throw Corrupt(c, $"declares {meta.NumValues} values");
        if (maxRepetition == 0 && meta.NumValues != c.Rows)
            throw Corrupt(c, $"declares {meta.NumValues} values for the row group's {c.Rows} rows (a column that is not repeated has one per row)");
        if (maxDefinition == 0 && meta.Statistics?.NullCount is > 0 and var nulls)
            throw Corrupt(c, $"is required (it cannot hold nulls) but its statistics count {nulls} nulls");

        // An empty chunk has nothing to read (some writers then leave the data page offset at 0).
        if (meta.NumValues == 0) return;
        var start = meta.DataPageOffset;
        if (meta.DictionaryPageOffset is > 0 and var dictionary && (dictionary < start || start < 4)) start = dictionary;
        var length = meta.TotalCompressedSize + OldParquetMrPadding(c, start + meta.TotalCompressedSize);
        if (start < 4 || meta.TotalCompressedSize < 0 || start + length > c.DataEnd)
            throw Corrupt(c, $"claims bytes {start}..{start + meta.TotalCompressedSize} of a file whose data ends at byte {c.DataEnd}");
        var end = start + length;
        if (!c.ReadPages) return;

        var position = start;
        long values = 0, v2Rows = 0, records = 0;
        bool dictionarySeen = false, dataSeen = false, allV2 = true, levelsKnown = maxRepetition > 0;
        while (position < end && !(length > meta.TotalCompressedSize && values == meta.NumValues && dataSeen))
        {
            var header = ReadHeader(c, position, end, ref buffer);
            var body = position + header.HeaderLength;
            if (header.CompressedSize < 0 || header.UncompressedSize < 0 || body + header.CompressedSize > end)
                throw Corrupt(c, $"page at byte {position} declares {header.CompressedSize} bytes, past the end of its column chunk (byte {end})");
            CheckBudget(c, meta.Codec, header, position);
            switch (header.Type)
            {
                case PageHeader.DictionaryPage:
                    if (dictionarySeen || dataSeen) throw Corrupt(c, $"has a dictionary page at byte {position} after its first page");
                    if (header.NumValues < 0) throw Corrupt(c, $"dictionary page at byte {position} declares {PageHeader.Count(header.NumValues)} entries");
                    dictionarySeen = true;
                    break;
                case PageHeader.DataPage:
                case PageHeader.DataPageV2:
                {
                    if (header.NumValues < 0) throw Corrupt(c, $"data page at byte {position} declares {PageHeader.Count(header.NumValues)} values");
                    var v2 = header.Type == PageHeader.DataPageV2;
                    if (v2) v2Rows += CheckV2(c, header, position, maxDefinition, maxRepetition);
                    else allV2 = false;
                    if (maxDefinition == 0 && header.NullCount is > 0)
                        throw Corrupt(c, $"is required but the page at byte {position} counts {header.NullCount} nulls");
                    var rows = ScanLevels(c, header, body, meta.Codec, maxDefinition, maxRepetition, first: !dataSeen, position, ref buffer);
                    if (rows is { } r) records += r;
                    else levelsKnown = false;
                    values += header.NumValues;
                    dataSeen = true;
                    break;
                }
                case PageHeader.IndexPage:
                    break; // never written in practice; readers skip it
                default:
                    throw Corrupt(c, $"page at byte {position} has unknown page type {header.Type}");
            }
            position = body + header.CompressedSize;
        }
        if (values != meta.NumValues)
            throw Corrupt(c, $"pages hold {values} values but the column chunk declares {meta.NumValues}");
        if (dataSeen && allV2 && maxRepetition > 0 && v2Rows != c.Rows)
            throw Corrupt(c, $"V2 pages hold {v2Rows} rows but the row group declares {c.Rows}");
        if (dataSeen && levelsKnown && records != c.Rows)
            throw Corrupt(c, $"repetition levels start {records} rows but the row group declares {c.Rows}");
    }

    /// <summary>V2 headers count nulls and rows; the level sections must fit in the page.</summary>
    private static long CheckV2(ChunkContext c, PageHeader header, long position, int maxDefinition, int maxRepetition)
    {
        if (header.NumNulls < 0 || header.NumNulls > header.NumValues)
            throw Corrupt(c, $"V2 page at byte {position} declares {header.NumNulls} nulls among {header.NumValues} values");
        if (maxDefinition == 0 && header.NumNulls > 0)
            throw Corrupt(c, $"is required but its V2 page at byte {position} declares {header.NumNulls} nulls");
        if (header.NumRows < 0 || header.NumRows > header.NumValues || (maxRepetition == 0 && header.NumRows != header.NumValues))
            throw Corrupt(c, $"V2 page at byte {position} declares {header.NumRows} rows for {header.NumValues} values");
        if (header.DefinitionLevelsLength < 0 || header.RepetitionLevelsLength < 0
            || (long)header.DefinitionLevelsLength + header.RepetitionLevelsLength > header.CompressedSize)
            throw Corrupt(c, $"V2 page at byte {position} declares level sections ({header.RepetitionLevelsLength} + {header.DefinitionLevelsLength} bytes) larger than the page ({header.CompressedSize} bytes)");
        return header.NumRows;
    }

    /// <summary>
    /// Decodes the levels when they are stored uncompressed; returns the rows the page starts (repetition
    /// levels equal to 0), or null when the levels were not read.
    /// </summary>
    private static long? ScanLevels(ChunkContext c, PageHeader header, long body, CompressionCodec codec, int maxDefinition, int maxRepetition, bool first, long position, ref byte[] buffer)
    {
        if (maxDefinition == 0 && maxRepetition == 0) return null;
        long repetitionAt, repetitionLength, definitionAt, definitionLength;
        if (header.Type == PageHeader.DataPageV2)
        {
            (repetitionAt, repetitionLength) = (body, header.RepetitionLevelsLength);
            (definitionAt, definitionLength) = (body + header.RepetitionLevelsLength, header.DefinitionLevelsLength);
        }
        else
        {
            if (codec != CompressionCodec.UNCOMPRESSED) return null;
            // V1: each level section is a 4-byte little-endian length, then the RLE/bit-packed hybrid data.
            var at = body;
            var pageEnd = body + header.CompressedSize;
            (repetitionAt, repetitionLength) = (at, 0);
            if (maxRepetition > 0)
            {
                if (header.RepetitionLevelEncoding != RleEncoding) return null;
                repetitionLength = SectionLength(c, at, pageEnd, position, "repetition", ref buffer);
                repetitionAt = at + 4;
                at = repetitionAt + repetitionLength;
            }
            (definitionAt, definitionLength) = (at, 0);
            if (maxDefinition > 0)
            {
                if (header.DefinitionLevelEncoding != RleEncoding) return null;
                definitionLength = SectionLength(c, at, pageEnd, position, "definition", ref buffer);
                definitionAt = at + 4;
            }
        }

        long? rows = null;
        if (maxRepetition > 0)
        {
            var scan = LevelScan.Scan(Read(c, repetitionAt, repetitionLength, ref buffer), maxRepetition, header.NumValues);
            CheckLevels(c, scan, header, maxRepetition, "repetition", position);
            if ((first || header.Type == PageHeader.DataPageV2) && header.NumValues > 0 && scan.First != 0)
                throw Corrupt(c, $"page at byte {position} starts with repetition level {scan.First}; a page must start a row (level 0)");
            if (header.Type == PageHeader.DataPageV2 && scan.Zeros != header.NumRows)
                throw Corrupt(c, $"V2 page at byte {position} starts {scan.Zeros} rows in its repetition levels but declares {header.NumRows}");
            rows = scan.Zeros;
        }
        if (maxDefinition > 0)
        {
            var scan = LevelScan.Scan(Read(c, definitionAt, definitionLength, ref buffer), maxDefinition, header.NumValues);
            CheckLevels(c, scan, header, maxDefinition, "definition", position);
        }
        return rows;
    }

    private static void CheckLevels(ChunkContext c, LevelScan.Summary scan, PageHeader header, int maxLevel, string kind, long position)
    {
        if (scan.Decoded < header.NumValues)
            throw Corrupt(c, $"page at byte {position} holds {scan.Decoded} {kind} levels for the {header.NumValues} values its header declares");
        if (scan.Max > maxLevel)
            throw Corrupt(c, $"page at byte {position} has {kind} level {scan.Max}, above the column's maximum {maxLevel}");
    }

    private static long SectionLength(ChunkContext c, long at, long pageEnd, long position, string kind, ref byte[] buffer)
    {
        if (at + 4 > pageEnd) throw Corrupt(c, $"page at byte {position} ends before its {kind} levels");
        var length = BinaryPrimitives.ReadInt32LittleEndian(Read(c, at, 4, ref buffer));
        if (length < 0 || at + 4 + length > pageEnd)
            throw Corrupt(c, $"page at byte {position} declares {length} bytes of {kind} levels, more than the page holds");
        return length;
    }

    /// <summary>
    /// A page becomes <c>UncompressedSize</c> bytes in memory before anything else is known about it;
    /// the limits stop a small file from declaring gigabytes (docs/security.md).
    /// </summary>
    private static void CheckBudget(ChunkContext c, CompressionCodec codec, PageHeader header, long position)
    {
        var limits = c.Limits;
        if (header.UncompressedSize > limits.MaxPageBytes)
            throw ProfileErrors.For(ProfileErrors.ChunkTooLarge, c.Path,
                $"'{Name(c.Path)}' {c.Where}: page at byte {position} declares {Storage.ByteSize.Format(header.UncompressedSize)} once decompressed, above the limit of {Storage.ByteSize.Format(limits.MaxPageBytes)} per page (DQ_MAX_PAGE_SIZE; docs/security.md).");
        if (codec != CompressionCodec.UNCOMPRESSED && header.UncompressedSize > limits.RatioFloorBytes
            && header.UncompressedSize > limits.MaxCompressionRatio * Math.Max(1, header.CompressedSize))
            throw ProfileErrors.For(ProfileErrors.ChunkTooLarge, c.Path,
                $"'{Name(c.Path)}' {c.Where}: page at byte {position} declares {Storage.ByteSize.Format(header.UncompressedSize)} from {header.CompressedSize} stored bytes, a compression ratio above {limits.MaxCompressionRatio:N0}:1 (docs/security.md).");
    }

    private static PageHeader ReadHeader(ChunkContext c, long position, long end, ref byte[] buffer)
    {
        // Headers are usually under 100 bytes; statistics can make them longer, so widen the window until it parses.
        var window = (int)Math.Min(512, end - position);
        while (true)
        {
            var bytes = Read(c, position, window, ref buffer);
            try
            {
                return PageHeader.Read(bytes);
            }
            catch (NeedMoreBytesException) when (window < end - position && window < MaxHeaderBytes)
            {
                window = (int)Math.Min(Math.Min((long)window * 4, MaxHeaderBytes), end - position);
            }
            catch (NeedMoreBytesException)
            {
                throw Corrupt(c, $"page header at byte {position} runs past the end of its column chunk");
            }
            catch (Exception ex) when (ex is FormatException or OverflowException)
            {
                throw Corrupt(c, $"page header at byte {position} is not a valid Parquet page header ({ex.Message})");
            }
        }
    }

    private const int MaxHeaderBytes = 16 << 20;

    private static ReadOnlySpan<byte> Read(ChunkContext c, long offset, long count, ref byte[] buffer)
    {
        if (count > buffer.Length)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = ArrayPool<byte>.Shared.Rent((int)count);
        }
        var span = buffer.AsSpan(0, (int)count);
        var read = 0;
        while (read < span.Length)
        {
            var n = RandomAccess.Read(c.Handle, span[read..], offset + read);
            if (n == 0) throw Corrupt(c, $"ends at byte {offset + read}, before the {count} bytes expected at byte {offset}");
            read += n;
        }
        return span;
    }

    /// <summary>Where the footer starts: the 4-byte footer length sits before the trailing magic.</summary>
    private static long FooterStart(SafeFileHandle handle, long fileSize, string path)
    {
        Span<byte> tail = stackalloc byte[4];
        if (RandomAccess.Read(handle, tail, fileSize - 8) != 4) throw Corrupt(path, "is too short for a Parquet footer");
        var footerLength = BinaryPrimitives.ReadUInt32LittleEndian(tail);
        var start = fileSize - 8 - footerLength;
        if (start < 4) throw Corrupt(path, $"declares a {footerLength}-byte footer in a {fileSize}-byte file");
        return start;
    }

    /// <summary>
    /// parquet-mr before 1.2.9 left the dictionary page header out of the chunk's size (PARQUET-816); like
    /// Arrow, allow up to 100 bytes more for such files, stopping once the values are all there.
    /// </summary>
    private static long OldParquetMrPadding(ChunkContext c, long chunkEnd)
    {
        if (c.CreatedBy is not { } createdBy || !createdBy.StartsWith("parquet-mr", StringComparison.Ordinal)) return 0;
        // "parquet-mr" without a version counts as old, as in Arrow.
        var version = createdBy.StartsWith("parquet-mr version ", StringComparison.Ordinal) ? createdBy["parquet-mr version ".Length..].Split(' ', '-')[0] : "0.0.0";
        if (Version.TryParse(version, out var v) && v >= new Version(1, 2, 9)) return 0;
        return Math.Max(0, Math.Min(100, c.DataEnd - chunkEnd));
    }

    private static string Name(string path) => System.IO.Path.GetFileName(path);

    private static InputException Corrupt(ChunkContext c, string what) => Corrupt(c.Path, $"{c.Where} {what}");

    private static InputException Corrupt(string path, string what) =>
        ProfileErrors.For(ProfileErrors.CorruptData, path, $"'{Name(path)}' {what}.");
}
