using DataQuality.Core.Profiling;

namespace DataQuality.Core.Datasets.ParquetPages;

/// <summary>
/// Checks each Parquet file of a dataset once before DuckDB reads it: magic, footer, then every page
/// header (<see cref="ParquetPageCheck"/>). DuckDB answers a row count from the footer alone, and reads
/// some corrupt pages without complaint; this check makes both a typed error naming the file (DQ5001,
/// DQ5003, DQ5005) instead of a verdict about data no reader can scan. Cost: a footer parse and a few
/// bytes per page (docs/benchmarks.md).
/// </summary>
public static class ParquetFileCheck
{
    public static async Task VerifyAsync(ResolvedDataset dataset, ParquetReadLimits? limits = null, CancellationToken cancellationToken = default)
    {
        if (dataset.Source.Format != DatasetFormat.Parquet) return;
        limits ??= ParquetReadLimits.FromEnvironment();
        var failures = new Exception?[dataset.Files.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, dataset.Files.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                try
                {
                    await ParquetFilePlan.OpenAsync(dataset.Files[i], limits, readPages: true, ct).ConfigureAwait(false);
                }
                catch (Diagnostics.InputException ex) when (ReaderLimitation(ex))
                {
                    // Parquet.Net cannot read this footer or schema (FLOAT16, some legacy lists, footers it
                    // mis-parses) but DuckDB may: the file is not page-checked and DuckDB has the last word.
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    failures[i] = ex;
                }
            }).ConfigureAwait(false);
        // The first bad file in listing order, whatever the scheduling.
        if (failures.FirstOrDefault(f => f is not null) is { } failure)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
    }

    /// <summary>DQ5004, or DQ5001 raised from a Parquet.Net exception (not from our magic-number check).</summary>
    internal static bool ReaderLimitation(Diagnostics.InputException ex) =>
        ex.Code == ProfileErrors.UnsupportedFeature || (ex.Code == ProfileErrors.NotParquet && ex.InnerException is not null);
}
