using System.Buffers;
using System.Globalization;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using DataQuality.Core.Profiling.Sketches;

namespace DataQuality.Core.Profiling;

/// <summary>
/// Profiles the decoded, null-free values of one column chunk. Numeric work runs over whole spans
/// (TensorPrimitives / Vector&lt;T&gt;); the per-value loop only hashes into the HyperLogLog and
/// Misra–Gries tables, which allocate nothing. Strings keep their decoded <see cref="ReadOnlyMemory{T}"/>
/// (dictionary pages share one buffer), so text is materialised only for min, max and the top-k survivors.
/// </summary>
internal sealed class ColumnAccumulator
{
    private const int ParseCacheSize = 4096;

    private readonly ColumnProfile _profile;
    private readonly int _kllK;
    private readonly int _topKCapacity;

    public ColumnAccumulator(ColumnProfile profile, int kllK, int topKCapacity)
    {
        _profile = profile;
        _kllK = kllK;
        _topKCapacity = topKCapacity;
    }

    public ColumnProfile Profile => _profile;

    /// <summary>Integers (and temporal values already converted to Unix microseconds).</summary>
    public void AddIntegers(ReadOnlySpan<long> values, Func<long, string> format)
    {
        if (values.IsEmpty) return;
        var min = TensorPrimitives.Min(values);
        var max = TensorPrimitives.Max(values);
        SetRange(format(min), format(max), min, max);

        var counter = new FrequentItemsCounter<long>(_topKCapacity);
        var hll = _profile.DistinctSketch;
        var feed = new FrequentFeed(values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            var h = ValueHash.Int64(v);
            hll.AddHash(h);
            if (feed.Take(i, counter.Decrements, counter.Capacity) is var w and > 0) counter.Add(h, v, w);
        }
        _profile.TopKSketch.Merge(counter.ToSketch(format));

        var doubles = ArrayPool<double>.Shared.Rent(values.Length);
        try
        {
            var span = doubles.AsSpan(0, values.Length);
            NumericKernels.ToDouble(values, span);
            AddFiniteDoubles(span, min, max);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(doubles);
        }
    }

    /// <summary>Floating-point values; the span is reordered in place (non-finite values moved out).</summary>
    public void AddDoubles(Span<double> values)
    {
        if (values.IsEmpty) return;
        var counter = new FrequentItemsCounter<double>(_topKCapacity);
        var hll = _profile.DistinctSketch;
        var feed = new FrequentFeed(values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            var h = ValueHash.Double(v);
            hll.AddHash(h);
            if (feed.Take(i, counter.Decrements, counter.Capacity) is var w and > 0) counter.Add(h, v, w);
        }
        _profile.TopKSketch.Merge(counter.ToSketch(ValueFormat.Number));

        var finite = NumericKernels.CompactFinite(values, out var nan, out var pinf, out var ninf);
        _profile.NaNCount += nan;
        _profile.PositiveInfinityCount += pinf;
        _profile.NegativeInfinityCount += ninf;
        var span = values[..finite];
        if (span.IsEmpty) return;
        var min = TensorPrimitives.Min<double>(span);
        var max = TensorPrimitives.Max<double>(span);
        SetRange(ValueFormat.Number(min), ValueFormat.Number(max), min, max);
        AddFiniteDoubles(span, min, max);
    }

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
                _profile.DistinctSketch.AddHash(h);
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
        if (trues > 0) { _profile.DistinctSketch.AddHash(ValueHash.Int64(1)); }
        if (falses > 0) { _profile.DistinctSketch.AddHash(ValueHash.Int64(0)); }
        var sketch = new FrequentItemsSketch(_topKCapacity) { Total = values.Length };
        if (trues > 0) sketch.Items.Add(new FrequentItem("true", trues, ValueHash.Int64(1)));
        if (falses > 0) sketch.Items.Add(new FrequentItem("false", falses, ValueHash.Int64(0)));
        _profile.TopKSketch.Merge(sketch);
        SetRange(falses > 0 ? "false" : "true", trues > 0 ? "true" : "false", falses > 0 ? 0 : 1, trues > 0 ? 1 : 0);
    }

    public void AddStrings(ReadOnlySpan<ReadOnlyMemory<char>> values)
    {
        if (values.IsEmpty) return;
        var stats = _profile.Strings ??= new StringStats();
        var counter = new FrequentItemsCounter<ReadOnlyMemory<char>>(_topKCapacity);
        var hll = _profile.DistinctSketch;
        // Direct-mapped cache of recently seen hashes: a repeated value skips parsing and min/max compares.
        var cacheKeys = ArrayPool<ulong>.Shared.Rent(ParseCacheSize);
        var cacheFlags = ArrayPool<byte>.Shared.Rent(ParseCacheSize);
        Array.Clear(cacheKeys, 0, ParseCacheSize);
        try
        {
            ReadOnlyMemory<char> min = default, max = default;
            var haveRange = false;
            long minLen = long.MaxValue, maxLen = 0, totalLen = 0;
            Span<long> parseTimes = stackalloc long[128];
            var feed = new FrequentFeed(values.Length);
            for (var i = 0; i < values.Length; i++)
            {
                var memory = values[i];
                var span = memory.Span;
                var h = ValueHash.Chars(span);
                hll.AddHash(h);
                if (feed.Take(i, counter.Decrements, counter.Capacity) is var w and > 0) counter.Add(h, memory, w);
                var len = span.Length;
                totalLen += len;
                if (len < minLen) minLen = len;
                if (len > maxLen) maxLen = len;

                var slot = (int)(h & (ParseCacheSize - 1));
                var key = h | 1;
                if (cacheKeys[slot] == key)
                {
                    parseTimes[cacheFlags[slot]]++;
                    continue;
                }
                var flags = (byte)StringParse.Classify(span);
                cacheKeys[slot] = key;
                cacheFlags[slot] = flags;
                parseTimes[flags]++;
                if (!haveRange)
                {
                    min = max = memory;
                    haveRange = true;
                }
                else
                {
                    if (span.SequenceCompareTo(min.Span) < 0) min = memory;
                    if (span.SequenceCompareTo(max.Span) > 0) max = memory;
                }
            }
            for (var f = 0; f < parseTimes.Length; f++)
                if (parseTimes[f] > 0) stats.Parses.Add((StringParse.Flags)f, parseTimes[f]);
            stats.Merge(new StringStats { Count = values.Length, MinLength = minLen, MaxLength = maxLen, TotalLength = totalLen });
            SetRange(min.ToString(), max.ToString(), null, null);
            _profile.TopKSketch.Merge(counter.ToSketch(m => m.ToString()));
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(cacheKeys);
            ArrayPool<byte>.Shared.Return(cacheFlags);
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
            _profile.DistinctSketch.AddHash(h);
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
            _profile.DistinctSketch.AddHash(h);
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
        _profile.DistinctSketch.AddHash(hash);
        if (hash == 0) hash = 1; // as FrequentItemsCounter keys it (0 marks an empty slot there)
        _profile.TopKSketch.Merge(new FrequentItemsSketch(_topKCapacity) { Total = weight, Items = [new FrequentItem(text, weight, hash)] });
    }

    private static string Hex(ReadOnlySpan<byte> bytes) => bytes.Length <= 64
        ? Convert.ToHexString(bytes)
        : Convert.ToHexString(bytes[..64]) + "…";

    private void AddFiniteDoubles(Span<double> values, double min, double max)
    {
        if (values.IsEmpty) return;
        var sum = TensorPrimitives.Sum<double>(values);
        var mean = sum / values.Length;
        var m2 = NumericKernels.SumSquaredDeviations(values, mean);
        (_profile.Moments ??= new Moments()).Merge(values.Length, sum, mean, m2);
        var (zeros, negatives) = NumericKernels.CountZerosAndNegatives(values);
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
