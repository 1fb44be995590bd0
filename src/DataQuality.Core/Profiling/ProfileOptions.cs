using DataQuality.Core.Profiling.Sketches;

namespace DataQuality.Core.Profiling;

/// <summary>How a profile is computed. Defaults match the documented sketch parameters.</summary>
public sealed record ProfileOptions
{
    /// <summary>Row groups profiled at once (each with its own reader). Default: one per core.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Columns to profile: leaf paths (<c>a.b</c>) or top-level names selecting all their leaves; null = all.</summary>
    public IReadOnlyCollection<string>? Columns { get; init; }

    /// <summary>KLL accuracy parameter k (rank error roughly 1.33% × 200 / k at 99% confidence).</summary>
    public int KllK { get; init; } = KllSketch.DefaultK;

    /// <summary>Misra–Gries counters per column (frequency error ≤ N / (capacity + 1)).</summary>
    public int TopKCapacity { get; init; } = FrequentItemsSketch.DefaultCapacity;

    /// <summary>
    /// Memory guard: a column chunk announcing more values than this is rejected (DQ5005) instead of
    /// allocated, so a corrupt footer cannot make the profiler allocate unbounded buffers.
    /// </summary>
    public long MaxValuesPerColumnChunk { get; init; } = 64L * 1024 * 1024;

    /// <summary>
    /// Answer from the footers only (row count, null count, exact min/max from row-group statistics):
    /// no page is read, so a column without usable statistics is reported as not profiled
    /// (<see cref="ColumnProfile.Unsupported"/>) and page corruption goes unseen.
    /// </summary>
    public bool MetadataOnly { get; init; }

    /// <summary>What page headers may declare; every page header is checked against it before decoding (docs/security.md).</summary>
    public Datasets.ParquetPages.ParquetReadLimits ReadLimits { get; init; } = Datasets.ParquetPages.ParquetReadLimits.Default;

    /// <summary>
    /// Add the hive partition columns of the files' paths (<c>ds=2026-02-11/</c>), as DuckDB's
    /// <c>hive_partitioning=true</c> (which validate, contracts and compare use) exposes them. Default on.
    /// </summary>
    public bool HivePartitioning { get; init; } = true;

    /// <summary>
    /// Count the dictionary indexes of flat string chunks straight from the file (DictionaryPath); off, every
    /// chunk is decoded by Parquet.Net. Internal: the tests compare both paths.
    /// </summary>
    internal bool DictionaryIndexPath { get; init; } = true;

    /// <summary>Where the profiler says which string chunks took the dictionary index path (tests and benchmarks).</summary>
    internal DictionaryPath.DictionaryIndexStats? DictionaryIndexStats { get; init; }

    /// <summary>
    /// Copy the values of flat PLAIN INT32/INT64/FLOAT/DOUBLE chunks straight from the file (PlainPath); off,
    /// Parquet.Net decodes them. Internal: the tests compare both paths.
    /// </summary>
    internal bool PlainValuePath { get; init; } = true;

    /// <summary>Where the profiler says which numeric chunks took the PLAIN value path (tests and benchmarks).</summary>
    internal DictionaryPath.DictionaryIndexStats? PlainValueStats { get; init; }

    /// <summary>
    /// Decompress the ZSTD pages of those two paths with the system's libzstd where one loads
    /// (<see cref="DictionaryPath.SystemZstd"/>); off, with ZstdSharp, as Parquet.Net does.
    /// Internal: the tests compare both.
    /// </summary>
    internal bool SystemZstd { get; init; } = true;

    public static ProfileOptions Default { get; } = new();

    /// <summary>
    /// What every scan that profiles for a user reads with (dq profile, dq suggest, compare's drift pass):
    /// <paramref name="threads"/> row groups at once (null: one per core) and the environment's read limits
    /// (<c>DQ_MAX_PAGE_SIZE</c>).
    /// </summary>
    public static ProfileOptions FromEnvironment(int? threads = null) => new()
    {
        MaxDegreeOfParallelism = threads ?? Environment.ProcessorCount,
        ReadLimits = Datasets.ParquetPages.ParquetReadLimits.FromEnvironment(),
    };
}

/// <summary>Progress of a scan, reported after each row group.</summary>
public sealed record ProfileProgress(int RowGroupsDone, int RowGroupsTotal, long RowsDone, long RowsTotal);
