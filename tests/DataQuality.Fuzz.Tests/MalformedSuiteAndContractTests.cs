using DataQuality.Fuzz.Tests.Corpus;
using DataQuality.Fuzz.Tests.TestSupport;

namespace DataQuality.Fuzz.Tests;

// One class per seed so xunit runs them in parallel (theory rows of one class run one after another).

/// <summary>Mutants of a YAML suite through dq validate and dq lint.</summary>
public sealed class MalformedYamlSuiteTests
{
    public static TheoryData<string> Cases => FuzzCorpus.Names(Seeds.YamlSuite.Name + "/");

    [Theory, MemberData(nameof(Cases))]
    public Task Holds(string name) => FuzzVerdict.RunAsync(FuzzCorpus.Get(name));
}

/// <summary>Mutants of a GX JSON suite through dq validate and dq lint.</summary>
public sealed class MalformedGxJsonSuiteTests
{
    public static TheoryData<string> Cases => FuzzCorpus.Names(Seeds.GxJsonSuite.Name + "/");

    [Theory, MemberData(nameof(Cases))]
    public Task Holds(string name) => FuzzVerdict.RunAsync(FuzzCorpus.Get(name));
}

/// <summary>Mutants of an ODCS contract through dq validate --contract and dq lint.</summary>
public sealed class MalformedOdcsContractTests
{
    public static TheoryData<string> Cases => FuzzCorpus.Names(Seeds.OdcsContract.Name + "/");

    [Theory, MemberData(nameof(Cases))]
    public Task Holds(string name) => FuzzVerdict.RunAsync(FuzzCorpus.Get(name));
}

/// <summary>Mutants of a DCS contract through dq validate --contract and dq lint.</summary>
public sealed class MalformedDcsContractTests
{
    public static TheoryData<string> Cases => FuzzCorpus.Names(Seeds.DcsContract.Name + "/");

    [Theory, MemberData(nameof(Cases))]
    public Task Holds(string name) => FuzzVerdict.RunAsync(FuzzCorpus.Get(name));
}
