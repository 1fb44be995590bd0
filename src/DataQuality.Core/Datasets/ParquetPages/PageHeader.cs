namespace DataQuality.Core.Datasets.ParquetPages;

/// <summary>The fields of a Parquet <c>PageHeader</c> (parquet.thrift) the page check looks at.</summary>
internal sealed record PageHeader
{
    public const int DataPage = 0, IndexPage = 1, DictionaryPage = 2, DataPageV2 = 3;

    /// <summary>Bytes the header itself takes in the file; the page body follows it.</summary>
    public int HeaderLength { get; init; }

    public int Type { get; init; } = -1;
    public int UncompressedSize { get; init; } = -1;
    public int CompressedSize { get; init; } = -1;

    /// <summary>Values in the page (data pages, V1 and V2) or entries in the dictionary.</summary>
    public int NumValues { get; init; } = Absent;

    /// <summary>A count the header did not give.</summary>
    public const int Absent = int.MinValue;

    public static string Count(int value) => value == Absent ? "no" : value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // V1 data pages: how the levels are encoded (RLE = 3, deprecated BIT_PACKED = 4).
    public int DefinitionLevelEncoding { get; init; } = -1;
    public int RepetitionLevelEncoding { get; init; } = -1;

    // V2 data pages.
    public int NumNulls { get; init; } = -1;
    public int NumRows { get; init; } = -1;
    public int DefinitionLevelsLength { get; init; } = -1;
    public int RepetitionLevelsLength { get; init; } = -1;

    /// <summary>How the page's values are encoded (parquet.thrift Encoding: PLAIN = 0, PLAIN_DICTIONARY = 2, RLE_DICTIONARY = 8); -1 when absent.</summary>
    public int Encoding { get; init; } = -1;

    /// <summary>V2 data pages: whether the values section is compressed (the levels never are); true when absent, as the format says.</summary>
    public bool IsCompressed { get; init; } = true;

    /// <summary>The page statistics' null count, when the writer gave one.</summary>
    public long? NullCount { get; init; }

    public static PageHeader Read(ReadOnlySpan<byte> bytes)
    {
        var reader = new ThriftCompactReader(bytes);
        var header = new PageHeader();
        short last = 0;
        bool sawType = false, sawUncompressed = false, sawCompressed = false;
        while (true)
        {
            var (id, type) = reader.ReadFieldHeader(ref last);
            if (type == ThriftCompactReader.Stop) break;
            switch (id)
            {
                case 1 when ThriftCompactReader.IsInteger(type): header = header with { Type = reader.ReadInt(type) }; sawType = true; break;
                case 2 when ThriftCompactReader.IsInteger(type): header = header with { UncompressedSize = reader.ReadInt(type) }; sawUncompressed = true; break;
                case 3 when ThriftCompactReader.IsInteger(type): header = header with { CompressedSize = reader.ReadInt(type) }; sawCompressed = true; break;
                case 5 when type == ThriftCompactReader.Struct: header = ReadDataPage(ref reader, header); break;
                case 7 when type == ThriftCompactReader.Struct: header = ReadDictionaryPage(ref reader, header); break;
                case 8 when type == ThriftCompactReader.Struct: header = ReadDataPageV2(ref reader, header); break;
                default: reader.Skip(type); break;
            }
        }
        if (!sawType || !sawUncompressed || !sawCompressed)
            throw new FormatException("page header lacks its type or sizes");
        return header with { HeaderLength = reader.Position };
    }

    private static PageHeader ReadDataPage(ref ThriftCompactReader reader, PageHeader header)
    {
        short last = 0;
        while (true)
        {
            var (id, type) = reader.ReadFieldHeader(ref last);
            if (type == ThriftCompactReader.Stop) return header;
            switch (id)
            {
                case 1 when ThriftCompactReader.IsInteger(type): header = header with { NumValues = reader.ReadInt(type) }; break;
                case 2 when ThriftCompactReader.IsInteger(type): header = header with { Encoding = reader.ReadInt(type) }; break;
                case 3 when ThriftCompactReader.IsInteger(type): header = header with { DefinitionLevelEncoding = reader.ReadInt(type) }; break;
                case 4 when ThriftCompactReader.IsInteger(type): header = header with { RepetitionLevelEncoding = reader.ReadInt(type) }; break;
                case 5 when type == ThriftCompactReader.Struct: header = header with { NullCount = ReadNullCount(ref reader) }; break;
                default: reader.Skip(type); break;
            }
        }
    }

    private static PageHeader ReadDictionaryPage(ref ThriftCompactReader reader, PageHeader header)
    {
        short last = 0;
        while (true)
        {
            var (id, type) = reader.ReadFieldHeader(ref last);
            if (type == ThriftCompactReader.Stop) return header;
            if (id == 1 && ThriftCompactReader.IsInteger(type)) header = header with { NumValues = reader.ReadInt(type) };
            else if (id == 2 && ThriftCompactReader.IsInteger(type)) header = header with { Encoding = reader.ReadInt(type) };
            else reader.Skip(type);
        }
    }

    private static PageHeader ReadDataPageV2(ref ThriftCompactReader reader, PageHeader header)
    {
        short last = 0;
        while (true)
        {
            var (id, type) = reader.ReadFieldHeader(ref last);
            if (type == ThriftCompactReader.Stop) return header;
            switch (id)
            {
                case 1 when ThriftCompactReader.IsInteger(type): header = header with { NumValues = reader.ReadInt(type) }; break;
                case 2 when ThriftCompactReader.IsInteger(type): header = header with { NumNulls = reader.ReadInt(type) }; break;
                case 3 when ThriftCompactReader.IsInteger(type): header = header with { NumRows = reader.ReadInt(type) }; break;
                case 4 when ThriftCompactReader.IsInteger(type): header = header with { Encoding = reader.ReadInt(type) }; break;
                case 5 when ThriftCompactReader.IsInteger(type): header = header with { DefinitionLevelsLength = reader.ReadInt(type) }; break;
                case 6 when ThriftCompactReader.IsInteger(type): header = header with { RepetitionLevelsLength = reader.ReadInt(type) }; break;
                case 7 when type is ThriftCompactReader.True or ThriftCompactReader.False: header = header with { IsCompressed = ThriftCompactReader.ReadBool(type) }; break;
                case 8 when type == ThriftCompactReader.Struct: header = header with { NullCount = ReadNullCount(ref reader) }; break;
                default: reader.Skip(type); break;
            }
        }
    }

    private static long? ReadNullCount(ref ThriftCompactReader reader)
    {
        long? nulls = null;
        short last = 0;
        while (true)
        {
            var (id, type) = reader.ReadFieldHeader(ref last);
            if (type == ThriftCompactReader.Stop) return nulls;
            if (id == 3 && ThriftCompactReader.IsInteger(type)) nulls = reader.ReadLong(type);
            else reader.Skip(type);
        }
    }
}
