using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace DataQuality.Core.Profiling.Sketches;

/// <summary>
/// KLL quantile sketch (Karnin, Lang, Liberty 2016) over doubles. Level h holds items of weight 2^h;
/// a full level is sorted and every other item (random offset) is promoted. The coin comes from a
/// xorshift generator whose state is part of the sketch, so the same input in the same order gives
/// the same sketch on every run and after a JSON round trip.
/// <para>Large batches are first thinned by stratified sampling: each block of 2^s consecutive values
/// contributes one value (random position) at level s. That is what a chain of level-0..s-1 compactions
/// would produce in expectation, at O(1) per value instead of a sort per value.</para>
/// </summary>
public sealed class KllSketch
{
    public const int DefaultK = 512;
    private const double Shrink = 2.0 / 3.0;

    private readonly List<List<double>> _levels = [];
    private ulong _rng;

    public KllSketch(int k = DefaultK, ulong seed = 0x5DEECE66DUL)
    {
        if (k < 8) throw new ArgumentOutOfRangeException(nameof(k), "KLL needs k >= 8.");
        K = k;
        _rng = seed == 0 ? 1 : seed;
    }

    public int K { get; }

    /// <summary>Total weight: the number of values the sketch summarises.</summary>
    public long Count { get; private set; }

    public double Min { get; private set; } = double.PositiveInfinity;

    public double Max { get; private set; } = double.NegativeInfinity;

    public ulong RngState => _rng;

    public IReadOnlyList<IReadOnlyList<double>> Levels => _levels;

    public static KllSketch FromState(int k, long count, double min, double max, ulong rng, IEnumerable<IEnumerable<double>> levels)
    {
        var sketch = new KllSketch(k, rng) { Count = count, Min = min, Max = max };
        foreach (var level in levels) sketch._levels.Add([.. level]);
        return sketch;
    }

    public void Add(double value)
    {
        if (double.IsNaN(value)) return;
        Track(value, value);
        AddAtLevel(value, 0);
        Count++;
        CompressIfNeeded();
    }

    /// <summary>Adds a batch (NaN-free); batches larger than 8k are thinned by stratified sampling first.</summary>
    public void AddBatch(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty) return;
        AddBatch(values, TensorPrimitives.Min(values), TensorPrimitives.Max(values));
    }

    /// <summary>As <see cref="AddBatch(ReadOnlySpan{double})"/> when the caller already knows the batch's min and max.</summary>
    public void AddBatch(ReadOnlySpan<double> values, double min, double max)
    {
        if (values.IsEmpty) return;
        Track(min, max);
        var sampler = new StratifiedSampler(this, values.Length);
        sampler.Feed(values, 0);
        sampler.Finish();
    }

    /// <summary>
    /// The stratified thinning of <see cref="AddBatch(ReadOnlySpan{double}, double, double)"/> for a batch of
    /// known length fed in pieces (a column chunk walked block by block). Blocks of 2^s consecutive
    /// values give one value each at level s, where s is the smallest level leaving at most 16·K samples;
    /// the tail shorter than one block is split into power-of-two blocks so total weight stays exact.
    /// Pieces must arrive in order; the coin flips are the sketch's own, so the result is deterministic.
    /// </summary>
    internal sealed class StratifiedSampler
    {
        private readonly KllSketch _sketch;
        private readonly long _total;
        private long _start;
        private int _level;
        private long _pick;

        public StratifiedSampler(KllSketch sketch, long total)
        {
            _sketch = sketch;
            _total = total;
            while ((total >> _level) > 16L * sketch.K) _level++;
            // One item per block of 2^level: size that level's list once rather than let it grow by doubling
            // (a new array per doubling, per chunk and column: page faults in a cold process).
            sketch.Reserve(_level, (int)(total >> _level));
            Begin();
        }

        /// <summary>Feeds values [offset, offset + values.Length) of the batch (doubles, or integers read as doubles).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Feed<T>(ReadOnlySpan<T> values, long offset) where T : INumberBase<T>
        {
            var end = offset + values.Length;
            while (_pick >= 0 && _pick < end)
            {
                _sketch.AddAtLevel(double.CreateTruncating(values[(int)(_pick - offset)]), _level);
                Next();
            }
        }

        /// <summary>Counts the whole batch and compacts; call once after the last piece.</summary>
        public void Finish()
        {
            _sketch.Count += _total;
            _sketch.CompressIfNeeded();
        }

        private void Next()
        {
            _start += 1L << _level;
            Begin();
        }

        // The next block is the largest power of two (at most the current one) that still fits.
        private void Begin()
        {
            while (_level >= 0 && _start + (1L << _level) > _total) _level--;
            _pick = _level < 0 ? -1 : _start + (long)_sketch.NextBelow(1 << _level);
        }
    }

    /// <summary>
    /// Adds <paramref name="value"/> <paramref name="weight"/> times in O(log weight): one item at every
    /// level h whose bit is set in the weight. That is exactly what compacting <paramref name="weight"/>
    /// equal copies would leave (compacting equal items promotes the same value whatever the coin says),
    /// so levels keep meaning "items of weight 2^h" and the total weight stays exact.
    /// </summary>
    public void AddWeighted(double value, long weight)
    {
        if (weight <= 0 || double.IsNaN(value)) return;
        Track(value, value);
        for (var level = 0; level < 63 && (weight >> level) != 0; level++)
            if (((weight >> level) & 1) != 0) AddAtLevel(value, level);
        Count += weight;
        CompressIfNeeded();
    }

    /// <summary>Exact min and max of the batch, which the sampling above may skip.</summary>
    public void Track(double min, double max)
    {
        if (min < Min) Min = min;
        if (max > Max) Max = max;
    }

    public void Merge(KllSketch other)
    {
        if (other.Count == 0) return;
        for (var h = 0; h < other._levels.Count; h++)
        {
            EnsureLevel(h);
            _levels[h].AddRange(other._levels[h]);
        }
        Count += other.Count;
        Track(other.Min, other.Max);
        CompressIfNeeded();
    }

    /// <summary>Smallest retained value whose cumulative weight reaches <paramref name="fraction"/> of the total.</summary>
    public double Quantile(double fraction)
    {
        var (values, cumulative) = SortedView();
        if (values.Length == 0) return double.NaN;
        if (fraction <= 0) return Min;
        if (fraction >= 1) return Max;
        var target = fraction * cumulative[^1];
        var lo = 0;
        var hi = values.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (cumulative[mid] >= target) hi = mid; else lo = mid + 1;
        }
        return values[lo];
    }

    /// <summary>Estimated fraction of values &lt;= <paramref name="x"/>.</summary>
    public double Cdf(double x)
    {
        var (values, cumulative) = SortedView();
        if (values.Length == 0) return double.NaN;
        var index = UpperBound(values, x);
        return index == 0 ? 0 : cumulative[index - 1] / cumulative[^1];
    }

    /// <summary>All retained values sorted, with cumulative weights: the sketch's estimate of the distribution.</summary>
    public (double[] Values, double[] Cumulative) SortedView()
    {
        var total = _levels.Sum(l => l.Count);
        var pairs = new (double Value, double Weight)[total];
        var n = 0;
        for (var h = 0; h < _levels.Count; h++)
            foreach (var v in _levels[h]) pairs[n++] = (v, Math.Pow(2, h));
        Array.Sort(pairs, (a, b) => a.Value.CompareTo(b.Value));
        var values = new double[total];
        var cumulative = new double[total];
        double running = 0;
        for (var i = 0; i < total; i++)
        {
            values[i] = pairs[i].Value;
            running += pairs[i].Weight;
            cumulative[i] = running;
        }
        return (values, cumulative);
    }

    internal static int UpperBound(double[] sorted, double x)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private void AddAtLevel(double value, int level)
    {
        EnsureLevel(level);
        _levels[level].Add(value);
    }

    private void Reserve(int level, int count)
    {
        EnsureLevel(level);
        _levels[level].EnsureCapacity(_levels[level].Count + count);
    }

    private void EnsureLevel(int level)
    {
        while (_levels.Count <= level) _levels.Add([]);
    }

    private int Capacity(int level) =>
        Math.Max(2, (int)Math.Ceiling(K * Math.Pow(Shrink, _levels.Count - 1 - level)));

    private void CompressIfNeeded()
    {
        while (true)
        {
            var total = 0;
            var capacity = 0;
            for (var h = 0; h < _levels.Count; h++)
            {
                total += _levels[h].Count;
                capacity += Capacity(h);
            }
            if (total <= capacity) return;
            for (var h = 0; h < _levels.Count; h++)
            {
                if (_levels[h].Count < Capacity(h)) continue;
                Compact(h);
                break;
            }
        }
    }

    private void Compact(int level)
    {
        var items = _levels[level];
        DoubleRadixSort.Sort(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(items));
        EnsureLevel(level + 1);
        var next = _levels[level + 1];
        // An odd item stays behind so the promoted pairs keep the total weight exact.
        var keep = items.Count % 2 == 1 ? items[^1] : (double?)null;
        var pairs = items.Count / 2 * 2;
        var offset = (int)NextBelow(2);
        for (var i = offset; i < pairs; i += 2) next.Add(items[i]);
        items.Clear();
        if (keep is { } k) items.Add(k);
    }

    private ulong NextBelow(int bound)
    {
        _rng ^= _rng << 13;
        _rng ^= _rng >> 7;
        _rng ^= _rng << 17;
        // Every bound used here is a power of two (block sizes, the compaction coin), where the remainder
        // is a mask: the same values as the division, without its latency on every sampled position.
        return (bound & (bound - 1)) == 0 ? _rng & (ulong)(bound - 1) : _rng % (ulong)bound;
    }
}
