using DataQuality.Fuzz.Tests.TestSupport;

namespace DataQuality.Fuzz.Tests.Corpus;

/// <summary>The whole corpus by case name, less the <see cref="KnownFailures"/>.</summary>
public static class FuzzCorpus
{
    private static readonly Lazy<IReadOnlyDictionary<string, FuzzCase>> AllCases = new(() =>
        MalformedCorpus.Cases().Concat(HostileCorpus.Cases()).Concat(ParquetCorpus.Cases()).ToDictionary(c => c.Name, StringComparer.Ordinal));

    /// <summary>Every case, known failures included (names are unique: ToDictionary throws on a duplicate).</summary>
    public static IReadOnlyDictionary<string, FuzzCase> All => AllCases.Value;

    public static FuzzCase Get(string name) => All[name];

    /// <summary>Theory data: the names of the cases whose name starts with one of the prefixes, known failures left out.</summary>
    public static TheoryData<string> Names(params string[] prefixes) =>
        new(All.Keys
            .Where(name => prefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
            .Where(name => !KnownFailures.Names.Contains(name)));
}
