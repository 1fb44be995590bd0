using System.Numerics;

namespace DataQuality.Core.Datasets.ParquetPages;

/// <summary>
/// Walks RLE/bit-packed hybrid levels (Parquet's encoding for repetition and definition levels) without
/// materialising them: counts how many decode, checks each against the column's maximum, and tracks what
/// the page check needs (the first level, how many are 0).
/// </summary>
internal static class LevelScan
{
    /// <param name="Decoded">Levels decoded, at most the page's value count (bit-packed padding is not counted).</param>
    /// <param name="First">The first level, or -1 when there is none.</param>
    /// <param name="Zeros">Levels equal to 0 (for repetition levels: rows starting in the page).</param>
    /// <param name="Max">The largest level seen.</param>
    public readonly record struct Summary(int Decoded, int First, long Zeros, int Max);

    public static int BitWidth(int maxLevel) => maxLevel <= 0 ? 0 : 32 - BitOperations.LeadingZeroCount((uint)maxLevel);

    /// <summary>Scans up to <paramref name="count"/> levels; stops early when the bytes run out.</summary>
    public static Summary Scan(ReadOnlySpan<byte> data, int maxLevel, int count)
    {
        var width = BitWidth(maxLevel);
        var position = 0;
        var decoded = 0;
        var first = -1;
        long zeros = 0;
        var max = 0;
        void Take(int level, long times)
        {
            if (first < 0) first = level;
            if (level == 0) zeros += times;
            if (level > max) max = level;
        }
        while (decoded < count && position < data.Length)
        {
            if (!TryVarint(data, ref position, out var header)) break;
            if ((header & 1) == 0)
            {
                // RLE run: one value repeated header/2 times, stored in ceil(width/8) bytes.
                var run = header >> 1;
                var bytes = (width + 7) / 8;
                if (position + bytes > data.Length || run == 0) break;
                var value = 0;
                for (var i = 0; i < bytes; i++) value |= data[position + i] << (8 * i);
                position += bytes;
                var taken = (int)Math.Min(run, (ulong)(count - decoded));
                Take(value, taken);
                decoded += taken;
            }
            else
            {
                // Bit-packed: header/2 groups of 8 values, width bits each, least significant bit first.
                var groups = header >> 1;
                var values = groups * 8;
                var available = Math.Min(values, (ulong)(data.Length - position) * 8 / (ulong)Math.Max(1, width));
                if (width == 0) available = values;
                var wanted = (int)Math.Min(available, (ulong)(count - decoded));
                for (var i = 0; i < wanted; i++)
                {
                    var value = width == 0 ? 0 : ReadBits(data[position..], i * width, width);
                    Take(value, 1);
                }
                decoded += wanted;
                if (available < values) break; // the bytes ran out inside the run
                position += (int)Math.Min((ulong)(data.Length - position), groups * (ulong)width);
            }
        }
        return new Summary(decoded, first, zeros, max);
    }

    private static int ReadBits(ReadOnlySpan<byte> data, int bitOffset, int width)
    {
        var value = 0;
        for (var b = 0; b < width; b++)
        {
            var bit = bitOffset + b;
            if ((data[bit >> 3] >> (bit & 7) & 1) != 0) value |= 1 << b;
        }
        return value;
    }

    /// <summary>A ULEB128 run header of the RLE/bit-packed hybrid (at most five bytes); false when the data ends first.</summary>
    internal static bool TryVarint(ReadOnlySpan<byte> data, ref int position, out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 35 && position < data.Length; shift += 7)
        {
            var b = data[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return true;
        }
        return false;
    }
}
