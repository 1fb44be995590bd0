using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace DataQuality.Core.Profiling;

/// <summary>
/// SIMD loops over decoded column buffers. They keep several independent accumulators so a core
/// streams at memory speed instead of waiting on one dependency chain.
/// </summary>
internal static class NumericKernels
{
    /// <summary>Moves the finite values of <paramref name="values"/> to its front (in order) and returns their count.</summary>
    public static int CompactFinite(Span<double> values)
    {
        // Fast exit: a finite sum of |x| proves every value finite (one vectorised pass).
        if (double.IsFinite(TensorPrimitives.SumOfMagnitudes<double>(values))) return values.Length;
        var write = 0;
        foreach (var v in values)
            if (double.IsFinite(v)) values[write++] = v;
        return write;
    }

    /// <summary>Min, max and the count of <paramref name="target"/> in one pass over definition/repetition levels.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (int Min, int Max, int Count) SummariseLevels(ReadOnlySpan<int> levels, int target)
    {
        int min = int.MaxValue, max = int.MinValue, count = 0, i = 0;
        if (Vector512.IsHardwareAccelerated && levels.Length >= Vector512<int>.Count)
        {
            var t = Vector512.Create(target);
            var vmin = Vector512.Create(int.MaxValue);
            var vmax = Vector512.Create(int.MinValue);
            var acc = Vector512<int>.Zero;
            ref var src = ref MemoryMarshal.GetReference(levels);
            for (; i + Vector512<int>.Count <= levels.Length; i += Vector512<int>.Count)
            {
                var v = Vector512.LoadUnsafe(ref src, (nuint)i);
                vmin = Vector512.Min(vmin, v);
                vmax = Vector512.Max(vmax, v);
                acc -= Vector512.Equals(v, t);
            }
            for (var lane = 0; lane < Vector512<int>.Count; lane++)
            {
                min = Math.Min(min, vmin[lane]);
                max = Math.Max(max, vmax[lane]);
            }
            count = Vector512.Sum(acc);
        }
        else if (Vector.IsHardwareAccelerated && levels.Length >= Vector<int>.Count)
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
