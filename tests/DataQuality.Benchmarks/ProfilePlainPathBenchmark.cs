using DataQuality.Core.Profiling;
using DataQuality.Core.Profiling.DictionaryPath;

namespace DataQuality.Benchmarks;

/// <summary>
/// PLAIN numeric files: the PLAIN value path (<see cref="Core.Profiling.PlainPath.PlainChunkReader"/>) against
/// Parquet.Net decoding every page (<see cref="ProfilePathBenchmark"/>); by default the 12 numeric cold files.
/// </summary>
internal sealed class ProfilePlainPathBenchmark : ProfilePathBenchmark
{
    public override string Name => "profile-plainpath";

    public override string Description => "in-process profile of numeric files: PLAIN value path vs Parquet.Net";

    protected override IEnumerable<string> DefaultFiles =>
        from kind in new[] { "double", "timestamp", "seqint", "hashint" }
        from layout in new[] { "default", "zstd", "rg1m" }
        select $"cold-{kind}-{layout}-10000000.parquet";

    protected override ProfileOptions Fast(DictionaryIndexStats stats) => new() { PlainValueStats = stats };

    protected override ProfileOptions Reference { get; } = new() { PlainValuePath = false };
}
