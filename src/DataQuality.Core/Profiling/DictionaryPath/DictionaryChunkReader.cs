using System.Buffers.Binary;
using DataQuality.Core.Datasets.ParquetPages;
using Parquet.Meta;
using PageHeader = DataQuality.Core.Datasets.ParquetPages.PageHeader;

namespace DataQuality.Core.Profiling.DictionaryPath;

/// <summary>
/// Reads a flat BYTE_ARRAY column chunk whose data pages are all dictionary encoded straight from the
/// file and counts how often each dictionary entry is referenced, so the profiler never sees one value
/// per row: Parquet.Net 6.1 expands every index into a <see cref="ReadOnlyMemory{T}"/> (an object
/// reference per value, write barriers, GC) that <see cref="DictionaryEntryCounter"/> then folds back into
/// the entries. One bounded read per chunk into a reused buffer, page headers parsed with
/// <see cref="PageHeader"/>, bodies decompressed into reused buffers (<see cref="PageDecompressor"/>),
/// levels and indexes counted by <see cref="HybridCounts"/>.
/// <para>Anything it does not expect (a PLAIN page after the dictionary, another encoding or codec, a
/// header it cannot parse, counts that do not add up, an index past the dictionary) makes
/// <see cref="TryRead"/> return false with a reason, having touched nothing: the chunk then goes to the
/// Parquet.Net path, which stays the reference for what the data holds and for how corruption is reported.</para>
/// One instance per worker; not thread-safe.
/// </summary>
internal sealed class DictionaryChunkReader(ColumnChunkPages pages)
{
    private const int Plain = 0, PlainDictionary = 2, RleDictionary = 8;

    private readonly ColumnChunkPages _pages = pages;
    private byte[] _dictionary = [];
    private int[] _entryOffsets = [];
    private int[] _entryLengths = [];
    // One slot per index a bit width can express; grown to the widest width seen (a 256 KiB array for 16 bits
    // up front would cost fresh zeroed pages in every process).
    private int[] _counts = new int[256];
    private int _countsUsed;
    private char[] _chars = [];
    private ReadOnlyMemory<char>[] _values = [];
    private long[] _valueCounts = [];

    /// <summary>The referenced entries of the last chunk read, as text (UTF-8 decoded as Parquet.Net decodes it).</summary>
    public ReadOnlySpan<ReadOnlyMemory<char>> Values => _values.AsSpan(0, _valueCount);

    /// <summary>How often each of <see cref="Values"/> occurs; all positive.</summary>
    public ReadOnlySpan<long> Counts => _valueCounts.AsSpan(0, _valueCount);

    /// <summary>Non-null values in the last chunk read.</summary>
    public int NonNull { get; private set; }

    private int _valueCount;

    /// <summary>
    /// Counts one chunk; false (with why) when it is to be left to Parquet.Net. What it accepts is exactly what
    /// <see cref="DictionaryEntryCounter"/> would count per entry after Parquet.Net: at most
    /// <see cref="DictionaryEntryCounter.MaxEntries"/> entries, and a larger dictionary than
    /// <see cref="DictionaryEntryCounter.ProbeMaxDistinct"/> only if its first indexes pass the counter's probe.
    /// </summary>
    public bool TryRead(string file, ColumnMetaData meta, int maxDefinitionLevel, int numValues, ParquetReadLimits limits, out string reason)
    {
        _valueCount = 0;
        NonNull = 0;
        _probed = 0;
        _probeDistinct = 0;
        if (meta.Encodings is { } encodings && !encodings.Contains(Encoding.RLE_DICTIONARY) && !encodings.Contains(Encoding.PLAIN_DICTIONARY))
            return Fail("no dictionary encoding", out reason);
        if (!_pages.TryLoad(file, meta, out reason)) return false;

        ClearCounts();
        var position = 0;
        long values = 0;
        var nonNull = 0;
        var entries = -1;
        while (values < numValues)
        {
            if (!_pages.TryNextPage(ref position, limits, out var header, out var body, out reason)) return false;
            if (header.Type == PageHeader.DictionaryPage)
            {
                if (entries >= 0 || values > 0 || header.Encoding is not (Plain or PlainDictionary)) return Fail("unexpected dictionary page", out reason);
                if (header.NumValues > DictionaryEntryCounter.MaxEntries) return Fail($"{header.NumValues} dictionary entries", out reason);
                if (!ReadDictionary(body, header)) return Fail("unreadable dictionary page", out reason);
                entries = header.NumValues;
                if (entries > DictionaryEntryCounter.ProbeMaxDistinct)
                {
                    if (_probeSeen.Length < entries) _probeSeen = new bool[entries];
                    else Array.Clear(_probeSeen, 0, entries);
                }
                continue;
            }
            if (entries < 0) return Fail("data page without a dictionary", out reason);
            if (header.Encoding is not (PlainDictionary or RleDictionary)) return Fail($"data page encoding {header.Encoding}", out reason);
            if (values + header.NumValues > numValues) return Fail("pages hold more values than the chunk", out reason);
            if (!_pages.TryDataPage(body, header, maxDefinitionLevel, out var pageNonNull, out var indexes)
                || !CountIndexes(indexes, pageNonNull, entries)) return Fail("unreadable data page", out reason);
            values += header.NumValues;
            nonNull += pageNonNull;
        }
        if (entries < 0 && values > 0) return Fail("no dictionary page", out reason);
        if (_probed == DictionaryEntryCounter.ProbeValues && _probeDistinct > DictionaryEntryCounter.ProbeMaxDistinct)
            return Fail($"{_probeDistinct} distinct among the first {_probed} values (the entry counter samples such chunks value by value)", out reason);
        // An index at or past the dictionary's size was counted in a slot no entry owns.
        for (var i = Math.Max(0, entries); i < _countsUsed; i++)
            if (_counts[i] != 0) return Fail("index past the dictionary", out reason);
        NonNull = nonNull;
        Materialise(Math.Max(0, entries));
        reason = "";
        return true;
    }

    private static bool Fail(string why, out string reason) => ColumnChunkPages.Fail(why, out reason);

    /// <summary>A bit width byte, then the indexes (RLE/bit-packed hybrid).</summary>
    private bool CountIndexes(ReadOnlySpan<byte> values, int count, int entries)
    {
        if (count == 0) return true;
        if (values.IsEmpty) return false;
        var width = values[0];
        if (width > HybridCounts.MaxIndexBitWidth) return false;
        if (_counts.Length < 1 << width) Array.Resize(ref _counts, 1 << width);
        _countsUsed = Math.Max(_countsUsed, 1 << width);
        if (entries > DictionaryEntryCounter.ProbeMaxDistinct && _probed < DictionaryEntryCounter.ProbeValues && !Probe(values[1..], width, count, entries))
            return false;
        return HybridCounts.TryCountIndexes(values[1..], width, count, entries, _counts);
    }

    // The entry counter's probe, mirrored: distinct indexes among the chunk's first non-null values.
    private int _probed, _probeDistinct;
    private bool[] _probeSeen = [];
    private readonly int[] _probeIndexes = new int[DictionaryEntryCounter.ProbeValues];

    private bool Probe(ReadOnlySpan<byte> indexes, int width, int count, int entries)
    {
        var n = Math.Min(count, DictionaryEntryCounter.ProbeValues - _probed);
        var decoded = _probeIndexes.AsSpan(0, n);
        if (!HybridCounts.TryDecode(indexes, width, decoded)) return false;
        foreach (var index in decoded)
        {
            // An index past the dictionary fails the whole chunk after counting.
            if ((uint)index >= (uint)entries || _probeSeen[index]) continue;
            _probeSeen[index] = true;
            _probeDistinct++;
        }
        _probed += n;
        return true;
    }


    /// <summary>PLAIN byte arrays: a 4-byte length, then the bytes, per entry.</summary>
    private bool ReadDictionary(int body, PageHeader header)
    {
        var size = header.UncompressedSize;
        if (_dictionary.Length < size) _dictionary = new byte[Math.Max(size, _dictionary.Length * 2)];
        if (!_pages.TryDecompress(body, header, _dictionary.AsSpan(0, size))) return false;
        var entries = header.NumValues;
        if (_entryOffsets.Length < entries)
        {
            _entryOffsets = new int[entries];
            _entryLengths = new int[entries];
        }
        var span = _dictionary.AsSpan(0, size);
        var position = 0;
        for (var e = 0; e < entries; e++)
        {
            if (span.Length - position < 4) return false;
            var length = BinaryPrimitives.ReadInt32LittleEndian(span[position..]);
            if (length < 0 || length > span.Length - position - 4) return false;
            _entryOffsets[e] = position + 4;
            _entryLengths[e] = length;
            position += 4 + length;
        }
        return true;
    }

    /// <summary>The referenced entries as text, in dictionary order; unreferenced entries are left out entirely.</summary>
    private void Materialise(int entries)
    {
        var chars = 0;
        var referenced = 0;
        for (var e = 0; e < entries; e++)
        {
            if (_counts[e] == 0) continue;
            chars += System.Text.Encoding.UTF8.GetMaxCharCount(_entryLengths[e]);
            referenced++;
        }
        if (_chars.Length < chars) _chars = new char[Math.Max(chars, _chars.Length * 2)];
        if (_values.Length < referenced)
        {
            _values = new ReadOnlyMemory<char>[Math.Max(referenced, _values.Length * 2)];
            _valueCounts = new long[_values.Length];
        }
        var at = 0;
        var v = 0;
        for (var e = 0; e < entries; e++)
        {
            if (_counts[e] == 0) continue;
            // Invalid UTF-8 becomes U+FFFD, as Encoding.UTF8 (which Parquet.Net decodes with) makes it.
            var n = System.Text.Encoding.UTF8.GetChars(_dictionary.AsSpan(_entryOffsets[e], _entryLengths[e]), _chars.AsSpan(at));
            _values[v] = new ReadOnlyMemory<char>(_chars, at, n);
            _valueCounts[v] = _counts[e];
            at += n;
            v++;
        }
        _valueCount = v;
    }

    private void ClearCounts()
    {
        Array.Clear(_counts, 0, _countsUsed);
        _countsUsed = 0;
    }
}
