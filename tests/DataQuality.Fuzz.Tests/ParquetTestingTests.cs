using DataQuality.Fuzz.Tests.Corpus;
using DataQuality.Fuzz.Tests.TestSupport;

namespace DataQuality.Fuzz.Tests;

/// <summary>parquet-testing data/ files through dq validate and dq profile.</summary>
public sealed class ParquetTestingDataTests
{
    public static TheoryData<string> Cases => FuzzCorpus.Names("parquet/data/");

    [Theory, MemberData(nameof(Cases))]
    public Task Holds(string name) => FuzzVerdict.RunAsync(FuzzCorpus.Get(name));
}

/// <summary>parquet-testing bad_data/ files: exit 2 with a DQ code (ARROW-GH-43605 excepted, see ParquetCorpus).</summary>
public sealed class ParquetTestingBadDataTests
{
    public static TheoryData<string> Cases => FuzzCorpus.Names("parquet/bad_data/");

    [Theory, MemberData(nameof(Cases))]
    public Task Holds(string name) => FuzzVerdict.RunAsync(FuzzCorpus.Get(name));
}

/// <summary>dq compare over a seeded sample of parquet-testing files.</summary>
public sealed class ParquetCompareTests
{
    public static TheoryData<string> Cases => FuzzCorpus.Names("parquet/compare/");

    [Theory, MemberData(nameof(Cases))]
    public Task Holds(string name) => FuzzVerdict.RunAsync(FuzzCorpus.Get(name));
}
