using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using DataQuality.Core.Profiling.Sketches;

namespace DataQuality.Core.Profiling;

/// <summary>
/// Fused SIMD passes over one cache-resident block of a column chunk. The accumulator walks a chunk
/// in blocks of <see cref="BlockSize"/> values so that hashing, the statistics pass and the second
/// (deviation) pass all read the block from L1 instead of streaming the whole chunk from memory
/// once per statistic.
/// </summary>
internal static class BlockKernels
{
    /// <summary>2,048 values: 16 KiB of longs or doubles plus 16 KiB of hashes fit a 48 KiB L1 with room to spare.</summary>
    public const int BlockSize = 2048;

    private const ulong CanonicalNaNBits = 0xFFF8000000000000UL;

    /// <summary><see cref="ValueHash.Int64"/> of every value, eight lanes at a time where AVX-512 multiplies 64-bit lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void HashInt64(ReadOnlySpan<long> values, Span<ulong> hashes)
    {
        var i = 0;
        ref var src = ref Unsafe.As<long, ulong>(ref MemoryMarshal.GetReference(values));
        ref var dst = ref MemoryMarshal.GetReference(hashes);
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i + Vector512<ulong>.Count <= values.Length; i += Vector512<ulong>.Count)
                Mix(Vector512.LoadUnsafe(ref src, (nuint)i)).StoreUnsafe(ref dst, (nuint)i);
        }
        for (; i < values.Length; i++) Unsafe.Add(ref dst, i) = ValueHash.Mix(Unsafe.Add(ref src, i));
    }

    /// <summary>
    /// <see cref="ValueHash.Double"/> of every value (-0.0 hashes as 0.0 and every NaN as one NaN); returns
    /// whether every value was finite, found in the same pass (x - x is 0 only for finite x).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool HashDouble(ReadOnlySpan<double> values, Span<ulong> hashes)
    {
        var i = 0;
        var finite = true;
        ref var src = ref MemoryMarshal.GetReference(values);
        ref var dst = ref MemoryMarshal.GetReference(hashes);
        if (Vector512.IsHardwareAccelerated)
        {
            var nanBits = Vector512.Create(CanonicalNaNBits);
            var check = Vector512<double>.Zero;
            for (; i + Vector512<double>.Count <= values.Length; i += Vector512<double>.Count)
            {
                var v = Vector512.LoadUnsafe(ref src, (nuint)i);
                check += v - v;
                var bits = v.AsUInt64();
                bits = Vector512.AndNot(bits, Vector512.Equals(v, Vector512<double>.Zero).AsUInt64());
                bits = Vector512.ConditionalSelect(Vector512.Equals(v, v).AsUInt64(), bits, nanBits);
                Mix(bits).StoreUnsafe(ref dst, (nuint)i);
            }
            finite = Vector512.EqualsAll(check, Vector512<double>.Zero);
        }
        for (; i < values.Length; i++)
        {
            var v = Unsafe.Add(ref src, i);
            finite &= double.IsFinite(v);
            Unsafe.Add(ref dst, i) = ValueHash.Double(v);
        }
        return finite;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> Mix(Vector512<ulong> k)
    {
        k ^= Vector512.Create(ValueHash.MixSeed);
        k ^= k >>> 33;
        k *= Vector512.Create(0xFF51AFD7ED558CCDUL);
        k ^= k >>> 33;
        k *= Vector512.Create(0xC4CEB9FE1A85EC53UL);
        k ^= k >>> 33;
        return k;
    }

    /// <summary>How many of <paramref name="hashes"/> equal <paramref name="key"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long CountEqual(ReadOnlySpan<ulong> hashes, ulong key)
    {
        var i = 0;
        long count = 0;
        ref var src = ref MemoryMarshal.GetReference(hashes);
        if (Vector512.IsHardwareAccelerated)
        {
            var k = Vector512.Create(key);
            var acc = Vector512<ulong>.Zero;
            for (; i + Vector512<ulong>.Count <= hashes.Length; i += Vector512<ulong>.Count)
                acc -= Vector512.Equals(Vector512.LoadUnsafe(ref src, (nuint)i), k);
            count = (long)Vector512.Sum(acc);
        }
        for (; i < hashes.Length; i++) if (Unsafe.Add(ref src, i) == key) count++;
        return count;
    }

    private const ulong TicksMask = 0x3FFF_FFFF_FFFF_FFFFUL;

    /// <summary>
    /// Timestamps as Unix microseconds, (ticks - epoch ticks) / 10 truncated toward zero as
    /// <see cref="DateTimeMicros"/> computes it, eight lanes at a time: a double estimate of the quotient,
    /// then the exact remainder with 64-bit multiplies corrects it (vectors have no 64-bit division).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void DateTimesToMicros(ReadOnlySpan<DateTime> source, Span<long> target)
    {
        var i = 0;
        ref var src = ref Unsafe.As<DateTime, ulong>(ref MemoryMarshal.GetReference(source));
        ref var dst = ref MemoryMarshal.GetReference(target);
        if (Vector512.IsHardwareAccelerated)
        {
            var mask = Vector512.Create(TicksMask);
            var epoch = Vector512.Create(ValueFormat.Epoch.Ticks);
            var ten = Vector512.Create(10L);
            var tenth = Vector512.Create(0.1);
            var tenD = Vector512.Create(10.0);
            for (; i + Vector512<long>.Count <= source.Length; i += Vector512<long>.Count)
            {
                // DateTime keeps its Kind in the top two bits of the tick count.
                var x = (Vector512.LoadUnsafe(ref src, (nuint)i) & mask).AsInt64() - epoch;
                var q = Vector512.ConvertToInt64(Vector512.ConvertToDouble(x) * tenth);
                var r = x - q * ten;
                q += Vector512.ConvertToInt64(Vector512.Floor(Vector512.ConvertToDouble(r) / tenD)); // now floor(x / 10)
                r = x - q * ten;
                // Truncation toward zero: a negative x with a remainder rounds up by one.
                q -= Vector512.LessThan(x, Vector512<long>.Zero) & ~Vector512.Equals(r, Vector512<long>.Zero);
                q.StoreUnsafe(ref dst, (nuint)i);
            }
        }
        for (; i < source.Length; i++) Unsafe.Add(ref dst, i) = DateTimeMicros.Convert(Unsafe.As<ulong, DateTime>(ref Unsafe.Add(ref src, i)));
    }

    /// <summary>INT32 values as longs, sixteen lanes at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void WidenInt32(ReadOnlySpan<int> source, Span<long> target)
    {
        var i = 0;
        ref var src = ref MemoryMarshal.GetReference(source);
        ref var dst = ref MemoryMarshal.GetReference(target);
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i + Vector512<int>.Count <= source.Length; i += Vector512<int>.Count)
            {
                var (lower, upper) = Vector512.Widen(Vector512.LoadUnsafe(ref src, (nuint)i));
                lower.StoreUnsafe(ref dst, (nuint)i);
                upper.StoreUnsafe(ref dst, (nuint)(i + Vector512<long>.Count));
            }
        }
        for (; i < source.Length; i++) Unsafe.Add(ref dst, i) = Unsafe.Add(ref src, i);
    }

    /// <summary>
    /// Min, max, zero and negative counts and the sum (as a double) of integers or finite doubles in one
    /// pass. <typeparamref name="T"/> is <see cref="long"/> or <see cref="double"/>; the JIT compiles one
    /// loop for each.
    /// </summary>
    /// <remarks>
    /// Sums run in eight lanes whether or not the machine has 512-bit vectors (without them, a scalar loop keeps
    /// the same eight lanes) and the lanes are added in a fixed order: a floating-point sum depends on
    /// its order, and the profile must be the same bytes from the JIT-compiled library on an AVX-512 machine,
    /// the NativeAOT `dq` (compiled for machines without AVX-512) and an ARM machine.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Stats<T>(ReadOnlySpan<T> values, ref T min, ref T max, ref long zeros, ref long negatives, out double sum)
        where T : unmanaged, INumber<T>
    {
        var i = 0;
        sum = 0;
        ref var src = ref MemoryMarshal.GetReference(values);
        if (Vector512.IsHardwareAccelerated && values.Length >= Vector512<T>.Count)
        {
            var vmin = Vector512.Create(min);
            var vmax = Vector512.Create(max);
            var vz = Vector512<long>.Zero;
            var vn = Vector512<long>.Zero;
            var vs = Vector512<double>.Zero;
            for (; i + Vector512<T>.Count <= values.Length; i += Vector512<T>.Count)
            {
                var v = Vector512.LoadUnsafe(ref src, (nuint)i);
                vmin = Vector512.Min(vmin, v);
                vmax = Vector512.Max(vmax, v);
                // Comparison lanes are all ones (-1) where true, so subtracting counts them.
                vz -= Vector512.Equals(v, Vector512<T>.Zero).AsInt64();
                vn -= Vector512.LessThan(v, Vector512<T>.Zero).AsInt64();
                vs += AsDoubles(v);
            }
            for (var lane = 0; lane < Vector512<T>.Count; lane++)
            {
                if (vmin[lane] < min) min = vmin[lane];
                if (vmax[lane] > max) max = vmax[lane];
            }
            zeros += Vector512.Sum(vz);
            negatives += Vector512.Sum(vn);
            sum = LaneSum(vs);
        }
        else if (values.Length >= Lanes)
        {
            // The same eight lanes, one value at a time, in locals (a stackalloc'd span kept them in memory).
            var (lo, hi) = (min, max);
            long z = 0, n = 0;
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
            for (; i + Lanes <= values.Length; i += Lanes)
            {
                ref var block = ref Unsafe.Add(ref src, i);
                s0 += Tally(block, ref lo, ref hi, ref z, ref n);
                s1 += Tally(Unsafe.Add(ref block, 1), ref lo, ref hi, ref z, ref n);
                s2 += Tally(Unsafe.Add(ref block, 2), ref lo, ref hi, ref z, ref n);
                s3 += Tally(Unsafe.Add(ref block, 3), ref lo, ref hi, ref z, ref n);
                s4 += Tally(Unsafe.Add(ref block, 4), ref lo, ref hi, ref z, ref n);
                s5 += Tally(Unsafe.Add(ref block, 5), ref lo, ref hi, ref z, ref n);
                s6 += Tally(Unsafe.Add(ref block, 6), ref lo, ref hi, ref z, ref n);
                s7 += Tally(Unsafe.Add(ref block, 7), ref lo, ref hi, ref z, ref n);
            }
            (min, max) = (lo, hi);
            zeros += z;
            negatives += n;
            sum = LaneSum(s0, s1, s2, s3, s4, s5, s6, s7);
        }
        for (; i < values.Length; i++)
        {
            var v = Unsafe.Add(ref src, i);
            if (v < min) min = v;
            if (v > max) max = v;
            if (T.IsZero(v)) zeros++;
            else if (T.IsNegative(v)) negatives++;
            sum += double.CreateTruncating(v);
        }
    }

    /// <summary>Sum of squared deviations from <paramref name="mean"/> (a batch's M2) of integers or finite doubles; eight lanes on every machine, as <see cref="Stats{T}"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double M2<T>(ReadOnlySpan<T> values, double mean) where T : unmanaged, INumber<T>
    {
        var i = 0;
        double total = 0;
        ref var src = ref MemoryMarshal.GetReference(values);
        if (Vector512.IsHardwareAccelerated && values.Length >= Vector512<T>.Count)
        {
            var m = Vector512.Create(mean);
            var acc = Vector512<double>.Zero;
            for (; i + Vector512<T>.Count <= values.Length; i += Vector512<T>.Count)
            {
                var d = AsDoubles(Vector512.LoadUnsafe(ref src, (nuint)i)) - m;
                acc += d * d;
            }
            total = LaneSum(acc);
        }
        else if (values.Length >= Lanes)
        {
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
            for (; i + Lanes <= values.Length; i += Lanes)
            {
                ref var block = ref Unsafe.Add(ref src, i);
                s0 += Square(block, mean);
                s1 += Square(Unsafe.Add(ref block, 1), mean);
                s2 += Square(Unsafe.Add(ref block, 2), mean);
                s3 += Square(Unsafe.Add(ref block, 3), mean);
                s4 += Square(Unsafe.Add(ref block, 4), mean);
                s5 += Square(Unsafe.Add(ref block, 5), mean);
                s6 += Square(Unsafe.Add(ref block, 6), mean);
                s7 += Square(Unsafe.Add(ref block, 7), mean);
            }
            total = LaneSum(s0, s1, s2, s3, s4, s5, s6, s7);
        }
        for (; i < values.Length; i++)
        {
            var d = double.CreateTruncating(Unsafe.Add(ref src, i)) - mean;
            total += d * d;
        }
        return total;
    }

    /// <summary>The lanes of a sum: eight, as many doubles as a 512-bit vector holds.</summary>
    private const int Lanes = 8;

    /// <summary>Lane 0 + lane 1 + ... + lane 7, in that order (Vector512.Sum's order is the hardware's).</summary>
    private static double LaneSum(Vector512<double> lanes)
    {
        var sum = 0.0;
        for (var lane = 0; lane < Lanes; lane++) sum += lanes.GetElement(lane);
        return sum;
    }

    private static double LaneSum(double s0, double s1, double s2, double s3, double s4, double s5, double s6, double s7)
    {
        var sum = 0.0;
        sum += s0;
        sum += s1;
        sum += s2;
        sum += s3;
        sum += s4;
        sum += s5;
        sum += s6;
        sum += s7;
        return sum;
    }

    /// <summary>One value's part of <see cref="Stats{T}"/>: min, max, zero and negative counts; returns it as a double for its lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Tally<T>(T v, ref T min, ref T max, ref long zeros, ref long negatives) where T : unmanaged, INumber<T>
    {
        if (v < min) min = v;
        if (v > max) max = v;
        if (T.IsZero(v)) zeros++;
        else if (T.IsNegative(v)) negatives++;
        return double.CreateTruncating(v);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Square<T>(T v, double mean) where T : unmanaged, INumber<T>
    {
        var d = double.CreateTruncating(v) - mean;
        return d * d;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> AsDoubles<T>(Vector512<T> v) =>
        typeof(T) == typeof(long) ? Vector512.ConvertToDouble(v.AsInt64())
        : typeof(T) == typeof(double) ? v.AsDouble()
        : throw new NotSupportedException(typeof(T).Name);

    /// <summary>
    /// Adds a block of hashes to the registers. A hash can raise its register only if its rank exceeds the
    /// smallest register. Once registers are warm (the profiler keeps one sketch per worker and column for the whole scan) the
    /// smallest is 4 or more and 15 of 16 hashes fall at or under it, so ranks are compared eight lanes at
    /// a time (one at a time without 512-bit vectors) and only the lanes above go on to the scalar load-compare-store. Cold registers skip the
    /// filter: nearly every lane would pass it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddHashes(HyperLogLog hll, ReadOnlySpan<ulong> hashes)
    {
        ref var registers = ref MemoryMarshal.GetArrayDataReference(hll.Registers);
        var i = 0;
        if (hashes.Length >= 256)
        {
            // Scanning 16 KiB of registers per block cost a quarter of the updates it saved: refresh every 16 blocks.
            if (hll.BlocksSinceFloor++ % 16 == 0) hll.FloorHint = MinRegister(hll.Registers);
            var floor = hll.FloorHint;
            if (floor >= 3)
            {
                ref var src = ref MemoryMarshal.GetReference(hashes);
                // rank = lzcnt(h << p | sentinel) + 1 > floor  <=>  (h << p | sentinel) < 2^(64 - floor),
                // an unsigned compare, so no lane needs its leading-zero count.
                if (Vector512.IsHardwareAccelerated)
                {
                    var sentinel = Vector512.Create(HyperLogLog.RankSentinel);
                    var limit = Vector512.Create(1UL << (64 - floor));
                    for (; i + Vector512<ulong>.Count <= hashes.Length; i += Vector512<ulong>.Count)
                    {
                        var h = Vector512.LoadUnsafe(ref src, (nuint)i);
                        var lanes = Vector512.LessThan((h << HyperLogLog.Precision) | sentinel, limit).ExtractMostSignificantBits();
                        while (lanes != 0)
                        {
                            Update(ref registers, Unsafe.Add(ref src, i + BitOperations.TrailingZeroCount(lanes)));
                            lanes &= lanes - 1;
                        }
                    }
                }
                else
                {
                    // Without 512-bit vectors (the NativeAOT image targets x86-64-v2) the same filter, one hash at a
                    // time: a compare and a branch that is nearly never taken once registers are warm, instead of the
                    // leading-zero count and store of every hash (9% of a cold 10M-row integer profile).
                    var limit = 1UL << (64 - floor);
                    for (; i < hashes.Length; i++)
                    {
                        var h = Unsafe.Add(ref src, i);
                        if (((h << HyperLogLog.Precision) | HyperLogLog.RankSentinel) < limit) Update(ref registers, h);
                    }
                }
            }
        }
        for (; i < hashes.Length; i++) UpdateBranchless(ref registers, hashes[i]);
    }

    // Cold registers are raised by a large share of hashes at random, so the compare-and-branch of
    // Update mispredicts; storing the max unconditionally does not.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void UpdateBranchless(ref byte registers, ulong h)
    {
        var rank = HyperLogLog.Rank(h);
        ref var register = ref Unsafe.Add(ref registers, HyperLogLog.Index(h));
        register = Math.Max(register, rank);
    }

    /// <summary>The smallest register, 64 (or, without 512-bit vectors, 16) at a time.</summary>
    private static byte MinRegister(byte[] registers)
    {
        ref var r = ref MemoryMarshal.GetArrayDataReference(registers);
        var result = byte.MaxValue;
        if (Vector512.IsHardwareAccelerated)
        {
            var min = Vector512.LoadUnsafe(ref r);
            for (var i = Vector512<byte>.Count; i + Vector512<byte>.Count <= registers.Length; i += Vector512<byte>.Count)
                min = Vector512.Min(min, Vector512.LoadUnsafe(ref r, (nuint)i));
            for (var lane = 0; lane < Vector512<byte>.Count; lane++) result = Math.Min(result, min[lane]);
        }
        else
        {
            var min = Vector128.LoadUnsafe(ref r);
            for (var i = Vector128<byte>.Count; i + Vector128<byte>.Count <= registers.Length; i += Vector128<byte>.Count)
                min = Vector128.Min(min, Vector128.LoadUnsafe(ref r, (nuint)i));
            for (var lane = 0; lane < Vector128<byte>.Count; lane++) result = Math.Min(result, min[lane]);
        }
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Update(ref byte registers, ulong h)
    {
        var rank = HyperLogLog.Rank(h);
        ref var register = ref Unsafe.Add(ref registers, HyperLogLog.Index(h));
        if (rank > register) register = rank;
    }
}
