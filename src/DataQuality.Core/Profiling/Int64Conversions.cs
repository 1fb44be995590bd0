using System.Numerics;

namespace DataQuality.Core.Profiling;

/// <summary>
/// How a decoded value becomes the 64-bit integer the profiler summarises. A static abstract member on a
/// struct type argument lets the JIT inline the conversion into the block loop (a delegate per value
/// cost more than the statistics themselves).
/// </summary>
internal interface IInt64Conversion<T>
{
    static abstract long Convert(T value);
}

internal readonly struct WidenToInt64<T> : IInt64Conversion<T> where T : IBinaryInteger<T>
{
    public static long Convert(T value) => long.CreateTruncating(value);
}

/// <summary>Timestamps as Unix microseconds (truncated toward zero, as before the epoch too).</summary>
internal readonly struct DateTimeMicros : IInt64Conversion<DateTime>
{
    private static readonly long EpochTicks = ValueFormat.Epoch.Ticks;

    public static long Convert(DateTime value) => (value.Ticks - EpochTicks) / 10;
}

/// <summary>Dates as Unix microseconds at midnight, so DATE columns read as DateOnly or DateTime agree.</summary>
internal readonly struct DateOnlyMicros : IInt64Conversion<DateOnly>
{
    private static readonly int EpochDay = DateOnly.FromDateTime(ValueFormat.Epoch).DayNumber;

    public static long Convert(DateOnly value) => (value.DayNumber - EpochDay) * 86_400_000_000L;
}
