using System.Globalization;
using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Storage;

/// <summary>Parses and prints sizes like <c>10GB</c>, <c>512MiB</c>, <c>1048576</c> (binary units: 1 GB = 2^30 bytes).</summary>
public static class ByteSize
{
    public static long Parse(string text, string what)
    {
        var s = text.Trim().ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal);
        long multiplier = 1;
        foreach (var (suffix, factor) in Units)
        {
            if (s.EndsWith(suffix, StringComparison.Ordinal))
            {
                multiplier = factor;
                s = s[..^suffix.Length];
                break;
            }
        }
        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0 || double.IsNaN(value))
            throw new InputException(StorageErrorCodes.InvalidOptions, $"{what} '{text}' is not a size (examples: 10GB, 512MB, 1048576).");
        return (long)(value * multiplier);
    }

    public static string Format(long bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.##} GiB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.##} MiB"),
        >= 1L << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.##} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
    };

    private static readonly (string Suffix, long Factor)[] Units =
    [
        ("TIB", 1L << 40), ("GIB", 1L << 30), ("MIB", 1L << 20), ("KIB", 1L << 10),
        ("TB", 1L << 40), ("GB", 1L << 30), ("MB", 1L << 20), ("KB", 1L << 10),
        ("T", 1L << 40), ("G", 1L << 30), ("M", 1L << 20), ("K", 1L << 10), ("B", 1),
    ];
}
