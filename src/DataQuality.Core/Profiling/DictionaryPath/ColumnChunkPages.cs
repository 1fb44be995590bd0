using System.Buffers.Binary;
using DataQuality.Core.Datasets.ParquetPages;
using Microsoft.Win32.SafeHandles;
using Parquet.Meta;
using PageHeader = DataQuality.Core.Datasets.ParquetPages.PageHeader;

namespace DataQuality.Core.Profiling.DictionaryPath;

/// <summary>
/// One flat column chunk's bytes, read from the file in one bounded read into a reused buffer, walked page by
/// page (<see cref="PageHeader"/>) and handed out per data page as its non-null count and its values section,
/// decompressed into a reused buffer (<see cref="PageDecompressor"/>). Shared by the readers that bypass
/// Parquet.Net (<see cref="DictionaryChunkReader"/>, <see cref="PlainPath.PlainChunkReader"/>): every method
/// returns false on anything unexpected, and the caller then leaves the chunk to Parquet.Net, which stays the
/// reference for what the data holds and for how corruption is reported.
/// One instance per worker; not thread-safe.
/// </summary>
internal sealed class ColumnChunkPages(bool systemZstd = true) : IDisposable
{
    private const int Rle = 3;

    /// <summary>Chunks larger than this are left to Parquet.Net rather than read into one buffer.</summary>
    public const long MaxChunkBytes = 256L << 20;

    private readonly PageDecompressor _decompressor = new(systemZstd);
    private SafeFileHandle? _handle;
    private string? _file;
    private long _fileLength;
    private byte[] _chunk = [];
    private byte[] _page = [];
    private int _length;
    private CompressionCodec _codec;

    /// <summary>Reads the chunk <paramref name="meta"/> describes (from its dictionary page, when it has one); false, with why, when it is not to be read here.</summary>
    public bool TryLoad(string file, ColumnMetaData meta, out string reason)
    {
        _length = 0;
        if (!PageDecompressor.Supports(meta.Codec)) return Fail($"codec {meta.Codec}", out reason);
        var start = meta.DataPageOffset;
        if (meta.DictionaryPageOffset is > 0 and var dictionaryAt && dictionaryAt < start) start = dictionaryAt;
        var length = meta.TotalCompressedSize;
        Open(file);
        if (start < 4 || length <= 0 || length > MaxChunkBytes || start + length > _fileLength)
            return Fail($"chunk bytes {start}+{length} outside the file or above {MaxChunkBytes >> 20} MiB", out reason);
        if (!ReadChunk(start, (int)length)) return Fail("short read", out reason);
        _length = (int)length;
        _codec = meta.Codec;
        reason = "";
        return true;
    }

    /// <summary>
    /// The header of the next dictionary or data page from <paramref name="position"/> (index pages are skipped),
    /// checked against the chunk and the read limits; <paramref name="position"/> moves past its body,
    /// <paramref name="body"/> is where the body starts. False on any other page type.
    /// </summary>
    public bool TryNextPage(ref int position, ParquetReadLimits limits, out PageHeader header, out int body, out string reason)
    {
        while (true)
        {
            header = null!;
            body = 0;
            if (position >= _length) return Fail("pages end before the chunk's values", out reason);
            try
            {
                header = PageHeader.Read(_chunk.AsSpan(position, _length - position));
            }
            catch (Exception ex) when (ex is NeedMoreBytesException or FormatException or OverflowException)
            {
                return Fail("unreadable page header", out reason);
            }
            body = position + header.HeaderLength;
            if (header.CompressedSize < 0 || header.UncompressedSize < 0 || header.CompressedSize > _length - body
                || header.UncompressedSize > limits.MaxPageBytes || header.NumValues < 0)
                return Fail("page sizes out of range", out reason);
            position = body + header.CompressedSize;
            if (header.Type == PageHeader.IndexPage) continue;
            if (header.Type is not (PageHeader.DictionaryPage or PageHeader.DataPage or PageHeader.DataPageV2))
                return Fail($"page type {header.Type}", out reason);
            reason = "";
            return true;
        }
    }

    /// <summary>A whole page body (a dictionary page) decompressed into <paramref name="target"/>, which must be its uncompressed size.</summary>
    public bool TryDecompress(int body, PageHeader header, Span<byte> target) =>
        _decompressor.TryDecompress(_codec, _chunk, body, header.CompressedSize, target);

    /// <summary>
    /// A data page (V1 or V2) of a flat column: how many of its values are non-null (definition levels equal to
    /// <paramref name="maxDefinitionLevel"/>) and its values section, decompressed; valid until the next call.
    /// </summary>
    public bool TryDataPage(int body, PageHeader header, int maxDefinitionLevel, out int nonNull, out ReadOnlySpan<byte> values)
    {
        values = default;
        return header.Type == PageHeader.DataPage
            ? TryV1(body, header, maxDefinitionLevel, out nonNull, ref values)
            : TryV2(body, header, maxDefinitionLevel, out nonNull, ref values);
    }

    private bool TryV1(int body, PageHeader header, int maxDefinitionLevel, out int nonNull, ref ReadOnlySpan<byte> values)
    {
        nonNull = 0;
        ReadOnlySpan<byte> span;
        if (_codec == CompressionCodec.UNCOMPRESSED)
        {
            if (header.CompressedSize != header.UncompressedSize) return false;
            span = _chunk.AsSpan(body, header.CompressedSize);
        }
        else
        {
            var page = Decompress(body, header.CompressedSize, header.UncompressedSize);
            if (page is null) return false;
            span = page.AsSpan(0, header.UncompressedSize);
        }
        var valuesAt = 0;
        nonNull = header.NumValues;
        if (maxDefinitionLevel > 0)
        {
            // V1: a 4-byte length, then the levels (RLE/bit-packed hybrid; the deprecated BIT_PACKED is left to the reference).
            if (header.DefinitionLevelEncoding != Rle || span.Length < 4) return false;
            var levelBytes = BinaryPrimitives.ReadInt32LittleEndian(span);
            if (levelBytes < 0 || levelBytes > span.Length - 4) return false;
            if (!HybridCounts.TryCountDefined(span.Slice(4, levelBytes), maxDefinitionLevel, header.NumValues, out nonNull)) return false;
            valuesAt = 4 + levelBytes;
        }
        values = span[valuesAt..];
        return true;
    }

    private bool TryV2(int body, PageHeader header, int maxDefinitionLevel, out int nonNull, ref ReadOnlySpan<byte> values)
    {
        nonNull = 0;
        var repetition = header.RepetitionLevelsLength;
        var definition = header.DefinitionLevelsLength;
        if (repetition != 0 || definition < 0 || definition > header.CompressedSize || definition > header.UncompressedSize) return false;
        nonNull = header.NumValues;
        if (maxDefinitionLevel > 0)
        {
            if (!HybridCounts.TryCountDefined(_chunk.AsSpan(body, definition), maxDefinitionLevel, header.NumValues, out nonNull)) return false;
        }
        else if (definition != 0) return false;
        if (header.NumNulls != header.NumValues - nonNull) return false;
        // The levels are stored as they are; only the values section may be compressed.
        var storedValues = header.CompressedSize - definition;
        var valuesSize = header.UncompressedSize - definition;
        if (header.IsCompressed && _codec != CompressionCodec.UNCOMPRESSED)
        {
            var page = Decompress(body + definition, storedValues, valuesSize);
            if (page is null) return false;
            values = page.AsSpan(0, valuesSize);
        }
        else
        {
            if (storedValues != valuesSize) return false;
            values = _chunk.AsSpan(body + definition, storedValues);
        }
        return true;
    }

    private byte[]? Decompress(int at, int storedSize, int size)
    {
        if (_page.Length < size) _page = new byte[Math.Max(size, _page.Length * 2)];
        return _decompressor.TryDecompress(_codec, _chunk, at, storedSize, _page.AsSpan(0, size)) ? _page : null;
    }

    private void Open(string file)
    {
        if (_handle is not null && string.Equals(_file, file, StringComparison.Ordinal)) return;
        _handle?.Dispose();
        _handle = File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.Read);
        _file = file;
        _fileLength = RandomAccess.GetLength(_handle);
    }

    private bool ReadChunk(long start, int length)
    {
        if (_chunk.Length < length) _chunk = new byte[Math.Max(length, Math.Min(MaxChunkBytes, (long)_chunk.Length * 2))];
        var span = _chunk.AsSpan(0, length);
        var read = 0;
        while (read < length)
        {
            var n = RandomAccess.Read(_handle!, span[read..], start + read);
            if (n == 0) return false;
            read += n;
        }
        return true;
    }

    internal static bool Fail(string why, out string reason)
    {
        reason = why;
        return false;
    }

    public void Dispose()
    {
        _handle?.Dispose();
        _decompressor.Dispose();
    }
}
