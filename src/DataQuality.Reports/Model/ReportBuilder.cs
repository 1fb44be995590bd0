using System.Globalization;
using DataQuality.Core.Checks;
using DataQuality.Core.Expectations;
using DataQuality.Core.Reporting;

namespace DataQuality.Reports.Model;

/// <summary>Builds the <see cref="ReportModel"/>: anchors for every section, check, column and entity, and the summary.</summary>
public static class ReportBuilder
{
    public static ReportModel Build(ReportInputs inputs, string title = "Data quality report")
    {
        var anchors = new Anchors();
        var validations = inputs.Validations.Select(v =>
        {
            var section = anchors.For("dataset", v.Report.SuiteName, v.Report.DatasetName);
            var checks = v.Report.Results
                .Select(r => new CheckRow(anchors.For("check", v.Report.DatasetName, r.Expectation.DisplayName), v.Report.DatasetName, r))
                .ToList();
            return new ValidationSection(section, v.Source, v.Report, checks);
        }).ToList();
        var profiles = inputs.Profiles.Select(p =>
        {
            var section = anchors.For("profile", p.Name);
            var columns = p.Profile.Columns.Select(c => new ProfileColumn(anchors.For("column", p.Name, c.Path), c)).ToList();
            return new ProfileSection(section, p.Name, p.Profile, columns);
        }).ToList();
        var comparisons = inputs.Comparisons.Select(c =>
        {
            var section = anchors.For("comparison", c.Report.BaseRoot, c.Report.HeadRoot);
            var entities = c.Report.Entities.Select(e => new EntitySection(anchors.For("entity", c.Report.HeadRoot, e.Name), e)).ToList();
            return new ComparisonSection(section, c.Source, c.Report, entities);
        }).ToList();
        var benches = inputs.Benches.Select(b =>
        {
            var section = anchors.For("bench", b.Result.Context.BenchId, b.Source);
            string? comparisonAnchor = null;
            if (b.Result.Comparison is { } report)
            {
                comparisonAnchor = anchors.For("comparison", report.BaseRoot, report.HeadRoot);
                var entities = report.Entities.Select(e => new EntitySection(anchors.For("entity", report.HeadRoot, e.Name), e)).ToList();
                comparisons.Add(new ComparisonSection(comparisonAnchor, $"bench {b.Result.Context.BenchId}", report, entities));
            }
            return new BenchSection(section, b.Source, b.Result, comparisonAnchor);
        }).ToList();
        return new ReportModel(title, Summarize(validations, profiles, comparisons, benches), validations, profiles, comparisons, benches);
    }

    private static ReportSummary Summarize(List<ValidationSection> validations, List<ProfileSection> profiles, List<ComparisonSection> comparisons, List<BenchSection> benches)
    {
        var byStatus = Enum.GetValues<CheckStatus>().ToDictionary(s => s, _ => 0);
        var bySeverity = Enum.GetValues<Severity>().ToDictionary(s => s, _ => 0);
        var findings = new List<Finding>();
        foreach (var section in validations)
        {
            foreach (var check in section.Checks)
            {
                byStatus[check.Status]++;
                if (check.Status == CheckStatus.Passed) continue;
                bySeverity[check.Result.Expectation.Severity]++;
                findings.Add(new Finding(check.Anchor, check.Status, check.Dataset, check.Name, ValidationRenderer.Detail(check.Result)));
            }
        }
        foreach (var section in comparisons)
        {
            var anchorOf = section.Entities.ToDictionary(e => e.Entity.Name, e => e.Anchor, StringComparer.Ordinal);
            foreach (var b in section.Report.Verdict.Breaches)
            {
                bySeverity[Severity.Error]++;
                findings.Add(new Finding(anchorOf.GetValueOrDefault(b.Entity, section.Anchor), CheckStatus.Failed, b.Entity, b.Rule,
                    string.Create(CultureInfo.InvariantCulture, $"observed {b.Observed}, limit {b.Limit}")));
            }
        }
        foreach (var bench in benches.Where(b => !b.Passed))
        {
            // A breached threshold is already a finding of the bench's comparison; failed runs (or no comparison at all) are not.
            var failed = bench.Result.Failures;
            if (failed.Count == 0 && bench.Result.Comparison is not null) continue;
            bySeverity[Severity.Error]++;
            findings.Add(new Finding(bench.Anchor, CheckStatus.Failed, $"bench {bench.Result.Context.BenchId}", "pipeline runs",
                failed.Count > 0
                    ? string.Join(", ", failed.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Label} run {r.Iteration}{(r.WarmUp ? " (warm-up)" : "")} {(r.TimedOut ? "timed out" : $"exited {r.ExitCode}")}")))
                    : "no comparison"));
        }
        // Worst first (errors, failures, warnings), then in report order: OrderBy is stable.
        findings = findings.OrderBy(f => Rank(f.Status)).ToList();
        var comparisonsFailed = comparisons.Count(c => !c.Report.Verdict.Passed);
        var benchesFailed = benches.Count(b => !b.Passed);
        var verdict = byStatus[CheckStatus.Failed] + byStatus[CheckStatus.Error] + comparisonsFailed + benchesFailed > 0 ? ReportVerdict.Failed
            : byStatus[CheckStatus.Warned] > 0 ? ReportVerdict.PassedWithWarnings
            : ReportVerdict.Passed;
        return new ReportSummary(verdict, byStatus, bySeverity, comparisons.Count - comparisonsFailed, comparisonsFailed,
            profiles.Sum(p => p.Columns.Count), findings, benches.Count - benchesFailed, benchesFailed);
    }

    public static int Rank(CheckStatus status) => status switch
    {
        CheckStatus.Error => 0,
        CheckStatus.Failed => 1,
        CheckStatus.Warned => 2,
        _ => 3,
    };
}
