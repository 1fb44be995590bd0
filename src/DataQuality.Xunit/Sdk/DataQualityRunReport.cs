using System.ComponentModel;
namespace DataQuality.Xunit.Sdk;

/// <summary>
/// Assembly fixture (the generated code registers it) that writes the Markdown summary when the
/// test assembly finishes: appended to <c>$GITHUB_STEP_SUMMARY</c> when set, else written to
/// <c>DQ_SUMMARY_PATH</c> or <c>TestResults/dataquality-summary.md</c> next to the test binaries
/// (where Microsoft.Testing.Platform puts its results by default).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class DataQualityRunReport : IAsyncDisposable
{
    public static string SummaryPath()
    {
        var explicitPath = Environment.GetEnvironmentVariable("DQ_SUMMARY_PATH");
        return string.IsNullOrWhiteSpace(explicitPath)
            ? Path.Combine(AppContext.BaseDirectory, "TestResults", "dataquality-summary.md")
            : explicitPath;
    }

    public ValueTask DisposeAsync() =>
        new(WriteAsync(RunSummary.Snapshot(), Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY"), SummaryPath()));

    /// <summary>Nothing when no check ran; appends to the step summary when there is one (other steps write there too), else replaces the file.</summary>
    public static async Task<string?> WriteAsync(IReadOnlyList<RecordedCheck> checks, string? stepSummary, string fallbackPath)
    {
        if (checks.Count == 0) return null;
        var markdown = RunSummary.Markdown(checks);
        if (!string.IsNullOrWhiteSpace(stepSummary))
        {
            await File.AppendAllTextAsync(stepSummary, markdown).ConfigureAwait(false);
            return stepSummary;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(fallbackPath))!);
        await File.WriteAllTextAsync(fallbackPath, markdown).ConfigureAwait(false);
        return fallbackPath;
    }
}
