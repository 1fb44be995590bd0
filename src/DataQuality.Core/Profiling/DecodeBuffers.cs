namespace DataQuality.Core.Profiling;

/// <summary>
/// One worker's decode buffers, reused chunk after chunk. The shared ArrayPool was measured costing
/// more: chunk-sized arrays are trimmed on every gen-2 GC and re-allocated, and arrays of
/// ReadOnlyMemory must be cleared on return. A worker's buffers are overwritten by its next chunk and
/// released with the worker, so nothing is cleared and nothing is trimmed mid-scan.
/// </summary>
internal sealed class DecodeBuffers
{
    private readonly Dictionary<Type, Array> _values = [];
    private int[] _definitions = [];
    private int[] _repetitions = [];

    public T[] Values<T>(int length)
    {
        if (_values.TryGetValue(typeof(T), out var existing) && existing.Length >= length) return (T[])existing;
        var array = new T[Grow(existing?.Length ?? 0, length)];
        _values[typeof(T)] = array;
        return array;
    }

    public int[] Definitions(int length) => _definitions.Length >= length ? _definitions : _definitions = new int[Grow(_definitions.Length, length)];

    public int[] Repetitions(int length) => _repetitions.Length >= length ? _repetitions : _repetitions = new int[Grow(_repetitions.Length, length)];

    // Round up so a dataset whose chunks grow slowly does not re-allocate for every chunk.
    private static int Grow(int current, int needed) => (int)Math.Min(Array.MaxLength, Math.Max(needed, Math.Min((long)current * 2, needed + (needed >> 2))));
}
