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
    public const int Window = 32_768;
    private const int TargetSamples = 16_384;

    private int _stride = 1;
    private int _pick;

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
        if (offset == 0) _pick = (int)(ValueHash.Int64(index) & (ulong)(_stride - 1));
        return offset == _pick ? _stride : 0;
    }
}
