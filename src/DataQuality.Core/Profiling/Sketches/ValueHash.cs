using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DataQuality.Core.Profiling.Sketches;

/// <summary>
/// The one fixed 64-bit hash every sketch uses. It never changes between versions (HLL registers
/// and frequent-item keys are persisted in profile JSON and merged across runs), so it is spelled
/// out here instead of borrowed from a library whose algorithm could move.
/// </summary>
public static class ValueHash
{
    private const ulong Seed = 0x9E3779B97F4A7C15UL;

    /// <summary>The seed <see cref="Mix"/> XORs in first; the vectorised hash in BlockKernels must use the same.</summary>
    internal const ulong MixSeed = Seed;
    private const ulong C1 = 0x87C37B91114253D5UL;
    private const ulong C2 = 0x4CF5AD432745937FUL;

    /// <summary>MurmurHash3's 64-bit finalizer: a bijection with full avalanche, ~1 ns per value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong k)
    {
        k ^= Seed;
        k ^= k >> 33;
        k *= 0xFF51AFD7ED558CCDUL;
        k ^= k >> 33;
        k *= 0xC4CEB9FE1A85EC53UL;
        k ^= k >> 33;
        return k;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Int64(long value) => Mix((ulong)value);

    /// <summary>Doubles hash by value: -0.0 equals 0.0 and every NaN is one value (as in SQL GROUP BY).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Double(double value)
    {
        if (value == 0) value = 0; // folds -0.0
        if (double.IsNaN(value)) value = double.NaN;
        return Mix((ulong)BitConverter.DoubleToInt64Bits(value));
    }

    /// <summary>Strings hash their UTF-16 code units, so equal strings hash equally whatever encoding the file used.</summary>
    public static ulong Chars(ReadOnlySpan<char> text) => Bytes(MemoryMarshal.AsBytes(text));

    public static ulong Bytes(ReadOnlySpan<byte> data)
    {
        var h = Seed ^ (ulong)data.Length * C1;
        var i = 0;
        for (; i + 8 <= data.Length; i += 8)
        {
            var k = MemoryMarshal.Read<ulong>(data[i..]) * C1;
            k = BitOperations.RotateLeft(k, 31) * C2;
            h ^= k;
            h = BitOperations.RotateLeft(h, 27) * 5 + 0x52DCE729;
        }
        if (i < data.Length)
        {
            ulong tail = 0;
            for (var j = data.Length - 1; j >= i; j--) tail = (tail << 8) | data[j];
            tail *= C1;
            tail = BitOperations.RotateLeft(tail, 31) * C2;
            h ^= tail;
        }
        return Mix(h);
    }
}
