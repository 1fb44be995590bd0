using System.Buffers.Binary;
using System.Text;

namespace DataQuality.Core.Tests.TestSupport;

/// <summary>
/// Writes a one-column (optional UTF-8 string), one-row-group Parquet file page by page, for layouts no
/// writer at hand produces: DuckDB and Parquet.Net decide dictionary or PLAIN per chunk, while parquet-mr and
/// Arrow fall back from dictionary to PLAIN pages in the middle of a chunk when the dictionary grows too
/// large. Also unreferenced dictionary entries, narrow bit widths, RLE runs and V2 pages with compressed values.
/// Pages are raw: the caller gives definition levels and values, this class encodes them.
/// </summary>
internal sealed class HandWrittenParquet
{
    public const int Uncompressed = 0, Snappy = 1;

    /// <summary>Physical types (parquet.thrift Type) of the one column; BYTE_ARRAY is written as a UTF-8 string.</summary>
    public const int Int64 = 2, Double = 5, ByteArray = 6;

    private readonly int _codec;
    private readonly int _physicalType;
    private readonly MemoryStream _pages = new();
    private readonly List<int> _encodings = [];
    private long _values, _uncompressed;
    private long? _dictionaryOffset;
    private long _firstDataPage = -1;

    public HandWrittenParquet(int codec, int physicalType = ByteArray)
    {
        _codec = codec;
        _physicalType = physicalType;
        _pages.Write("PAR1"u8);
    }

    public HandWrittenParquet Dictionary(params string[] entries) => Dictionary(entries.Select(Encoding.UTF8.GetBytes).ToArray());

    /// <summary>A dictionary of raw byte strings (which need not be valid UTF-8).</summary>
    public HandWrittenParquet Dictionary(byte[][] entries)
    {
        var body = new MemoryStream();
        foreach (var e in entries) Plain(body, e);
        _dictionaryOffset = _pages.Position;
        Page(2, body.ToArray(), w =>
        {
            w.BeginStruct(7);
            w.I32(1, entries.Length);
            w.I32(2, 0); // PLAIN
            w.EndStruct();
        });
        _encodings.Add(0);
        return this;
    }

    /// <summary>A V1 data page of dictionary indexes (null = a NULL row), bit-packed at <paramref name="width"/> bits, with RLE runs where a value repeats 16 times or more.</summary>
    public HandWrittenParquet IndexPage(int?[] rows, int width)
    {
        var body = new MemoryStream();
        Levels(body, rows.Select(r => r is null ? 0 : 1).ToArray(), lengthPrefix: true);
        body.WriteByte((byte)width);
        Hybrid(body, rows.Where(r => r is not null).Select(r => r!.Value).ToArray(), width);
        DataPageV1(rows.Length, 8, body.ToArray());
        return this;
    }

    /// <summary>A V1 PLAIN data page (a writer's fallback once its dictionary is full).</summary>
    public HandWrittenParquet PlainPage(string?[] rows)
    {
        var body = new MemoryStream();
        Levels(body, rows.Select(r => r is null ? 0 : 1).ToArray(), lengthPrefix: true);
        foreach (var r in rows) if (r is not null) Plain(body, r);
        DataPageV1(rows.Length, 0, body.ToArray());
        return this;
    }

    /// <summary>A V2 data page of dictionary indexes: levels stored as they are, only the values compressed.</summary>
    public HandWrittenParquet IndexPageV2(int?[] rows, int width)
    {
        var values = new MemoryStream();
        values.WriteByte((byte)width);
        Hybrid(values, rows.Where(r => r is not null).Select(r => r!.Value).ToArray(), width);
        return DataPageV2(rows.Select(r => r is not null).ToArray(), 8, values.ToArray());
    }

    /// <summary>A V2 PLAIN data page of fixed-width numbers (the column's physical type must match <typeparamref name="T"/>).</summary>
    public HandWrittenParquet PlainPageV2<T>(T?[] rows) where T : unmanaged
    {
        var present = rows.Where(r => r is not null).Select(r => r!.Value).ToArray();
        return DataPageV2(rows.Select(r => r is not null).ToArray(), 0, System.Runtime.InteropServices.MemoryMarshal.AsBytes(present.AsSpan()).ToArray());
    }

    private HandWrittenParquet DataPageV2(bool[] present, int encoding, byte[] raw)
    {
        var levels = new MemoryStream();
        Levels(levels, present.Select(p => p ? 1 : 0).ToArray(), lengthPrefix: false);
        var stored = Compress(raw);
        var levelBytes = levels.ToArray();
        RecordDataPage(present.Length, encoding);
        var header = new ThriftWriter();
        header.I32(1, 3);
        header.I32(2, levelBytes.Length + raw.Length);
        header.I32(3, levelBytes.Length + stored.Length);
        header.BeginStruct(8);
        header.I32(1, present.Length);
        header.I32(2, present.Count(p => !p));
        header.I32(3, present.Length);
        header.I32(4, encoding);
        header.I32(5, levelBytes.Length);
        header.I32(6, 0);
        header.EndStruct();
        header.Stop();
        _pages.Write(header.ToArray());
        _pages.Write(levelBytes);
        _pages.Write(stored);
        _uncompressed += header.Length + levelBytes.Length + raw.Length;
        return this;
    }

    public void Save(string path)
    {
        var chunkStart = _dictionaryOffset ?? _firstDataPage;
        var chunkEnd = _pages.Position;
        var footer = new ThriftWriter();
        footer.I32(1, 1);
        footer.BeginList(2, ThriftWriter.Struct, 2);
        footer.BeginElement(); footer.Binary(4, "schema"); footer.I32(5, 1); footer.EndStruct();
        footer.BeginElement(); footer.I32(1, _physicalType); footer.I32(3, 1); footer.Binary(4, "s");
        if (_physicalType == ByteArray) footer.I32(6, 0);
        footer.EndStruct();
        footer.I64(3, _values);
        footer.BeginList(4, ThriftWriter.Struct, 1);
        footer.BeginElement();
        footer.BeginList(1, ThriftWriter.Struct, 1);
        footer.BeginElement();
        footer.I64(2, chunkStart);
        footer.BeginStruct(3);
        footer.I32(1, _physicalType);
        var encodings = _encodings.Append(3).Distinct().ToList();
        footer.BeginList(2, ThriftWriter.I32Type, encodings.Count);
        foreach (var e in encodings) footer.ListI32(e);
        footer.BeginList(3, ThriftWriter.BinaryType, 1);
        footer.ListBinary("s");
        footer.I32(4, _codec);
        footer.I64(5, _values);
        footer.I64(6, _uncompressed);
        footer.I64(7, chunkEnd - chunkStart);
        footer.I64(9, _firstDataPage);
        if (_dictionaryOffset is { } d) footer.I64(11, d);
        footer.EndStruct();
        footer.EndStruct(); // column chunk
        footer.I64(2, _uncompressed);
        footer.I64(3, _values);
        footer.EndStruct(); // row group
        footer.Binary(6, "dq hand-written test file");
        footer.Stop();
        var bytes = footer.ToArray();
        _pages.Write(bytes);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
        _pages.Write(length);
        _pages.Write("PAR1"u8);
        File.WriteAllBytes(path, _pages.ToArray());
    }

    private void DataPageV1(int rows, int encoding, byte[] body)
    {
        RecordDataPage(rows, encoding);
        Page(0, body, w =>
        {
            w.BeginStruct(5);
            w.I32(1, rows);
            w.I32(2, encoding);
            w.I32(3, 3);
            w.I32(4, 3);
            w.EndStruct();
        });
    }

    private void RecordDataPage(int rows, int encoding)
    {
        if (_firstDataPage < 0) _firstDataPage = _pages.Position;
        _values += rows;
        _encodings.Add(encoding);
    }

    private void Page(int type, byte[] raw, Action<ThriftWriter> typeHeader)
    {
        var stored = Compress(raw);
        var header = new ThriftWriter();
        header.I32(1, type);
        header.I32(2, raw.Length);
        header.I32(3, stored.Length);
        typeHeader(header);
        header.Stop();
        _pages.Write(header.ToArray());
        _pages.Write(stored);
        _uncompressed += header.Length + raw.Length;
    }

    private byte[] Compress(byte[] raw) => _codec == Snappy ? Snappier.Snappy.CompressToArray(raw) : raw;

    private static void Plain(Stream s, string value) => Plain(s, Encoding.UTF8.GetBytes(value));

    private static void Plain(Stream s, byte[] bytes)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
        s.Write(length);
        s.Write(bytes);
    }

    private static void Levels(Stream s, int[] levels, bool lengthPrefix)
    {
        var encoded = new MemoryStream();
        Hybrid(encoded, levels, 1);
        if (lengthPrefix)
        {
            Span<byte> length = stackalloc byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(length, (int)encoded.Length);
            s.Write(length);
        }
        s.Write(encoded.ToArray());
    }

    /// <summary>RLE runs for 16 or more equal values in a row, bit-packed groups of 8 for the rest.</summary>
    private static void Hybrid(Stream s, int[] values, int width)
    {
        var i = 0;
        var pending = new List<int>();
        void FlushPacked()
        {
            if (pending.Count == 0) return;
            var groups = (pending.Count + 7) / 8;
            Varint(s, ((ulong)groups << 1) | 1);
            var bits = new byte[groups * width];
            for (var v = 0; v < pending.Count; v++)
                for (var b = 0; b < width; b++)
                    if ((pending[v] >> b & 1) != 0) bits[(v * width + b) / 8] |= (byte)(1 << ((v * width + b) % 8));
            s.Write(bits);
            pending.Clear();
        }
        while (i < values.Length)
        {
            var run = 1;
            while (i + run < values.Length && values[i + run] == values[i]) run++;
            // A bit-packed run holds whole groups, so an RLE run may only start on a group boundary.
            if (run >= 16 && pending.Count % 8 == 0)
            {
                FlushPacked();
                Varint(s, (ulong)run << 1);
                for (var b = 0; b < (width + 7) / 8; b++) s.WriteByte((byte)(values[i] >> (8 * b)));
                i += run;
                continue;
            }
            pending.Add(values[i]);
            i++;
        }
        FlushPacked();
    }

    private static void Varint(Stream s, ulong value)
    {
        while (value >= 0x80)
        {
            s.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        s.WriteByte((byte)value);
    }

    /// <summary>Thrift compact protocol, only what a Parquet footer and page header need.</summary>
    private sealed class ThriftWriter
    {
        public const byte I32Type = 5, I64Type = 6, BinaryType = 8, Struct = 12;
        private readonly MemoryStream _out = new();
        private readonly Stack<short> _outer = new();
        private short _last;

        public long Length => _out.Length;

        public byte[] ToArray() => _out.ToArray();

        public void I32(short id, int value) { Field(id, I32Type); Varint(_out, ZigZag(value)); }

        public void I64(short id, long value) { Field(id, I64Type); Varint(_out, ZigZag(value)); }

        public void Binary(short id, string value) { Field(id, BinaryType); ListBinary(value); }

        public void BeginStruct(short id) { Field(id, Struct); BeginElement(); }

        public void BeginElement() { _outer.Push(_last); _last = 0; }

        public void EndStruct() { _out.WriteByte(0); _last = _outer.Pop(); }

        public void Stop() => _out.WriteByte(0);

        public void BeginList(short id, byte elementType, int count)
        {
            Field(id, 9);
            if (count < 15) _out.WriteByte((byte)(count << 4 | elementType));
            else
            {
                _out.WriteByte((byte)(0xF0 | elementType));
                Varint(_out, (ulong)count);
            }
        }

        public void ListI32(int value) => Varint(_out, ZigZag(value));

        public void ListBinary(string value)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            Varint(_out, (ulong)bytes.Length);
            _out.Write(bytes);
        }

        private void Field(short id, byte type)
        {
            var delta = id - _last;
            if (delta is > 0 and <= 15) _out.WriteByte((byte)(delta << 4 | type));
            else
            {
                _out.WriteByte(type);
                Varint(_out, ZigZag(id));
            }
            _last = id;
        }

        private static ulong ZigZag(long v) => (ulong)((v << 1) ^ (v >> 63));
    }
}
