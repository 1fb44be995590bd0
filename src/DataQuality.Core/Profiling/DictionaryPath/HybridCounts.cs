using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using DataQuality.Core.Datasets.ParquetPages;

namespace DataQuality.Core.Profiling.DictionaryPath;

/// <summary>
/// Counts what Parquet's RLE/bit-packed hybrid encoding holds without materialising it: definition
/// levels (how many equal the column's maximum, i.e. how many values are non-null) and dictionary indexes
/// (how often each entry is referenced). An RLE run adds its length in one step; bit-packed runs are
/// unpacked eight values at a time. Every method returns false, having read nothing past its span, when
/// the data runs out before <c>count</c> values or holds a value it must not (the caller then leaves the
/// chunk to the reference decoder, which reports the corruption).
/// </summary>
internal static class HybridCounts
{
    /// <summary>Widths above this are not unpacked here (the entry counter's limit of 65,536 entries needs 16 bits).</summary>
    public const int MaxIndexBitWidth = 16;

    /// <summary>Counts the definition levels equal to <paramref name="maxLevel"/> among the first <paramref name="count"/>.</summary>
    public static bool TryCountDefined(ReadOnlySpan<byte> data, int maxLevel, int count, out int defined)
    {
        defined = 0;
        var width = 32 - BitOperations.LeadingZeroCount((uint)maxLevel);
        var position = 0;
        var decoded = 0;
        Span<uint> unpacked = stackalloc uint[8];
        while (decoded < count)
        {
            if (!LevelScan.TryVarint(data, ref position, out var header)) return false;
            if ((header & 1) == 0)
            {
                var run = header >> 1;
                if (!TryRleValue(data, ref position, width, out var value) || value > (uint)maxLevel) return false;
                var taken = (int)Math.Min(run, (ulong)(count - decoded));
                if (value == (uint)maxLevel) defined += taken;
                decoded += taken;
                continue;
            }
            var groups = header >> 1;
            var wanted = (int)Math.Min(groups * 8, (ulong)(count - decoded));
            // Only the bytes holding the wanted values must be there; a writer may end the last run early.
            var needed = (int)(((long)wanted * width + 7) >> 3);
            if (needed > data.Length - position) return false;
            var runBytes = (long)groups * width;
            if (width == 1)
            {
                // The common nullable column: one bit per level, set when the value is present.
                defined += PopCountBits(data.Slice(position, needed), wanted);
            }
            else
            {
                for (var g = 0; g * 8 < wanted; g++)
                {
                    Unpack8(data, position + g * width, width, unpacked);
                    var inGroup = Math.Min(8, wanted - g * 8);
                    for (var i = 0; i < inGroup; i++)
                    {
                        if (unpacked[i] > (uint)maxLevel) return false;
                        if (unpacked[i] == (uint)maxLevel) defined++;
                    }
                }
            }
            decoded += wanted;
            position = (int)Math.Min(data.Length, position + runBytes);
        }
        return true;
    }

    /// <summary>
    /// Adds how often each index occurs among the first <paramref name="count"/> to <paramref name="counts"/>,
    /// which must hold 2^<paramref name="width"/> slots (the caller checks afterwards that no index at or above
    /// the dictionary's size was counted). <paramref name="dictionarySize"/> bounds RLE values at once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryCountIndexes(ReadOnlySpan<byte> data, int width, int count, int dictionarySize, Span<int> counts)
    {
        if (width > MaxIndexBitWidth || counts.Length < 1 << width) return false;
        var position = 0;
        var decoded = 0;
        Span<uint> unpacked = stackalloc uint[8];
        while (decoded < count)
        {
            if (!LevelScan.TryVarint(data, ref position, out var header)) return false;
            if ((header & 1) == 0)
            {
                var run = header >> 1;
                if (!TryRleValue(data, ref position, width, out var value) || value >= (uint)dictionarySize) return false;
                var taken = (int)Math.Min(run, (ulong)(count - decoded));
                counts[(int)value] += taken;
                decoded += taken;
                continue;
            }
            var groups = header >> 1;
            var wanted = (int)Math.Min(groups * 8, (ulong)(count - decoded));
            var needed = (int)(((long)wanted * width + 7) >> 3);
            if (needed > data.Length - position) return false;
            var runBytes = (long)groups * width;
            var bytes = data.Slice(position, needed);
            if (width == 8) CountBytes(bytes, counts);
            else if (width == 0) counts[0] += wanted;
            else
            {
                var full = wanted / 8;
                for (var g = 0; g < full; g++)
                {
                    Unpack8(data, position + g * width, width, unpacked);
                    counts[(int)unpacked[0]]++; counts[(int)unpacked[1]]++; counts[(int)unpacked[2]]++; counts[(int)unpacked[3]]++;
                    counts[(int)unpacked[4]]++; counts[(int)unpacked[5]]++; counts[(int)unpacked[6]]++; counts[(int)unpacked[7]]++;
                }
                if (wanted > full * 8)
                {
                    Unpack8(data[..(position + needed)], position + full * width, width, unpacked);
                    for (var i = 0; i < wanted - full * 8; i++) counts[(int)unpacked[i]]++;
                }
            }
            decoded += wanted;
            position = (int)Math.Min(data.Length, position + runBytes);
        }
        return true;
    }

    /// <summary>
    /// Decodes the first <paramref name="output"/>.Length indexes (for the few thousand a caller needs one by
    /// one); false when the data runs out first.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> data, int width, Span<int> output)
    {
        if (width > MaxIndexBitWidth) return false;
        var position = 0;
        var decoded = 0;
        Span<uint> unpacked = stackalloc uint[8];
        while (decoded < output.Length)
        {
            if (!LevelScan.TryVarint(data, ref position, out var header)) return false;
            if ((header & 1) == 0)
            {
                if (!TryRleValue(data, ref position, width, out var value)) return false;
                var taken = (int)Math.Min(header >> 1, (ulong)(output.Length - decoded));
                output.Slice(decoded, taken).Fill((int)value);
                decoded += taken;
                continue;
            }
            var groups = header >> 1;
            var wanted = (int)Math.Min(groups * 8, (ulong)(output.Length - decoded));
            var needed = (int)(((long)wanted * width + 7) >> 3);
            if (needed > data.Length - position) return false;
            for (var g = 0; g * 8 < wanted; g++)
            {
                Unpack8(data[..(position + needed)], position + g * width, width, unpacked);
                for (var i = 0; i < 8 && g * 8 + i < wanted; i++) output[decoded + g * 8 + i] = (int)unpacked[i];
            }
            decoded += wanted;
            position = (int)Math.Min(data.Length, position + (long)groups * width);
        }
        return true;
    }

    /// <summary>
    /// One byte per index (dictionaries of 129..256 entries): four interleaved tables so consecutive equal
    /// bytes do not wait on each other's increment.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CountBytes(ReadOnlySpan<byte> bytes, Span<int> counts)
    {
        if (bytes.Length < 2048)
        {
            // Short runs (a writer alternating RLE and bit-packed runs): clearing the tables would cost more.
            foreach (var b in bytes) counts[b]++;
            return;
        }
        Span<int> tables = stackalloc int[4 * 256];
        tables.Clear();
        var i = 0;
        ref var t = ref tables[0];
        for (; i + 4 <= bytes.Length; i += 4)
        {
            Unsafe.Add(ref t, bytes[i])++;
            Unsafe.Add(ref t, 256 + bytes[i + 1])++;
            Unsafe.Add(ref t, 512 + bytes[i + 2])++;
            Unsafe.Add(ref t, 768 + bytes[i + 3])++;
        }
        for (; i < bytes.Length; i++) tables[bytes[i]]++;
        for (var v = 0; v < 256; v++) counts[v] += tables[v] + tables[256 + v] + tables[512 + v] + tables[768 + v];
    }

    /// <summary>Set bits among the first <paramref name="bits"/> bits of <paramref name="bytes"/> (least significant first).</summary>
    private static int PopCountBits(ReadOnlySpan<byte> bytes, int bits)
    {
        var total = 0;
        var whole = bits >> 3;
        var i = 0;
        for (; i + 8 <= whole; i += 8) total += BitOperations.PopCount(BinaryPrimitives.ReadUInt64LittleEndian(bytes[i..]));
        for (; i < whole; i++) total += BitOperations.PopCount(bytes[i]);
        var rest = bits & 7;
        if (rest > 0) total += BitOperations.PopCount((uint)(bytes[whole] & ((1 << rest) - 1)));
        return total;
    }

    /// <summary>
    /// Eight values of <paramref name="width"/> bits (at most 16) starting at byte <paramref name="at"/>; bytes
    /// past the span's end read as zero (the caller counts only the values it has bytes for).
    /// </summary>
    private static void Unpack8(ReadOnlySpan<byte> data, int at, int width, Span<uint> values)
    {
        Span<byte> padded = stackalloc byte[16];
        padded.Clear();
        var available = Math.Min(width, data.Length - at);
        if (available > 0) data.Slice(at, available).CopyTo(padded);
        var bits = BinaryPrimitives.ReadUInt128LittleEndian(padded);
        var mask = (1u << width) - 1;
        for (var i = 0; i < 8; i++) values[i] = (uint)(bits >> (i * width)) & mask;
    }

    private static bool TryRleValue(ReadOnlySpan<byte> data, ref int position, int width, out uint value)
    {
        value = 0;
        var bytes = (width + 7) >> 3;
        if (bytes > data.Length - position) return false;
        for (var i = 0; i < bytes; i++) value |= (uint)data[position + i] << (8 * i);
        position += bytes;
        return true;
    }
}
