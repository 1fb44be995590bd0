namespace DataQuality.Xunit;

/// <summary>
/// Assembly fixture (the generated code registers it) that writes the Markdown summary when the
/// test assembly finishes: appended to <c>$GITHUB_STEP_SUMMARY</c> when set, else written to
/// <c>DQ_SUMMARY_PATH</c> or <c>TestResults/dataquality-summary.md</c> next to the test binaries
/// (where Microsoft.Testing.Platform puts its results by default).
/// </summary>
public sealed class DataQualityRunReport : IAsyncDisposable
{
    public static string SummaryPath()
    {
        var explicitPath = Environment.GetEnvironmentVariable("DQ_SUMMARY_PATH");
        return string.IsNullOrWhiteSpace(explicitPath)
            ? Path.Combine(AppContext.BaseDirectory, "TestResults", "dataquality-summary.md")
            : explicitPath;
    }

    public async ValueTask DisposeAsync()
    {
        var checks = RunSummary.Snapshot();
        if (checks.Count == 0) return;
        var markdown = RunSummary.Markdown(checks);
        var stepSummary = Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY");
        if (!string.IsNullOrWhiteSpace(stepSummary))
        {
            await File.AppendAllTextAsync(stepSummary, markdown).ConfigureAwait(false);
            return;
        }
        var path = SummaryPath();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, markdown).ConfigureAwait(false);
    }
}
