using DataQuality.Conformance.Tests.Fixtures;
using DataQuality.Conformance.Tests.Reporting;
using DataQuality.Conformance.Tests.Running;

namespace DataQuality.Conformance.Tests;

/// <summary>
/// The GX conformance run: writes docs/conformance.md, holds the recorded pass counts as a floor,
/// and checks every case recorded as passing one by one (a theory row per case).
/// </summary>
public sealed class ConformanceTests
{
    [Fact]
    public void Every_fixture_case_is_loaded()
    {
        // MANIFEST.tsv (written when the fixtures were copied) counts the cases per file; the loader must see them all.
        var manifest = Path.Combine(ConformancePaths.ConformanceDirectory, "gx", "MANIFEST.tsv");
        var total = File.ReadLines(manifest).Single(l => l.StartsWith("TOTAL\t", StringComparison.Ordinal)).Split('\t')[3];

        var cases = GxFixtureLoader.Load(ConformancePaths.GxTestDefinitions());

        cases.Count.ToString(System.Globalization.CultureInfo.InvariantCulture).Should().Be(total);
        cases.Select(c => c.Id).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Scoreboard_is_written_and_pass_counts_hold_the_floor()
    {
        var run = ConformanceRun.Current;
        // docs/conformance.md also holds the data-contract section (written by DataQuality.ContractConformance.Tests): keep it.
        var existing = File.Exists(ConformancePaths.ScoreboardPath) ? File.ReadAllText(ConformancePaths.ScoreboardPath) : "";
        var contracts = existing.IndexOf("\n## Data contracts", StringComparison.Ordinal);
        File.WriteAllText(ConformancePaths.ScoreboardPath, Scoreboard.Render(run).TrimEnd() + "\n" + (contracts < 0 ? "" : existing[contracts..]));

        var neutral = run.Count(CaseScope.Neutral, Verdict.Passed);
        var tagged = run.Count(CaseScope.SqlTagged, Verdict.Passed);
        var current = new ConformanceFloor(neutral, tagged, run.PassedIds);
        if (Environment.GetEnvironmentVariable(ConformanceFloor.UpdateVariable) == "1")
            current.Write(ConformancePaths.FloorPath);

        var floor = ConformanceFloor.Read(ConformancePaths.FloorPath);
        var (np, nt) = Scoreboard.NeutralImplemented(run);
        TestContext.Current.SendDiagnosticMessage($"GX conformance: neutral {np}/{nt} of implemented expectations, tagged {tagged}; floor neutral {floor.NeutralPassed}, tagged {floor.TaggedPassed}.");
        if (neutral > floor.NeutralPassed || tagged > floor.TaggedPassed)
            TestContext.Current.SendDiagnosticMessage("Pass count is above the floor. " + ConformanceFloor.UpdateHint);

        neutral.Should().BeGreaterThanOrEqualTo(floor.NeutralPassed, "backend-neutral passes must not drop below the recorded floor (see docs/conformance.md for the misses)");
        tagged.Should().BeGreaterThanOrEqualTo(floor.TaggedPassed, "SQL-tagged passes must not drop below the recorded floor (see docs/conformance.md for the misses)");
    }

    public static IEnumerable<TheoryDataRow<string>> RecordedPasses() =>
        ConformanceFloor.Read(ConformancePaths.FloorPath).PassedCases.Select(id => new TheoryDataRow<string>(id) { TestDisplayName = id });

    [Theory]
    [MemberData(nameof(RecordedPasses))]
    public void Recorded_passing_case_still_passes(string caseId)
    {
        var outcome = ConformanceRun.Current.Outcomes.SingleOrDefault(o => o.Case.Id == caseId);

        outcome.Should().NotBeNull($"case '{caseId}' is in conformance-floor.json but no longer in the fixtures; {ConformanceFloor.UpdateHint}");
        outcome!.Verdict.Should().Be(Verdict.Passed, outcome.Reason);
    }
}
