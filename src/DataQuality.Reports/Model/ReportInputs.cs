using DataQuality.Core.Benchmarking;
using DataQuality.Core.Checks;
using DataQuality.Core.Comparison;
using DataQuality.Core.Profiling;

namespace DataQuality.Reports.Model;

/// <summary>The results one report is built from, each named by the file or run it came from; any subset may be empty.</summary>
public sealed class ReportInputs
{
    public List<(string Source, ValidationReport Report)> Validations { get; } = [];

    public List<(string Name, DatasetProfile Profile)> Profiles { get; } = [];

    public List<(string Source, ComparisonReport Report)> Comparisons { get; } = [];

    /// <summary>Bench runs (<c>dq bench run</c>); each one's comparison is shown with the other comparisons.</summary>
    public List<(string Source, BenchResult Result)> Benches { get; } = [];

    public bool IsEmpty => Validations.Count == 0 && Profiles.Count == 0 && Comparisons.Count == 0 && Benches.Count == 0;
}
