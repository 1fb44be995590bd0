using System.Runtime.CompilerServices;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace DataQuality.Core.Profiling;

/// <summary>
/// SIMD loops over decoded column buffers. They keep several independent accumulators so a core
/// streams at memory speed instead of waiting on one dependency chain.
/// </summary>
internal static class NumericKernels
{
    /// <summary>Moves the finite values of <paramref name="values"/> to its front; returns their count and the non-finite tallies.</summary>
    public static int CompactFinite(Span<double> values, out long nan, out long positiveInfinity, out long negativeInfinity)
    {
        nan = positiveInfinity = negativeInfinity = 0;
        // Fast exit: a finite sum of |x| proves every value finite (one vectorised pass).
        if (double.IsFinite(TensorPrimitives.SumOfMagnitudes<double>(values))) return values.Length;
        var write = 0;
        foreach (var v in values)
        {
            if (double.IsFinite(v)) values[write++] = v;
            else if (double.IsNaN(v)) nan++;
            else if (v > 0) positiveInfinity++;
            else negativeInfinity++;
        }
        return write;
    }

    /// <summary>Sum of squared deviations from <paramref name="mean"/> (the M2 of a batch).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double SumSquaredDeviations(ReadOnlySpan<double> values, double mean)
    {
        var i = 0;
        double total = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<double>.Count * 2)
        {
            var m = new Vector<double>(mean);
            var a0 = Vector<double>.Zero;
            var a1 = Vector<double>.Zero;
            var vectors = MemoryMarshal.Cast<double, Vector<double>>(values);
            for (; i + 1 < vectors.Length; i += 2)
            {
                var d0 = vectors[i] - m;
                var d1 = vectors[i + 1] - m;
                a0 += d0 * d0;
                a1 += d1 * d1;
            }
            total = Vector.Sum(a0 + a1);
            i *= Vector<double>.Count;
        }
        for (; i < values.Length; i++)
        {
            var d = values[i] - mean;
            total += d * d;
        }
        return total;
    }

    public static (long Zeros, long Negatives) CountZerosAndNegatives(ReadOnlySpan<double> values)
    {
        long zeros = 0, negatives = 0;
        var i = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<double>.Count)
        {
            var zAcc = Vector<long>.Zero;
            var nAcc = Vector<long>.Zero;
            var vectors = MemoryMarshal.Cast<double, Vector<double>>(values);
            foreach (var v in vectors)
            {
                // Comparison masks are all-ones (-1) per true lane, so subtracting counts them.
                zAcc -= Vector.Equals(v, Vector<double>.Zero);
                nAcc -= Vector.LessThan(v, Vector<double>.Zero);
            }
            zeros = Vector.Sum(zAcc);
            negatives = Vector.Sum(nAcc);
            i = vectors.Length * Vector<double>.Count;
        }
        for (; i < values.Length; i++)
        {
            if (values[i] == 0) zeros++;
            else if (values[i] < 0) negatives++;
        }
        return (zeros, negatives);
    }

    public static void ToDouble(ReadOnlySpan<long> source, Span<double> destination)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var from = MemoryMarshal.Cast<long, Vector<long>>(source);
            var to = MemoryMarshal.Cast<double, Vector<double>>(destination);
            for (; i < from.Length; i++) to[i] = Vector.ConvertToDouble(from[i]);
            i *= Vector<long>.Count;
        }
        for (; i < source.Length; i++) destination[i] = source[i];
    }

    /// <summary>How many of <paramref name="levels"/> equal <paramref name="value"/>.</summary>
    public static int CountEqual(ReadOnlySpan<int> levels, int value)
    {
        var i = 0;
        var count = 0;
        if (Vector.IsHardwareAccelerated && levels.Length >= Vector<int>.Count)
        {
            var target = new Vector<int>(value);
            var acc = Vector<int>.Zero;
            var vectors = MemoryMarshal.Cast<int, Vector<int>>(levels);
            var chunk = 0;
            foreach (var v in vectors)
            {
                acc -= Vector.Equals(v, target);
                // Flush before an int lane could overflow.
                if (++chunk == 1 << 30) { count += Vector.Sum(acc); acc = Vector<int>.Zero; chunk = 0; }
            }
            count += Vector.Sum(acc);
            i = vectors.Length * Vector<int>.Count;
        }
        for (; i < levels.Length; i++) if (levels[i] == value) count++;
        return count;
    }

    /// <summary>Min, max and the count of <paramref name="target"/> in one pass over definition/repetition levels.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (int Min, int Max, int Count) SummariseLevels(ReadOnlySpan<int> levels, int target)
    {
        int min = int.MaxValue, max = int.MinValue, count = 0, i = 0;
        if (Vector.IsHardwareAccelerated && levels.Length >= Vector<int>.Count)
        {
            var t = new Vector<int>(target);
            var vmin = new Vector<int>(int.MaxValue);
            var vmax = new Vector<int>(int.MinValue);
            var acc = Vector<int>.Zero;
            var vectors = MemoryMarshal.Cast<int, Vector<int>>(levels);
            // Levels arrays are at most Array.MaxLength long, so per-lane counts cannot overflow an int.
            foreach (var v in vectors)
            {
                vmin = Vector.Min(vmin, v);
                vmax = Vector.Max(vmax, v);
                acc -= Vector.Equals(v, t);
            }
            for (var lane = 0; lane < Vector<int>.Count; lane++)
            {
                min = Math.Min(min, vmin[lane]);
                max = Math.Max(max, vmax[lane]);
            }
            count = Vector.Sum(acc);
            i = vectors.Length * Vector<int>.Count;
        }
        for (; i < levels.Length; i++)
        {
            var l = levels[i];
            if (l < min) min = l;
            if (l > max) max = l;
            if (l == target) count++;
        }
        return (min, max, count);
    }
}
