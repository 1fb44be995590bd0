using DataQuality.Core.Benchmarking;
using DataQuality.Core.Checks;
using DataQuality.Core.Comparison;
using DataQuality.Core.Profiling;

namespace DataQuality.Reports.Model;

/// <summary>
/// Everything one report shows, built once from the engine's result types; the HTML page and the
/// pull-request Markdown both render this model (never each other's text). Anchors are assigned
/// here so every renderer links to the same <c>#id</c>.
/// </summary>
public sealed record ReportModel(
    string Title,
    ReportSummary Summary,
    IReadOnlyList<ValidationSection> Validations,
    IReadOnlyList<ProfileSection> Profiles,
    IReadOnlyList<ComparisonSection> Comparisons,
    IReadOnlyList<BenchSection> Benches);

/// <summary>One suite (or contract model) against one dataset; <paramref name="Source"/> names the file or run it came from.</summary>
public sealed record ValidationSection(string Anchor, string Source, ValidationReport Report, IReadOnlyList<CheckRow> Checks);

/// <summary>One check's result with its stable anchor and the dataset it ran on.</summary>
public sealed record CheckRow(string Anchor, string Dataset, ExpectationResult Result)
{
    public CheckStatus Status => Result.Status;

    public string Name => Result.Expectation.DisplayName;
}

public sealed record ProfileSection(string Anchor, string Name, DatasetProfile Profile, IReadOnlyList<ProfileColumn> Columns);

public sealed record ProfileColumn(string Anchor, Core.Profiling.ColumnProfile Column);

public sealed record ComparisonSection(string Anchor, string Source, ComparisonReport Report, IReadOnlyList<EntitySection> Entities);

public sealed record EntitySection(string Anchor, EntityComparison Entity);

/// <summary>
/// One bench run; its comparison is one of the report's <see cref="ReportModel.Comparisons"/> (rendered
/// once, by the comparison section) and <paramref name="ComparisonAnchor"/> links to it.
/// </summary>
public sealed record BenchSection(string Anchor, string Source, BenchResult Result, string? ComparisonAnchor)
{
    public bool Passed => Result.ExitCode == 0;
}
