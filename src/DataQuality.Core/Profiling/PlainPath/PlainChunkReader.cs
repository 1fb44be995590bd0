using DataQuality.Core.Datasets.ParquetPages;
using DataQuality.Core.Profiling.DictionaryPath;
using Parquet.Meta;
using PageHeader = DataQuality.Core.Datasets.ParquetPages.PageHeader;

namespace DataQuality.Core.Profiling.PlainPath;

/// <summary>
/// Reads a flat fixed-width numeric column chunk (INT32, INT64, FLOAT, DOUBLE) whose data pages are all PLAIN
/// straight from the file into the profiler's value buffer. Parquet.Net 6.1 allocates and copies every page
/// (a growing MemoryStream and its ToArray, a new ZSTD decompressor per page, another copy of the output);
/// here the chunk is read once into a reused buffer and each page's values are copied once, from the
/// decompressed page to the buffer the accumulator reads. PLAIN stores only the non-null values, back to
/// back, so the definition levels are only counted (<see cref="HybridCounts"/>), never used to place values.
/// <para>Anything it does not expect (a dictionary page, another encoding, a codec <see cref="PageDecompressor"/>
/// lacks, a values section whose size is not exactly the non-null count times the width) makes
/// <see cref="TryRead"/> return false with a reason: the chunk then goes to Parquet.Net, which stays the
/// reference for what the data holds and for how corruption is reported.</para>
/// One instance per worker; not thread-safe.
/// </summary>
internal sealed class PlainChunkReader(ColumnChunkPages pages)
{
    private const int Plain = 0;

    /// <summary>Non-null values in the last chunk read; they fill the target's first NonNull × width bytes.</summary>
    public int NonNull { get; private set; }

    /// <summary>
    /// Copies one chunk's values (little-endian, <paramref name="width"/> bytes each, as PLAIN stores them and as
    /// this process holds them) to <paramref name="target"/>; false (with why) when it is to be left to Parquet.Net.
    /// </summary>
    public bool TryRead(string file, ColumnMetaData meta, int maxDefinitionLevel, int numValues, int width, Span<byte> target, ParquetReadLimits limits, out string reason)
    {
        NonNull = 0;
        if (!BitConverter.IsLittleEndian) return ColumnChunkPages.Fail("big-endian process", out reason);
        if (meta.Encodings is { } encodings && encodings.Exists(e => e is not (Encoding.PLAIN or Encoding.RLE or Encoding.BIT_PACKED)))
            return ColumnChunkPages.Fail($"encodings {string.Join("/", encodings)}", out reason);
        if ((long)numValues * width > target.Length) return ColumnChunkPages.Fail("value buffer too small", out reason);
        if (!pages.TryLoad(file, meta, out reason)) return false;

        var position = 0;
        long values = 0;
        var nonNull = 0;
        while (values < numValues)
        {
            if (!pages.TryNextPage(ref position, limits, out var header, out var body, out reason)) return false;
            if (header.Type == PageHeader.DictionaryPage) return ColumnChunkPages.Fail("dictionary page", out reason);
            if (header.Encoding != Plain) return ColumnChunkPages.Fail($"data page encoding {header.Encoding}", out reason);
            if (values + header.NumValues > numValues) return ColumnChunkPages.Fail("pages hold more values than the chunk", out reason);
            if (!pages.TryDataPage(body, header, maxDefinitionLevel, out var pageNonNull, out var bytes))
                return ColumnChunkPages.Fail("unreadable data page", out reason);
            // Exactly the non-null values: a shorter section is corrupt, a longer one is not what writers produce.
            if (bytes.Length != (long)pageNonNull * width) return ColumnChunkPages.Fail($"values section of {bytes.Length} bytes for {pageNonNull} values", out reason);
            bytes.CopyTo(target[(nonNull * width)..]);
            values += header.NumValues;
            nonNull += pageNonNull;
        }
        NonNull = nonNull;
        reason = "";
        return true;
    }
}
