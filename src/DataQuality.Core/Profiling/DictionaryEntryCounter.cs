using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace DataQuality.Core.Profiling;

/// <summary>
/// Counts how often each dictionary entry occurs in a decoded string chunk. Parquet.Net expands
/// dictionary indexes into <see cref="ReadOnlyMemory{T}"/> values that share the entry's buffer, so a
/// value's (buffer, offset, length) identifies its entry without reading its characters. Hashing, parsing and
/// comparing then run once per entry instead of once per value. PLAIN pages give every value its own
/// buffer; the counter notices that within a few thousand values and gives up, leaving the chunk to
/// the per-value path. A chunk whose writer fell back from dictionary to PLAIN pages can hold one text
/// under several entries; consumers combine entries by hash.
/// </summary>
internal sealed class DictionaryEntryCounter
{
    /// <summary>More entries than this and the per-value path is as cheap.</summary>
    public const int MaxEntries = 1 << 16;

    private const int ProbeAfter = 4096;


    private object?[] _buffers = new object?[64];
    private int[] _offsets = new int[64];
    private int[] _lengths = new int[64];
    private int[] _slots = new int[128]; // entry index + 1; 0 = empty
    private long[] _counts = new long[64];
    private ReadOnlyMemory<char>[] _values = new ReadOnlyMemory<char>[64];
    private int _entries;

    public int Entries => _entries;

    public ReadOnlySpan<ReadOnlyMemory<char>> Values => _values.AsSpan(0, _entries);

    public ReadOnlySpan<long> Counts => _counts.AsSpan(0, _entries);

    /// <summary>
    /// The probe: once this many values are counted, a chunk that showed more than <see cref="ProbeMaxDistinct"/>
    /// distinct entries among them is given up (the per-value path samples it). A reader that counts a
    /// dictionary's indexes itself mirrors this to compute exactly what this counter would: a dictionary of at
    /// most <see cref="ProbeMaxDistinct"/> entries always passes; a larger one passes when its first
    /// <see cref="ProbeValues"/> non-null indexes hold at most that many distinct ones.
    /// </summary>
    public const int ProbeValues = ProbeAfter + 1;

    /// <inheritdoc cref="ProbeValues"/>
    public const int ProbeMaxDistinct = ProbeAfter / 2;

    /// <summary>
    /// Counts every value of <paramref name="values"/> per entry; false (and the counts are to be
    /// ignored) when the chunk does not look like a dictionary chunk or has too many entries.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryCount(ReadOnlySpan<ReadOnlyMemory<char>> values)
    {
        var i = 0;
        while (i < values.Length)
        {
            if (_entries is > 0 and <= VectorEntries && LayoutKnown && Vector512.IsHardwareAccelerated
                && i + BlockSize <= values.Length && TryCountKnownBlock(values.Slice(i, BlockSize)))
            {
                i += BlockSize;
                continue;
            }
            for (var end = Math.Min(values.Length, i + BlockSize); i < end; i++)
            {
                object buffer;
                int offset, length;
                if (LayoutKnown)
                {
                    ref readonly var raw = ref Unsafe.As<ReadOnlyMemory<char>, MemoryFields>(ref Unsafe.AsRef(in values[i]));
                    buffer = raw.Object ?? EmptyBuffer;
                    offset = raw.Index;
                    length = raw.Length;
                }
                else
                {
                    if (!MemoryMarshal.TryGetArray(values[i], out var segment)) return false;
                    buffer = segment.Array ?? EmptyBuffer;
                    offset = segment.Offset;
                    length = segment.Count;
                }
                if (!Add(buffer, offset, length, values[i])) return false;
                // Mostly distinct after a few thousand values: not a dictionary chunk (or a huge dictionary).
                if (i == ProbeAfter && _entries > ProbeAfter / 2) return false;
            }
        }
        return true;
    }

    private const int BlockSize = 2048;
    private const int VectorEntries = 8;

    /// <summary>
    /// Counts a block in which every value is one of at most eight known entries (a status or flag
    /// column) by comparing four values' raw fields at a time with each entry's; false, having counted
    /// nothing, when some value matches no entry (a new entry, or a buffer a GC moved since).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryCountKnownBlock(ReadOnlySpan<ReadOnlyMemory<char>> block)
    {
        Span<Vector512<ulong>> patterns = stackalloc Vector512<ulong>[VectorEntries];
        Span<long> counts = stackalloc long[VectorEntries];
        for (var e = 0; e < _entries; e++)
        {
            var buffer = _buffers[e]!;
            var address = ReferenceEquals(buffer, EmptyBuffer) ? 0UL : (ulong)Unsafe.As<object, nint>(ref buffer);
            var fields = (uint)_offsets[e] | ((ulong)(uint)_lengths[e] << 32);
            patterns[e] = Vector512.Create(address, fields, address, fields, address, fields, address, fields);
        }
        // Four ReadOnlyMemory values (object, index, length: 16 bytes each) per 64-byte vector; a value
        // matches an entry when both of its lanes do.
        ref var raw = ref Unsafe.As<ReadOnlyMemory<char>, ulong>(ref MemoryMarshal.GetReference(block));
        long matched = 0;
        for (var k = 0; k + 4 <= block.Length; k += 4)
        {
            var v = Vector512.LoadUnsafe(ref raw, (nuint)(k * 2));
            for (var e = 0; e < _entries; e++)
            {
                var lanes = (uint)Vector512.Equals(v, patterns[e]).ExtractMostSignificantBits();
                counts[e] += BitOperations.PopCount(lanes & (lanes >> 1) & 0x55u);
            }
        }
        for (var e = 0; e < _entries; e++) matched += counts[e];
        if (matched != block.Length) return false;
        for (var e = 0; e < _entries; e++) _counts[e] += counts[e];
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Add(object buffer, int offset, int length, ReadOnlyMemory<char> value)
    {
        var mask = _slots.Length - 1;
        var slot = Slot(buffer, offset, mask);
        while (true)
        {
            var e = _slots[slot] - 1;
            if (e < 0) break;
            if (_offsets[e] == offset && _lengths[e] == length && ReferenceEquals(_buffers[e], buffer))
            {
                _counts[e]++;
                return true;
            }
            slot = (slot + 1) & mask;
        }
        if (_entries == MaxEntries) return false;
        var entry = Append(buffer, offset, length, value);
        if (_entries * 2 > _slots.Length) Rehash(_slots.Length * 2);
        else _slots[slot] = entry + 1;
        return true;
    }

    private int Append(object buffer, int offset, int length, ReadOnlyMemory<char> value)
    {
        if (_entries == _buffers.Length) Grow();
        var entry = _entries++;
        _buffers[entry] = buffer;
        _offsets[entry] = offset;
        _lengths[entry] = length;
        _counts[entry] = 1;
        _values[entry] = value;
        return entry;
    }

    /// <summary>Mirror of <see cref="ReadOnlyMemory{T}"/>'s fields, read without the type checks of TryGetArray.</summary>
    private readonly struct MemoryFields
    {
        public readonly object? Object;
        public readonly int Index;
        public readonly int Length;
    }

    private static readonly object EmptyBuffer = new();

    // The mirror is only used if it reads a known memory back correctly on this runtime.
    private static readonly bool LayoutKnown = CheckLayout();

    private static bool CheckLayout()
    {
        if (Unsafe.SizeOf<ReadOnlyMemory<char>>() != Unsafe.SizeOf<MemoryFields>()) return false;
        var array = new char[8];
        var memory = new ReadOnlyMemory<char>(array, 3, 4);
        var raw = Unsafe.As<ReadOnlyMemory<char>, MemoryFields>(ref memory);
        return ReferenceEquals(raw.Object, array) && raw.Index == 3 && raw.Length == 4;
    }

    // Parquet.Net gives each dictionary entry its own array (offset 0), other decoders may share one
    // buffer: the buffer's address and the offset together tell entries apart either way. The address is
    // only a hint (RuntimeHelpers.GetHashCode cost more than the rest of the lookup): if a GC moves a
    // buffer mid-chunk its entry is found under a new slot and counted as a second entry with the same
    // text, which the consumers combine by hash.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Slot(object buffer, int offset, int mask)
    {
        var address = (ulong)Unsafe.As<object, nint>(ref buffer);
        return (int)(((address >> 3) ^ (uint)offset) * 0x9E3779B97F4A7C15UL >> 40) & mask;
    }

    private void Grow()
    {
        var size = _buffers.Length * 2;
        Array.Resize(ref _buffers, size);
        Array.Resize(ref _offsets, size);
        Array.Resize(ref _lengths, size);
        Array.Resize(ref _counts, size);
        Array.Resize(ref _values, size);
    }

    private void Rehash(int size)
    {
        _slots = new int[size];
        var mask = size - 1;
        for (var e = 0; e < _entries; e++)
        {
            var slot = Slot(_buffers[e]!, _offsets[e], mask);
            while (_slots[slot] != 0) slot = (slot + 1) & mask;
            _slots[slot] = e + 1;
        }
    }
}
