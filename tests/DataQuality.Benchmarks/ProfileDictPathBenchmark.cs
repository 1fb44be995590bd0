using DataQuality.Core.Profiling;
using DataQuality.Core.Profiling.DictionaryPath;

namespace DataQuality.Benchmarks;

/// <summary>
/// Dictionary-encoded string files: the dictionary index path (<see cref="DictionaryChunkReader"/>) against
/// Parquet.Net expanding every value (<see cref="ProfilePathBenchmark"/>); by default the dictstr files.
/// </summary>
internal sealed class ProfileDictPathBenchmark : ProfilePathBenchmark
{
    public override string Name => "profile-dictpath";

    public override string Description => "in-process profile of dictionary string files: dictionary index path vs Parquet.Net values";

    protected override IEnumerable<string> DefaultFiles => new[] { "default", "zstd", "rg1m" }.Select(l => $"cold-dictstr-{l}-10000000.parquet");

    protected override ProfileOptions Fast(DictionaryIndexStats stats) => new() { DictionaryIndexStats = stats };

    protected override ProfileOptions Reference { get; } = new() { DictionaryIndexPath = false };
}
