using System.Runtime.CompilerServices;
namespace DataQuality.Core.Profiling.Sketches;

/// <summary>One heavy hitter: the value as text, its estimated count and how much that count may undercount.</summary>
public sealed record FrequentItem(string Value, long Count, ulong Hash);

/// <summary>
/// Misra–Gries summary in its mergeable form (Agarwal et al. 2012, "Mergeable summaries"): at most
/// <see cref="Capacity"/> counters keyed by the value's 64-bit hash. A counted value's true frequency
/// lies in [Count, Count + <see cref="MaxError"/>], and every value more frequent than
/// N/(Capacity+1) is guaranteed to be present. Merging adds counters, then subtracts the
/// (Capacity+1)-th largest count from all of them; ties are broken by hash so the result is deterministic.
/// </summary>
public sealed class FrequentItemsSketch
{
    public const int DefaultCapacity = 256;

    public FrequentItemsSketch(int capacity = DefaultCapacity) => Capacity = capacity;

    public int Capacity { get; }

    /// <summary>Number of values summarised.</summary>
    public long Total { get; set; }

    /// <summary>Upper bound on how much any count (or an absent value's zero) underestimates.</summary>
    public long MaxError { get; set; }

    public List<FrequentItem> Items { get; set; } = [];

    /// <summary>Count descending, then hash: the order every pruned sketch is kept in (a struct, so the sort inlines it).</summary>
    private readonly struct CountThenHash : IComparer<FrequentItem>
    {
        public int Compare(FrequentItem? a, FrequentItem? b) => a!.Count != b!.Count ? b.Count.CompareTo(a.Count) : a.Hash.CompareTo(b.Hash);
    }

    /// <summary>Ascending order of this key is count descending, then hash ascending (counts are never negative).</summary>
    internal static UInt128 SortKey(long count, ulong hash) => new((ulong)(long.MaxValue - count), hash);

    private static bool IsSorted(ReadOnlySpan<FrequentItem> items)
    {
        var order = new CountThenHash();
        for (var i = 1; i < items.Length; i++)
            if (order.Compare(items[i - 1], items[i]) > 0) return false;
        return true;
    }

    public void Merge(FrequentItemsSketch other)
    {
        var byHash = new Dictionary<ulong, FrequentItem>(Items.Count + other.Items.Count);
        foreach (var item in Items) byHash[item.Hash] = item;
        foreach (var item in other.Items)
            byHash[item.Hash] = byHash.TryGetValue(item.Hash, out var mine) ? mine with { Count = mine.Count + item.Count } : item;
        Total += other.Total;
        MaxError += other.MaxError;
        Items = Prune(byHash.Values, Capacity, out var subtracted);
        MaxError += subtracted;
    }

    /// <summary>The <paramref name="k"/> most frequent values, most frequent first (ties: smaller value text first).</summary>
    public IReadOnlyList<FrequentItem> Top(int k) =>
        Items.OrderByDescending(i => i.Count).ThenBy(i => i.Value, StringComparer.Ordinal).ThenBy(i => i.Hash).Take(k).ToList();

    internal static List<FrequentItem> Prune(IEnumerable<FrequentItem> items, int capacity, out long subtracted)
    {
        // Hashes are unique among the items (they come keyed by hash), so an unstable sort gives the one order;
        // items from one sketch are already in it (a merge into an empty sketch, a pruned entry sketch).
        var sorted = new List<FrequentItem>(items);
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(sorted);
        if (!IsSorted(span))
        {
            // Sorted by one primitive key (count descending, then hash): no comparer calls.
            var keys = new UInt128[span.Length];
            for (var i = 0; i < span.Length; i++) keys[i] = SortKey(span[i].Count, span[i].Hash);
            keys.AsSpan().Sort(span);
        }
        subtracted = 0;
        if (sorted.Count <= capacity) return sorted;
        subtracted = sorted[capacity].Count;
        var cut = subtracted;
        return sorted.Where(i => i.Count > cut).Select(i => i with { Count = i.Count - cut }).ToList();
    }
}

/// <summary>
/// The per-row-group hot path of Misra–Gries: an open-addressing table of hash → count with a
/// payload slot (the raw value) so text is only materialised for the survivors at the end. When the
/// table is full and a new value arrives, every counter drops by one (the new value's own count
/// cancels), which is the classic algorithm; the amortised cost stays O(1) per value.
/// </summary>
public sealed class FrequentItemsCounter<TPayload>
{
    private readonly int _capacity;
    private readonly int _mask;
    private readonly ulong[] _keys;
    private readonly long[] _counts;
    private readonly TPayload[] _payloads;
    private readonly ulong[] _scratchKeys;
    private readonly long[] _scratchCounts;
    private readonly TPayload[] _scratchPayloads;
    private int _used;
    private long _total;
    private long _decrements;

    public FrequentItemsCounter(int capacity = FrequentItemsSketch.DefaultCapacity)
    {
        _capacity = capacity;
        var slots = 1;
        while (slots < capacity * 2) slots <<= 1;
        _mask = slots - 1;
        _keys = new ulong[slots];
        _counts = new long[slots];
        _payloads = new TPayload[slots];
        _scratchKeys = new ulong[capacity];
        _scratchCounts = new long[capacity];
        _scratchPayloads = new TPayload[capacity];
    }

    /// <summary>Counter churn so far: decrement rounds × (capacity + 1) is how much weight was cancelled.</summary>
    public long Decrements => _decrements;

    public int Capacity => _capacity;

    /// <summary>
    /// Adds a value standing for <paramref name="weight"/> occurrences (a sampled value). A new value that
    /// finds the table full cancels <paramref name="weight"/> from every counter, which is what that many
    /// unit arrivals would do, so the N/(capacity+1) bound is kept.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(ulong hash, TPayload payload, long weight)
    {
        if (weight == 1)
        {
            Add(hash, payload);
            return;
        }
        _total += weight;
        if (hash == 0) hash = 1;
        var slot = (int)(hash >> 40) & _mask;
        while (true)
        {
            var key = _keys[slot];
            if (key == hash)
            {
                _counts[slot] += weight;
                return;
            }
            if (key == 0) break;
            slot = (slot + 1) & _mask;
        }
        if (_used < _capacity)
        {
            _keys[slot] = hash;
            _counts[slot] = weight;
            _payloads[slot] = payload;
            _used++;
            return;
        }
        DecrementAll(weight);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(ulong hash, TPayload payload)
    {
        _total++;
        if (hash == 0) hash = 1; // 0 marks an empty slot
        var slot = (int)(hash >> 40) & _mask;
        while (true)
        {
            var key = _keys[slot];
            if (key == hash)
            {
                _counts[slot]++;
                return;
            }
            if (key == 0) break;
            slot = (slot + 1) & _mask;
        }
        if (_used < _capacity)
        {
            _keys[slot] = hash;
            _counts[slot] = 1;
            _payloads[slot] = payload;
            _used++;
            return;
        }
        DecrementAll(1);
    }

    /// <summary>
    /// Counts a block of hashes that are all already keys of a table holding at most eight keys and never
    /// decremented (flags, small enums: the common low-cardinality column), with vector compares instead
    /// of a table probe per value. Returns false, having counted nothing, when any hash is not a key yet.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryAddBlockOfKnownKeys(ReadOnlySpan<ulong> hashes)
    {
        const int MaxKeys = 8;
        if (_decrements != 0 || _used == 0 || _used > MaxKeys || hashes.IsEmpty) return false;
        Span<int> slots = stackalloc int[MaxKeys];
        Span<long> counts = stackalloc long[MaxKeys];
        var n = 0;
        for (var i = 0; i < _keys.Length && n < _used; i++)
            if (_keys[i] != 0) slots[n++] = i;
        long matched = 0;
        for (var k = 0; k < n; k++)
        {
            counts[k] = DataQuality.Core.Profiling.BlockKernels.CountEqual(hashes, _keys[slots[k]]);
            matched += counts[k];
        }
        if (matched != hashes.Length) return false;
        for (var k = 0; k < n; k++) _counts[slots[k]] += counts[k];
        _total += hashes.Length;
        return true;
    }

    /// <summary>
    /// A distinct-count sketch whose updates are deferred: while the counter has never decremented, its
    /// keys are exactly the distinct hashes seen, so a low-cardinality chunk can skip the per-value
    /// register updates and add its few keys once (<see cref="FlushDeferredDistinct"/>). The keys are
    /// flushed automatically before the first decrement drops any, and the property is then cleared.
    /// (A value whose hash is exactly 0 is keyed as 1 here; a 2^-64 event that only moves one register.)
    /// </summary>
    public HyperLogLog? DeferredDistinct { get; set; }

    /// <summary>Adds the live keys to <see cref="DeferredDistinct"/> (if still deferred) and stops deferring.</summary>
    public void FlushDeferredDistinct()
    {
        if (DeferredDistinct is not { } hll) return;
        foreach (var key in _keys)
            if (key != 0) hll.AddHash(key);
        DeferredDistinct = null;
    }

    private void DecrementAll(long by)
    {
        FlushDeferredDistinct();
        _decrements += by;
        var survivors = 0;
        for (var i = 0; i < _keys.Length; i++)
        {
            if (_keys[i] == 0) continue;
            if (_counts[i] > by)
            {
                _scratchKeys[survivors] = _keys[i];
                _scratchCounts[survivors] = _counts[i] - by;
                _scratchPayloads[survivors] = _payloads[i];
                survivors++;
            }
            _keys[i] = 0;
            _payloads[i] = default!;
        }
        _used = 0;
        for (var s = 0; s < survivors; s++)
        {
            var key = _scratchKeys[s];
            var slot = (int)(key >> 40) & _mask;
            while (_keys[slot] != 0) slot = (slot + 1) & _mask;
            _keys[slot] = key;
            _counts[slot] = _scratchCounts[s];
            _payloads[slot] = _scratchPayloads[s];
            _scratchPayloads[s] = default!;
            _used++;
        }
    }

    public FrequentItemsSketch ToSketch(Func<TPayload, string> format)
    {
        var items = new List<FrequentItem>(_used);
        for (var i = 0; i < _keys.Length; i++)
            if (_keys[i] != 0) items.Add(new FrequentItem(format(_payloads[i]), _counts[i], _keys[i]));
        return new FrequentItemsSketch(_capacity)
        {
            Total = _total,
            MaxError = _decrements,
            Items = FrequentItemsSketch.Prune(items, _capacity, out _),
        };
    }
}
