using System.Runtime.CompilerServices;
using DataQuality.Core.Profiling.Sketches;

namespace DataQuality.Core.Profiling;

/// <summary>
/// Decides which values of a chunk go to the Misra–Gries counter. The first <see cref="Window"/> values
/// all do. If they were mostly distinct (the counter cancelled at least half their weight) the rest of
/// the chunk is fed as a stratified sample: one value per block of 2^s (position drawn from a fixed hash
/// of the block number), weighted 2^s. On near-unique columns this turns a table rebuild every few
/// hundred values into a few thousand updates per chunk, while any value above ~1% share is still caught.
/// </summary>
internal struct FrequentFeed(int length)
{
    public const int Window = 4_096;
    private const int TargetSamples = 4_096;

    private int _stride = 1;
    private int _pick;
    private bool _decided;
    private long _nextBlock;
    private long _nextPick;

    /// <summary>The weight to add value <paramref name="index"/> with, or 0 to skip it.</summary>
    public long Take(int index, long decrements, int capacity)
    {
        if (_stride == 1)
        {
            if (index == Window && decrements * (capacity + 1L) >= Window / 2)
            {
                while ((length - Window) / _stride > TargetSamples) _stride <<= 1;
            }
            if (_stride == 1) return 1;
        }
        var offset = (index - Window) & (_stride - 1);
        if (offset == 0) _pick = PickIn(index, _stride);
        return offset == _pick ? _stride : 0;
    }

    /// <summary>
    /// Feeds values [offset, offset + hashes.Length) of the chunk, in order, making the same choices as
    /// <see cref="Take"/> value by value would, but touching only the values that are taken.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void FeedBlock<T>(FrequentItemsCounter<T> counter, ReadOnlySpan<ulong> hashes, ReadOnlySpan<T> payloads, int offset)
    {
        var i = 0;
        if (!_decided)
        {
            var windowEnd = Math.Min(hashes.Length, Window - offset);
            if (counter.TryAddBlockOfKnownKeys(hashes[..windowEnd])) i = windowEnd;
            for (; i < windowEnd; i++) counter.Add(hashes[i], payloads[i]);
            if (offset + i < Window) return;
            _decided = true;
            if (offset + i < length && counter.Decrements * (counter.Capacity + 1L) >= Window / 2)
            {
                while ((length - Window) / _stride > TargetSamples) _stride <<= 1;
                _nextBlock = Window;
                _nextPick = Window + PickIn(Window, _stride);
            }
        }
        if (_stride == 1)
        {
            if (counter.TryAddBlockOfKnownKeys(hashes[i..])) return;
            for (; i < hashes.Length; i++) counter.Add(hashes[i], payloads[i]);
            return;
        }
        var end = offset + hashes.Length;
        while (_nextPick < end)
        {
            var at = (int)(_nextPick - offset);
            counter.Add(hashes[at], payloads[at], _stride);
            _nextBlock += _stride;
            _nextPick = _nextBlock + PickIn(_nextBlock, _stride);
        }
    }

    private static int PickIn(long blockStart, int stride) => (int)(ValueHash.Int64(blockStart) & (ulong)(stride - 1));
}
