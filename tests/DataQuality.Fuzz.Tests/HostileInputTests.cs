using DataQuality.Fuzz.Tests.Corpus;
using DataQuality.Fuzz.Tests.TestSupport;

namespace DataQuality.Fuzz.Tests;

/// <summary>Hostile names, values, conditions, SQL and arguments (<see cref="HostileCorpus"/>).</summary>
public sealed class HostileInputTests
{
    public static TheoryData<string> Cases => FuzzCorpus.Names("names/", "values/", "row-condition/", "regex/", "sql/", "contract/", "profile/", "suggest/", "compare/", "cli/");

    [Theory, MemberData(nameof(Cases))]
    public Task Holds(string name) => FuzzVerdict.RunAsync(FuzzCorpus.Get(name));
}
