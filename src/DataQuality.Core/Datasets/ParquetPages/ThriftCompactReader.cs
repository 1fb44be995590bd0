namespace DataQuality.Core.Datasets.ParquetPages;

/// <summary>
/// Just enough of Thrift's compact protocol to read a Parquet page header from a byte window. Reading
/// past the window throws <see cref="NeedMoreBytesException"/> (the caller widens the window and
/// retries); anything malformed throws <see cref="FormatException"/>. Nesting is bounded, so a hostile
/// header cannot recurse the stack away.
/// </summary>
internal ref struct ThriftCompactReader(ReadOnlySpan<byte> bytes)
{
    private const int MaxDepth = 32;
    private readonly ReadOnlySpan<byte> _bytes = bytes;

    public int Position { get; private set; }

    public const byte Stop = 0, True = 1, False = 2, Byte = 3, I16 = 4, I32 = 5, I64 = 6, Double = 7, Binary = 8, List = 9, Set = 10, Map = 11, Struct = 12;

    /// <summary>Next field of the current struct: (0, Stop) at its end.</summary>
    public (short Id, byte Type) ReadFieldHeader(ref short lastId)
    {
        var header = ReadByte();
        if (header == 0) return (0, Stop);
        var type = (byte)(header & 0x0F);
        var delta = header >> 4;
        var id = delta != 0 ? (short)(lastId + delta) : (short)ReadZigZag();
        if (type is 0 or > Struct) throw new FormatException($"unknown Thrift type {type} for field {id}");
        lastId = id;
        return (id, type);
    }

    /// <summary>
    /// Integer fields are read whatever integer type the writer chose (some write an i32 as i16): the
    /// check is about the values, and a value out of the field's range is reported as such.
    /// </summary>
    public static bool IsInteger(byte type) => type is Byte or I16 or I32 or I64;

    public int ReadInt(byte type)
    {
        var value = ReadLong(type);
        if (value is < int.MinValue or > int.MaxValue) throw new FormatException($"value {value} does not fit a 32-bit field");
        return (int)value;
    }

    public long ReadLong(byte type) => type == Byte ? (sbyte)ReadByte() : ReadZigZag();

    public static bool ReadBool(byte type) => type == True;

    public void Skip(byte type, int depth = 0)
    {
        if (depth > MaxDepth) throw new FormatException("Thrift structures nested too deeply");
        switch (type)
        {
            case True or False: return;
            case Byte: ReadByte(); return;
            case I16 or I32 or I64: ReadVarint(); return;
            case Double: Advance(8); return;
            case Binary: Advance(checked((int)ReadLength())); return;
            case List or Set:
            {
                var header = ReadByte();
                long count = header >> 4;
                if (count == 15) count = ReadLength();
                var element = (byte)(header & 0x0F);
                for (long i = 0; i < count; i++) SkipElement(element, depth + 1);
                return;
            }
            case Map:
            {
                var count = ReadLength();
                if (count == 0) return;
                var kinds = ReadByte();
                for (long i = 0; i < count; i++)
                {
                    SkipElement((byte)(kinds >> 4), depth + 1);
                    SkipElement((byte)(kinds & 0x0F), depth + 1);
                }
                return;
            }
            case Struct:
            {
                short last = 0;
                while (true)
                {
                    var (_, fieldType) = ReadFieldHeader(ref last);
                    if (fieldType == Stop) return;
                    Skip(fieldType, depth + 1);
                }
            }
            default: throw new FormatException($"unknown Thrift type {type}");
        }
    }

    // Inside containers a boolean is a whole byte, not folded into the type nibble.
    private void SkipElement(byte type, int depth)
    {
        if (type is True or False) ReadByte();
        else Skip(type, depth);
    }

    private long ReadLength()
    {
        var length = ReadVarint();
        if (length > int.MaxValue) throw new FormatException($"Thrift length {length} out of range");
        return (long)length;
    }

    private long ReadZigZag()
    {
        var raw = ReadVarint();
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }

    private ulong ReadVarint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = ReadByte();
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
        throw new FormatException("Thrift varint longer than 10 bytes");
    }

    private byte ReadByte()
    {
        if (Position >= _bytes.Length) throw new NeedMoreBytesException();
        return _bytes[Position++];
    }

    private void Advance(int count)
    {
        if (count < 0) throw new FormatException("negative Thrift length");
        if ((long)Position + count > _bytes.Length) throw new NeedMoreBytesException();
        Position += count;
    }
}

/// <summary>The header runs past the bytes read so far.</summary>
internal sealed class NeedMoreBytesException() : Exception("page header runs past the bytes read");
