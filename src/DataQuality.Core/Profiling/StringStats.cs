namespace DataQuality.Core.Profiling;

/// <summary>Length statistics (in UTF-16 code units) and how many values parse as each type.</summary>
public sealed class StringStats
{
    public long Count { get; set; }

    public long MinLength { get; set; } = long.MaxValue;

    public long MaxLength { get; set; }

    public long TotalLength { get; set; }

    public double? MeanLength => Count > 0 ? (double)TotalLength / Count : null;

    /// <summary>Values parsing as each of <see cref="StringParse.Kinds"/>, by kind name.</summary>
    public ParseCounts Parses { get; set; } = new();

    public void Merge(StringStats other)
    {
        if (other.Count == 0) return;
        Count += other.Count;
        MinLength = Math.Min(MinLength, other.MinLength);
        MaxLength = Math.Max(MaxLength, other.MaxLength);
        TotalLength += other.TotalLength;
        Parses.Merge(other.Parses);
    }

    /// <summary>Share of values that parse as <paramref name="count"/>'s kind, 0..1.</summary>
    public double Share(long count) => Count == 0 ? 0 : (double)count / Count;
}

/// <summary>Counts of string values that parse as integer, decimal, date, timestamp, boolean, uuid or email.</summary>
public sealed class ParseCounts
{
    public long Integer { get; set; }
    public long Decimal { get; set; }
    public long Date { get; set; }
    public long Timestamp { get; set; }
    public long Boolean { get; set; }
    public long Uuid { get; set; }
    public long Email { get; set; }

    public void Add(StringParse.Flags flags, long times)
    {
        if ((flags & StringParse.Flags.Integer) != 0) Integer += times;
        if ((flags & StringParse.Flags.Decimal) != 0) Decimal += times;
        if ((flags & StringParse.Flags.Date) != 0) Date += times;
        if ((flags & StringParse.Flags.Timestamp) != 0) Timestamp += times;
        if ((flags & StringParse.Flags.Boolean) != 0) Boolean += times;
        if ((flags & StringParse.Flags.Uuid) != 0) Uuid += times;
        if ((flags & StringParse.Flags.Email) != 0) Email += times;
    }

    public void Merge(ParseCounts o)
    {
        Integer += o.Integer; Decimal += o.Decimal; Date += o.Date; Timestamp += o.Timestamp;
        Boolean += o.Boolean; Uuid += o.Uuid; Email += o.Email;
    }
}
