using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Datasets;
using DataQuality.Core.Expectations;
using DataQuality.Core.Progress;

namespace DataQuality.Core.Checks;

/// <summary>
/// Validates a suite against a dataset location (local or s3://): resolve, open DuckDB, run the single-scan plan.
/// The DuckDB session is sandboxed as for contracts (<see cref="DuckDbSandbox"/>): the suite's SQL
/// (row_condition, unexpected_rows_query) reads the dataset's files and nothing else, unless the caller
/// trusts it (<see cref="TrustSuiteSql"/>). Other tables a suite names are allowed when they lie in the
/// suite's repository or an allowed folder.
/// </summary>
public sealed class DatasetValidator
{
    private readonly DatasetResolver _resolver;
    private readonly DuckDbOptions _duckDb;

    public DatasetValidator(DatasetResolver? resolver = null, DuckDbOptions? duckDb = null)
    {
        _resolver = resolver ?? DatasetResolver.LocalOnly;
        _duckDb = duckDb ?? DuckDbOptions.FromEnvironment();
    }

    /// <summary>Run without the sandbox: the suite's SQL may read any file the process can (<c>--trust-suite-sql</c>).</summary>
    public bool TrustSuiteSql { get; init; }

    /// <summary>Folders besides the suite's repository whose files other-table expectations may read (<c>--allow-path</c>).</summary>
    public IReadOnlyList<string> AllowedPaths { get; init; } = [];

    /// <summary>Told when the data is resolved (files) and when the checks start and end (checks).</summary>
    public IProgress<WorkProgress>? Progress { get; init; }

    public Task<ValidationReport> ValidateAsync(ExpectationSuite suite, DatasetRef dataset, ResultFormat? resultFormat = null, CancellationToken cancellationToken = default) =>
        ValidateAsync(suite, dataset, resultFormat, history: null, cancellationToken);

    /// <summary>
    /// With <paramref name="history"/>: history thresholds see the dataset's earlier runs (read before the
    /// scan), and this run's metrics are appended afterwards, whatever the outcome.
    /// </summary>
    public async Task<ValidationReport> ValidateAsync(ExpectationSuite suite, DatasetRef dataset, ResultFormat? resultFormat, History.HistoryTarget? history, CancellationToken cancellationToken = default)
    {
        var earlier = history is null ? null : await History.MetricHistory.LoadAsync(history.Store, history.Dataset, cancellationToken).ConfigureAwait(false);
        var report = await RunAsync(suite, dataset, resultFormat, earlier, cancellationToken).ConfigureAwait(false);
        if (history is not null)
            await history.Store.AppendAsync(History.HistoryRecorder.ToRun(report, History.HistoryRecorder.SuiteKind, history.Dataset), cancellationToken).ConfigureAwait(false);
        return report;
    }

    private async Task<ValidationReport> RunAsync(ExpectationSuite suite, DatasetRef dataset, ResultFormat? resultFormat, History.MetricHistory? history, CancellationToken cancellationToken)
    {
        Progress?.Report(new("resolving data", 0, 1, "datasets"));
        var resolved = await _resolver.ResolveAsync(dataset, cancellationToken).ConfigureAwait(false);
        Progress?.Report(new("resolving data", 1, 1, "datasets"));
        await Datasets.ParquetPages.ParquetFileCheck.VerifyAsync(resolved, cancellationToken: cancellationToken).ConfigureAwait(false);
        using var session = DuckDbSession.Open(_duckDb);
        if (!TrustSuiteSql)
            DuckDbSandbox.Apply(session, resolved.Files.Concat(OtherFiles(suite)).Distinct().ToList());
        var source = new DataSource(dataset.Location, resolved.ToRelationSql());
        try
        {
            Progress?.Report(new("running checks", 0, suite.Expectations.Count, "checks"));
            var report = new SuiteRunner(session).Run(suite, source, resultFormat, history);
            Progress?.Report(new("running checks", suite.Expectations.Count, suite.Expectations.Count, "checks"));
            return report;
        }
        catch (System.Data.Common.DbException ex)
        {
            // Only the schema read can get here (per-check SQL errors become error results): the files themselves are unreadable.
            throw new Diagnostics.InputException("DQ2005", $"Cannot read dataset '{dataset.Location}': {ReaderErrorText.Of(ex)}", new Diagnostics.SourceLocation(dataset.Location), ex);
        }
    }

    /// <summary>The files other-table expectations read; each must lie in the suite's repository or an allowed folder.</summary>
    private List<string> OtherFiles(ExpectationSuite suite)
    {
        var confinement = suite.Source is { } source && File.Exists(source.Path)
            ? PathConfinement.ForDocument(source.Path, AllowedPaths)
            : null; // a suite built in code has no document to confine to: its author named the files
        var files = new List<string>();
        foreach (var config in suite.Expectations)
        {
            if (!ExpectationCatalog.TryGet(config.Type, out var definition)) continue;
            foreach (var file in definition.OtherFiles(new Kwargs(config)))
            {
                if (confinement is not null && !confinement.Contains(file))
                    throw confinement.Outside($"{config.Type}: other table file", file, config.Location);
                files.Add(file);
            }
        }
        return files;
    }
}
