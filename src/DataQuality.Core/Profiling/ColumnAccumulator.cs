using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DataQuality.Core.Profiling.Sketches;

namespace DataQuality.Core.Profiling;

/// <summary>
/// Profiles the decoded, null-free values of one column chunk. Numbers are walked in cache-sized blocks
/// through the vector kernels of <see cref="BlockKernels"/>; dictionary strings are counted per entry and
/// hashed, parsed and compared once per entry. Nothing is allocated per value, and text is materialised
/// only for min, max and the top-k survivors.
/// </summary>
internal sealed class ColumnAccumulator
{
    private const int ParseCacheSize = 4096;

    private readonly ColumnProfile _profile;
    private readonly HyperLogLog _distinct;
    private readonly int _kllK;
    private readonly int _topKCapacity;

    /// <param name="distinct">
    /// Where distinct hashes go: by default the profile's own sketch. The profiler passes one sketch per
    /// worker and column instead; register-wise max makes those merge to the same dataset sketch, and
    /// registers that are already warm let most hashes skip the update (see BlockKernels.AddHashes).
    /// </param>
    public ColumnAccumulator(ColumnProfile profile, int kllK, int topKCapacity, HyperLogLog? distinct = null)
    {
        _profile = profile;
        _distinct = distinct ?? profile.DistinctSketch;
        _kllK = kllK;
        _topKCapacity = topKCapacity;
    }

    public ColumnProfile Profile => _profile;

    /// <summary>Integers (and temporal values already converted to Unix microseconds).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddIntegers(ReadOnlySpan<long> values, Func<long, string> format)
    {
        if (values.IsEmpty) return;
        var run = new IntegerRun(this, values.Length);
        for (var offset = 0; offset < values.Length; offset += BlockKernels.BlockSize)
            run.Add(values.Slice(offset, Math.Min(BlockKernels.BlockSize, values.Length - offset)), offset);
        run.Finish(format);
    }

    /// <summary>Values that convert to integers (narrower ints, dates, timestamps), converted one block at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddIntegers<T, TConvert>(ReadOnlySpan<T> values, Func<long, string> format)
        where T : struct
        where TConvert : IInt64Conversion<T>
    {
        if (values.IsEmpty) return;
        var run = new IntegerRun(this, values.Length);
        Span<long> block = stackalloc long[BlockKernels.BlockSize];
        for (var offset = 0; offset < values.Length; offset += BlockKernels.BlockSize)
        {
            var source = values.Slice(offset, Math.Min(BlockKernels.BlockSize, values.Length - offset));
            var target = block[..source.Length];
            if (typeof(T) == typeof(int)) BlockKernels.WidenInt32(MemoryMarshal.Cast<T, int>(source), target);
            else if (typeof(T) == typeof(DateTime) && typeof(TConvert) == typeof(DateTimeMicros)) BlockKernels.DateTimesToMicros(MemoryMarshal.Cast<T, DateTime>(source), target);
            else for (var i = 0; i < source.Length; i++) target[i] = TConvert.Convert(source[i]);
            run.Add(target, offset);
        }
        run.Finish(format);
    }

    /// <summary>
    /// One chunk of integers walked block by block: per block a vector hash, the register scatter, the
    /// frequent-items feed, one fused statistics pass and the deviation pass, all on data in L1.
    /// </summary>
    private ref struct IntegerRun
    {
        private readonly ColumnAccumulator _owner;
        private readonly FrequentItemsCounter<long> _counter;
        private readonly KllSketch.StratifiedSampler _sampler;
        private readonly Moments _moments = new();
        private readonly Span<ulong> _hashes;
        private FrequentFeed _feed;
        private long _min = long.MaxValue, _max = long.MinValue, _zeros, _negatives;

        public IntegerRun(ColumnAccumulator owner, int length)
        {
            _owner = owner;
            _counter = new FrequentItemsCounter<long>(owner._topKCapacity);
            _feed = new FrequentFeed(length);
            _sampler = new KllSketch.StratifiedSampler(owner._profile.QuantileSketch ??= new KllSketch(owner._kllK), length);
            _hashes = owner.HashScratch;
            _counter.DeferredDistinct = owner._distinct;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Add(scoped ReadOnlySpan<long> block, int offset)
        {
            var hashes = _hashes[..block.Length];
            BlockKernels.HashInt64(block, hashes);
            FeedBlock(ref _feed, _counter, _owner._distinct, hashes, block, offset);
            BlockKernels.Stats(block, ref _min, ref _max, ref _zeros, ref _negatives, out var sum);
            var mean = sum / block.Length;
            _moments.Merge(block.Length, sum, mean, BlockKernels.M2(block, mean));
            _sampler.Feed(block, offset);
        }

        public readonly void Finish(Func<long, string> format)
        {
            var p = _owner._profile;
            _counter.FlushDeferredDistinct();
            _owner.SetRange(format(_min), format(_max), _min, _max);
            p.TopKSketch.Merge(_counter.ToSketch(format));
            (p.Moments ??= new Moments()).Merge(_moments);
            p.ZeroCount += _zeros;
            p.NegativeCount += _negatives;
            p.QuantileSketch!.Track(_min, _max);
            _sampler.Finish();
        }
    }

    /// <summary>
    /// Feeds one block to the frequent-items counter and its hashes to the distinct sketch, once. While the
    /// counter defers the sketch (few distinct keys so far) the hashes wait in its key set; if it stops
    /// deferring inside this block it has flushed the keys it had, so the block's own hashes follow.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FeedBlock<T>(ref FrequentFeed feed, FrequentItemsCounter<T> counter, HyperLogLog distinct, ReadOnlySpan<ulong> hashes, ReadOnlySpan<T> block, int offset)
    {
        var deferred = counter.DeferredDistinct is not null;
        if (!deferred) BlockKernels.AddHashes(distinct, hashes);
        feed.FeedBlock(counter, hashes, block, offset);
        if (deferred && counter.DeferredDistinct is null) BlockKernels.AddHashes(distinct, hashes);
    }

    /// <summary>Floating-point values, block by block; NaN and ±infinity are hashed and counted but kept out of the statistics.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddDoubles(Span<double> values)
    {
        if (values.IsEmpty) return;
        var p = _profile;
        var counter = new FrequentItemsCounter<double>(_topKCapacity) { DeferredDistinct = _distinct };
        var feed = new FrequentFeed(values.Length);
        // Sampled on the assumption that every value is finite (one pass over the chunk, not two); a chunk
        // that turns out to hold NaN or infinity is sampled again below from its finite values.
        var kll = new KllSketch(_kllK);
        var sampler = new KllSketch.StratifiedSampler(kll, values.Length);
        var moments = new Moments();
        var hashes = HashScratch;
        Span<double> compacted = stackalloc double[BlockKernels.BlockSize];
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        long zeros = 0, negatives = 0, finiteCount = 0;
        var sawNonFinite = false;
        for (var offset = 0; offset < values.Length; offset += BlockKernels.BlockSize)
        {
            var block = values.Slice(offset, Math.Min(BlockKernels.BlockSize, values.Length - offset));
            var blockHashes = hashes[..block.Length];
            var blockFinite = BlockKernels.HashDouble(block, blockHashes);
            FeedBlock(ref feed, counter, _distinct, blockHashes, block, offset);
            scoped ReadOnlySpan<double> finite = block;
            if (!blockFinite)
            {
                sawNonFinite = true;
                var n = 0;
                foreach (var v in block)
                {
                    if (double.IsFinite(v)) compacted[n++] = v;
                    else if (double.IsNaN(v)) p.NaNCount++;
                    else if (v > 0) p.PositiveInfinityCount++;
                    else p.NegativeInfinityCount++;
                }
                finite = compacted[..n];
            }
            if (finite.IsEmpty) continue;
            BlockKernels.Stats(finite, ref min, ref max, ref zeros, ref negatives, out var sum);
            var mean = sum / finite.Length;
            moments.Merge(finite.Length, sum, mean, BlockKernels.M2(finite, mean));
            if (!sawNonFinite) sampler.Feed(finite, offset);
            finiteCount += finite.Length;
        }
        counter.FlushDeferredDistinct();
        p.TopKSketch.Merge(counter.ToSketch(ValueFormat.Number));
        if (finiteCount == 0) return;
        SetRange(ValueFormat.Number(min), ValueFormat.Number(max), min, max);
        (p.Moments ??= new Moments()).Merge(moments);
        p.ZeroCount += zeros;
        p.NegativeCount += negatives;
        if (sawNonFinite)
        {
            kll = new KllSketch(_kllK);
            var n = NumericKernels.CompactFinite(values);
            kll.AddBatch(values[..n], min, max);
        }
        else
        {
            kll.Track(min, max);
            sampler.Finish();
        }
        if (p.QuantileSketch is null) p.QuantileSketch = kll;
        else p.QuantileSketch.Merge(kll);
    }

    // One hash block per accumulator; the accumulator profiles one chunk on one thread.
    private ulong[]? _hashScratch;

    private Span<ulong> HashScratch => _hashScratch ??= new ulong[BlockKernels.BlockSize];

    /// <summary>Decimals: exact min/max text, double precision for moments and sketches.</summary>
    public void AddDecimals(ReadOnlySpan<decimal> values)
    {
        if (values.IsEmpty) return;
        decimal min = values[0], max = values[0];
        var counter = new FrequentItemsCounter<decimal>(_topKCapacity);
        var doubles = ArrayPool<double>.Shared.Rent(values.Length);
        try
        {
            for (var i = 0; i < values.Length; i++)
            {
                var v = values[i];
                if (v < min) min = v;
                if (v > max) max = v;
                doubles[i] = (double)v;
                // Hash the normalised value so 1.0 and 1.00 count as one.
                var h = ValueHash.Double(doubles[i]) ^ (ulong)(v / 1.000000000000000000000000000000000m).GetHashCode();
                _distinct.AddHash(h);
                counter.Add(h, v);
            }
            SetRange(min.ToString(CultureInfo.InvariantCulture), max.ToString(CultureInfo.InvariantCulture), (double)min, (double)max);
            _profile.TopKSketch.Merge(counter.ToSketch(d => d.ToString(CultureInfo.InvariantCulture)));
            AddFiniteDoubles(doubles.AsSpan(0, values.Length), (double)min, (double)max);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(doubles);
        }
    }

    public void AddBooleans(ReadOnlySpan<bool> values)
    {
        if (values.IsEmpty) return;
        long trues = 0;
        foreach (var b in values) if (b) trues++;
        _profile.TrueCount += trues;
        var falses = values.Length - trues;
        if (trues > 0) { _distinct.AddHash(ValueHash.Int64(1)); }
        if (falses > 0) { _distinct.AddHash(ValueHash.Int64(0)); }
        var sketch = new FrequentItemsSketch(_topKCapacity) { Total = values.Length };
        if (trues > 0) sketch.Items.Add(new FrequentItem("true", trues, ValueHash.Int64(1)));
        if (falses > 0) sketch.Items.Add(new FrequentItem("false", falses, ValueHash.Int64(0)));
        _profile.TopKSketch.Merge(sketch);
        SetRange(falses > 0 ? "false" : "true", trues > 0 ? "true" : "false", falses > 0 ? 0 : 1, trues > 0 ? 1 : 0);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddStrings(ReadOnlySpan<ReadOnlyMemory<char>> values)
    {
        if (values.IsEmpty) return;
        // Dictionary chunks: count per entry first, then hash, parse and compare once per entry.
        var entries = new DictionaryEntryCounter();
        if (entries.TryCount(values))
        {
            AddStringEntries(entries.Values, entries.Counts);
            return;
        }
        var run = new StringRun(this, values.Length);
        for (var i = 0; i < values.Length; i++) run.AddValue(i, values[i]);
        run.Finish();
    }

    /// <summary>
    /// String values given as distinct entries and how often each occurs (a dictionary chunk counted by
    /// <see cref="DictionaryEntryCounter"/> or read index by index by <see cref="DictionaryPath.DictionaryChunkReader"/>):
    /// every string figure is computed once per entry. Entries counted zero times are skipped, so an
    /// unreferenced dictionary entry shows in no figure.
    /// </summary>
    public void AddStringEntries(ReadOnlySpan<ReadOnlyMemory<char>> values, ReadOnlySpan<long> counts)
    {
        long total = 0;
        foreach (var c in counts) total += c;
        if (total == 0) return;
        // The feed length only paces per-value sampling, which whole entries do not use.
        var run = new StringRun(this, (int)Math.Min(int.MaxValue, total));
        for (var e = 0; e < values.Length; e++)
            if (counts[e] > 0) run.AddGroup(values[e], counts[e]);
        run.Finish();
    }

    /// <summary>The string statistics of one chunk, fed whole entries (value × count) or single values.</summary>
    private sealed class StringRun
    {
        private readonly ColumnAccumulator _owner;
        // The per-value state (frequent-items table, parse cache: ~65 KB) is created by the first single value;
        // a run fed whole entries never touches it, and a short-lived process would pay for its fresh pages.
        private FrequentItemsCounter<ReadOnlyMemory<char>>? _counter;
        private readonly long[] _parseTimes = new long[128];
        // Direct-mapped cache of recently seen hashes: a repeated value skips parsing and min/max compares.
        private ulong[]? _cacheKeys;
        private byte[]? _cacheFlags;
        private readonly List<(ulong Hash, long Count, ReadOnlyMemory<char> Value)> _groups = [];
        private FrequentFeed _feed;
        private ReadOnlyMemory<char> _min, _max;
        private bool _haveRange;
        private long _minLen = long.MaxValue, _maxLen, _totalLen, _count;

        public StringRun(ColumnAccumulator owner, int length)
        {
            _owner = owner;
            _feed = new FrequentFeed(length);
        }

        public void AddGroup(ReadOnlyMemory<char> memory, long count)
        {
            var span = memory.Span;
            var h = ValueHash.Chars(span);
            _owner._distinct.AddHash(h);
            _groups.Add((h, count, memory));
            Lengths(span.Length, count);
            _parseTimes[(int)StringParse.Classify(span)] += count;
            Range(memory);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void AddValue(int index, ReadOnlyMemory<char> memory)
        {
            var span = memory.Span;
            var h = ValueHash.Chars(span);
            _owner._distinct.AddHash(h);
            var counter = _counter ??= new FrequentItemsCounter<ReadOnlyMemory<char>>(_owner._topKCapacity);
            if (_feed.Take(index, counter.Decrements, counter.Capacity) is var w and > 0) counter.Add(h, memory, w);
            Lengths(span.Length, 1);
            var slot = (int)(h & (ParseCacheSize - 1));
            var key = h | 1;
            var cacheKeys = _cacheKeys ??= new ulong[ParseCacheSize];
            var cacheFlags = _cacheFlags ??= new byte[ParseCacheSize];
            if (cacheKeys[slot] == key)
            {
                _parseTimes[cacheFlags[slot]]++;
                return;
            }
            var flags = (byte)StringParse.Classify(span);
            cacheKeys[slot] = key;
            cacheFlags[slot] = flags;
            _parseTimes[flags]++;
            Range(memory);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Lengths(long length, long count)
        {
            _count += count;
            _totalLen += length * count;
            if (length < _minLen) _minLen = length;
            if (length > _maxLen) _maxLen = length;
        }

        private void Range(ReadOnlyMemory<char> memory)
        {
            if (!_haveRange)
            {
                _min = _max = memory;
                _haveRange = true;
                return;
            }
            var span = memory.Span;
            if (span.SequenceCompareTo(_min.Span) < 0) _min = memory;
            if (span.SequenceCompareTo(_max.Span) > 0) _max = memory;
        }

        public void Finish()
        {
            var p = _owner._profile;
            var stats = p.Strings ??= new StringStats();
            for (var f = 0; f < _parseTimes.Length; f++)
                if (_parseTimes[f] > 0) stats.Parses.Add((StringParse.Flags)f, _parseTimes[f]);
            stats.Merge(new StringStats { Count = _count, MinLength = _minLen, MaxLength = _maxLen, TotalLength = _totalLen });
            _owner.SetRange(_min.ToString(), _max.ToString(), null, null);
            if (_groups.Count > 0) p.TopKSketch.Merge(GroupSketch());
            if (_counter is not null) p.TopKSketch.Merge(_counter.ToSketch(m => m.ToString()));
        }

        /// <summary>
        /// Exact entry counts summarised the way a Misra–Gries merge does (keep the capacity largest,
        /// subtract the next one's count), so only the survivors are turned into text.
        /// </summary>
        private FrequentItemsSketch GroupSketch()
        {
            var capacity = _owner._topKCapacity;
            // Entries with equal text (a dictionary-to-PLAIN fallback repeats values) count as one value.
            var merged = new Dictionary<ulong, (long Count, ReadOnlyMemory<char> Value)>(_groups.Count);
            var total = 0L;
            foreach (var g in _groups)
            {
                total += g.Count;
                merged[g.Hash] = merged.TryGetValue(g.Hash, out var seen) ? (seen.Count + g.Count, seen.Value) : (g.Count, g.Value);
            }
            // Same order as FrequentItemsSketch.Prune: count descending, then hash (unique: the keys of merged).
            // One primitive key per entry (count descending, then hash): sorted without comparer calls.
            var order = new UInt128[merged.Count];
            var n = 0;
            foreach (var (hash, (count, _)) in merged) order[n++] = FrequentItemsSketch.SortKey(count, hash);
            Array.Sort(order);
            var top = new List<FrequentItem>(Math.Min(order.Length, capacity + 1));
            for (var i = 0; i < order.Length && i <= capacity; i++)
            {
                var hash = (ulong)order[i];
                var (count, value) = merged[hash];
                top.Add(new FrequentItem(value.ToString(), count, hash));
            }
            return new FrequentItemsSketch(capacity)
            {
                Total = total,
                Items = FrequentItemsSketch.Prune(top, capacity, out var subtracted),
                MaxError = subtracted,
            };
        }
    }

    public void AddBinary(ReadOnlySpan<ReadOnlyMemory<byte>> values)
    {
        if (values.IsEmpty) return;
        var stats = _profile.Strings ??= new StringStats();
        var counter = new FrequentItemsCounter<ReadOnlyMemory<byte>>(_topKCapacity);
        long minLen = long.MaxValue, maxLen = 0, totalLen = 0;
        ReadOnlyMemory<byte> min = values[0], max = values[0];
        foreach (var memory in values)
        {
            var span = memory.Span;
            var h = ValueHash.Bytes(span);
            _distinct.AddHash(h);
            counter.Add(h, memory);
            totalLen += span.Length;
            minLen = Math.Min(minLen, span.Length);
            maxLen = Math.Max(maxLen, span.Length);
            if (span.SequenceCompareTo(min.Span) < 0) min = memory;
            if (span.SequenceCompareTo(max.Span) > 0) max = memory;
        }
        stats.Merge(new StringStats { Count = values.Length, MinLength = minLen, MaxLength = maxLen, TotalLength = totalLen });
        SetRange(Hex(min.Span), Hex(max.Span), null, null);
        _profile.TopKSketch.Merge(counter.ToSketch(m => Hex(m.Span)));
    }

    public void AddGuids(ReadOnlySpan<Guid> values)
    {
        if (values.IsEmpty) return;
        var counter = new FrequentItemsCounter<Guid>(_topKCapacity);
        var min = values[0];
        var max = values[0];
        foreach (var g in values)
        {
            var h = ValueHash.Bytes(MemoryMarshal.AsBytes(new ReadOnlySpan<Guid>(in g)));
            _distinct.AddHash(h);
            counter.Add(h, g);
            if (g.CompareTo(min) < 0) min = g;
            if (g.CompareTo(max) > 0) max = g;
        }
        SetRange(min.ToString(), max.ToString(), null, null);
        _profile.TopKSketch.Merge(counter.ToSketch(g => g.ToString()));
    }

    /// <summary>
    /// One value standing for <paramref name="weight"/> rows (a hive partition value, constant over a file),
    /// in O(log weight): the same hash, top-k key and numeric form as <see cref="AddIntegers"/> would give
    /// those rows, with closed-form moments (mean = value, M2 = 0) and a weighted KLL insert.
    /// </summary>
    public void AddConstantInteger(long value, long weight, Func<long, string> format)
    {
        if (weight <= 0) return;
        var text = format(value);
        SetRange(text, text, value, value);
        AddConstantItem(ValueHash.Int64(value), text, weight);
        double number = value;
        (_profile.Moments ??= new Moments()).Merge(weight, number * weight, number, 0);
        if (value == 0) _profile.ZeroCount += weight;
        else if (value < 0) _profile.NegativeCount += weight;
        (_profile.QuantileSketch ??= new KllSketch(_kllK)).AddWeighted(number, weight);
    }

    /// <summary>DuckDB's <c>infinity</c> / <c>-infinity</c> dates: counted and kept in top values, outside range, moments and quantiles.</summary>
    public void AddConstantInfinity(int sign, long weight)
    {
        if (weight <= 0) return;
        if (sign > 0) _profile.PositiveInfinityCount += weight;
        else _profile.NegativeInfinityCount += weight;
        AddConstantItem(ValueHash.Double(sign > 0 ? double.PositiveInfinity : double.NegativeInfinity), sign > 0 ? "infinity" : "-infinity", weight);
    }

    /// <summary>A text value standing for <paramref name="weight"/> rows: lengths and parse shares weighted by rows.</summary>
    public void AddConstantString(string value, long weight)
    {
        if (weight <= 0) return;
        var stats = _profile.Strings ??= new StringStats();
        stats.Parses.Add(StringParse.Classify(value), weight);
        stats.Merge(new StringStats { Count = weight, MinLength = value.Length, MaxLength = value.Length, TotalLength = (long)value.Length * weight });
        SetRange(value, value, null, null);
        AddConstantItem(ValueHash.Chars(value), value, weight);
    }

    private void AddConstantItem(ulong hash, string text, long weight)
    {
        _distinct.AddHash(hash);
        if (hash == 0) hash = 1; // as FrequentItemsCounter keys it (0 marks an empty slot there)
        _profile.TopKSketch.Merge(new FrequentItemsSketch(_topKCapacity) { Total = weight, Items = [new FrequentItem(text, weight, hash)] });
    }

    private static string Hex(ReadOnlySpan<byte> bytes) => bytes.Length <= 64
        ? Convert.ToHexString(bytes)
        : Convert.ToHexString(bytes[..64]) + "…";

    private void AddFiniteDoubles(Span<double> values, double min, double max)
    {
        if (values.IsEmpty) return;
        double ignoredMin = min, ignoredMax = max;
        long zeros = 0, negatives = 0;
        BlockKernels.Stats<double>(values, ref ignoredMin, ref ignoredMax, ref zeros, ref negatives, out var sum);
        var mean = sum / values.Length;
        (_profile.Moments ??= new Moments()).Merge(values.Length, sum, mean, BlockKernels.M2<double>(values, mean));
        _profile.ZeroCount += zeros;
        _profile.NegativeCount += negatives;
        var kll = _profile.QuantileSketch ??= new KllSketch(_kllK);
        kll.AddBatch(values, min, max);
    }

    private void SetRange(string min, string max, double? minNumber, double? maxNumber)
    {
        var p = _profile;
        p.MinMaxSource = "data";
        if (p.Min is null)
        {
            (p.Min, p.Max, p.MinNumber, p.MaxNumber) = (min, max, minNumber, maxNumber);
            return;
        }
        if (minNumber is { } bmin && p.MinNumber is { } pmin ? bmin < pmin : string.CompareOrdinal(min, p.Min) < 0)
            (p.Min, p.MinNumber) = (min, minNumber);
        if (maxNumber is { } bmax && p.MaxNumber is { } pmax ? bmax > pmax : string.CompareOrdinal(max, p.Max) > 0)
            (p.Max, p.MaxNumber) = (max, maxNumber);
    }
}
