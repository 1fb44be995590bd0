using System.Globalization;

namespace DataQuality.Fuzz.Tests.Corpus;

/// <summary>
/// The seed of every generated mutant: fixed, so CI runs the same corpus each time and a failure names a
/// case that reproduces. Set DQ_FUZZ_SEED to explore another corpus locally (case names stay the same,
/// their contents change).
/// </summary>
public static class FuzzSeed
{
    public const int Default = 20260212;

    public static int Value { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("DQ_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) ? seed : Default;

    /// <summary>A per-name random source that does not depend on string.GetHashCode (randomized per process).</summary>
    public static Random For(string name)
    {
        var hash = 2166136261u;
        foreach (var c in name)
            hash = (hash ^ c) * 16777619u;
        return new Random(unchecked(Value ^ (int)hash));
    }
}
