using System.ComponentModel;
using System.Collections.Concurrent;
using DataQuality.Core.Checks;
using DataQuality.Core.Datasets;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Expectations;

namespace DataQuality.Xunit.Sdk;

/// <summary>
/// The process-wide cache that makes every row of one dataset share one planned scan: the first
/// row to ask runs the whole suite (one DuckDB scan), the others await the same task. Keyed by
/// the check file, the dataset location as resolved for this run, and the server.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class DatasetRuns
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<DatasetOutcome>>> Runs = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, int> ScansByKey = new(StringComparer.Ordinal);
    private static int _scans;

    /// <summary>Validation runs (planned scans) started in this process.</summary>
    public static int ScanCount => Volatile.Read(ref _scans);

    /// <summary>Validation runs started for one cache key (see <see cref="DatasetOutcome.Key"/>).</summary>
    public static int ScansFor(string key) => ScansByKey.TryGetValue(key, out var n) ? n : 0;

    public static Task<DatasetOutcome> GetAsync(ExpectationSuite suite, string suitePath, string location, Func<ExpectationSuite, DatasetRef, CancellationToken, Task<ValidationReport>>? validate = null)
    {
        var key = $"{Path.GetFullPath(suitePath)}|{location}";
        var lazy = Runs.GetOrAdd(key, k => new Lazy<Task<DatasetOutcome>>(() => RunAsync(k, suite, location, validate), LazyThreadSafetyMode.ExecutionAndPublication));
        return lazy.Value;
    }

    private static async Task<DatasetOutcome> RunAsync(string key, ExpectationSuite suite, string location, Func<ExpectationSuite, DatasetRef, CancellationToken, Task<ValidationReport>>? validate)
    {
        Interlocked.Increment(ref _scans);
        ScansByKey.AddOrUpdate(key, 1, (_, n) => n + 1);
        validate ??= (s, d, ct) => new DatasetValidator(DataQualityResolver.Shared).ValidateAsync(s, d, null, ct);
        try
        {
            // Not the test's token: the result is shared by every row of the dataset, and one row's cancellation must not poison the others.
            var report = await validate(suite, DatasetRef.Parse(location), CancellationToken.None).ConfigureAwait(false);
            return new DatasetOutcome(key, location, report, null);
        }
        catch (DataQualityException ex)
        {
            return new DatasetOutcome(key, location, null, ex);
        }
    }
}

/// <summary>What one dataset's run produced: the report, or why the dataset could not be checked at all.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed record DatasetOutcome(string Key, string Location, ValidationReport? Report, DataQualityException? Failure)
{
    /// <summary>The result of check <paramref name="index"/>; when the dataset itself failed, an error result carrying that reason.</summary>
    public ExpectationResult ResultFor(ExpectationSuite suite, int index) =>
        Report is { } report
            ? report.Results[index]
            : ExpectationResult.FromError(suite.Expectations[index], Failure!.Code, Failure.Location is { } at ? $"{Failure.Message} ({at})" : Failure.Message);
}
