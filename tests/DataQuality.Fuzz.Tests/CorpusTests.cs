using DataQuality.Fuzz.Tests.Corpus;

namespace DataQuality.Fuzz.Tests;

/// <summary>The corpus itself: complete, deterministic, and every excluded known failure still names a case.</summary>
public sealed class CorpusTests
{
    [Fact]
    public void Every_known_failure_names_a_case_of_the_corpus()
    {
        KnownFailures.Names.Where(name => !FuzzCorpus.All.ContainsKey(name)).Should().BeEmpty("KNOWN-FAILURES.md entries must match case names exactly");
    }

    [Fact]
    public void Every_case_belongs_to_a_test_class()
    {
        var covered = new[]
        {
            MalformedYamlSuiteTests.Cases, MalformedGxJsonSuiteTests.Cases, MalformedOdcsContractTests.Cases, MalformedDcsContractTests.Cases,
            HostileInputTests.Cases, ParquetTestingDataTests.Cases, ParquetTestingBadDataTests.Cases, ParquetCompareTests.Cases,
        }.SelectMany(data => data.Select(row => row.Data)).ToHashSet();

        FuzzCorpus.All.Keys.Where(name => !covered.Contains(name) && !KnownFailures.Names.Contains(name)).Should().BeEmpty();
    }

    [Fact]
    public void The_corpus_covers_every_seed_and_every_parquet_testing_file()
    {
        foreach (var seed in Seeds.All)
            FuzzCorpus.All.Keys.Count(name => name.StartsWith(seed.Name + "/", StringComparison.Ordinal)).Should().BeGreaterThanOrEqualTo(60, seed.Name);
        ParquetCorpus.Files.Should().Contain(f => f.StartsWith("bad_data/", StringComparison.Ordinal)).And.HaveCountGreaterThan(80);
    }
}
