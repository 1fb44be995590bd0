using DataQuality.Conformance.Tests.Fixtures;
using DataQuality.Conformance.Tests.Running;

namespace DataQuality.Conformance.Tests.Reporting;

/// <summary>Every fixture case run once per test process; the scoreboard, the floor and the per-case rows all read this.</summary>
public sealed class ConformanceRun
{
    private static readonly Lazy<ConformanceRun> Shared = new(() => Execute(ConformancePaths.GxTestDefinitions()));

    private ConformanceRun(IReadOnlyList<CaseOutcome> outcomes) => Outcomes = outcomes;

    public static ConformanceRun Current => Shared.Value;

    public IReadOnlyList<CaseOutcome> Outcomes { get; }

    public static ConformanceRun Execute(string testDefinitions) => new(CaseRunner.RunAll(GxFixtureLoader.Load(testDefinitions)));

    public int Count(CaseScope scope, Verdict verdict) => Outcomes.Count(o => o.Case.Scope == scope && o.Verdict == verdict);

    public IReadOnlyList<string> PassedIds => Outcomes.Where(o => o.Verdict == Verdict.Passed).Select(o => o.Case.Id).OrderBy(i => i, StringComparer.Ordinal).ToList();
}
