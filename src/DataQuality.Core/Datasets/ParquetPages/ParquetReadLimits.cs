using DataQuality.Core.Diagnostics;
using DataQuality.Core.Profiling;

namespace DataQuality.Core.Datasets.ParquetPages;

/// <summary>
/// What a Parquet file may declare before anything is decompressed (docs/security.md, "Reading data:
/// limits"). A page's header says how large it becomes once decompressed; readers allocate that much,
/// so a 4 KB file declaring 1 GiB pages would otherwise cost gigabytes and minutes before failing.
/// </summary>
public sealed record ParquetReadLimits
{
    /// <summary>Largest uncompressed size one page may declare. Writers default to 1 MiB pages; DuckDB's largest are ~100 MB.</summary>
    public long MaxPageBytes { get; init; } = 256L << 20;

    /// <summary>Above <see cref="RatioFloorBytes"/>, a compressed page may declare at most this many times its stored size.</summary>
    public long MaxCompressionRatio { get; init; } = 10_000;

    /// <summary>Pages up to this uncompressed size are never rejected for their compression ratio.</summary>
    public long RatioFloorBytes { get; init; } = 16L << 20;

    public static ParquetReadLimits Default { get; } = new();

    /// <summary><c>DQ_MAX_PAGE_SIZE</c> (e.g. <c>512MB</c>) raises or lowers <see cref="MaxPageBytes"/>.</summary>
    public static ParquetReadLimits FromEnvironment()
    {
        if (Environment.GetEnvironmentVariable("DQ_MAX_PAGE_SIZE") is not { Length: > 0 } text) return Default;
        long bytes;
        try
        {
            bytes = Storage.ByteSize.Parse(text, "DQ_MAX_PAGE_SIZE");
        }
        catch (InputException ex)
        {
            throw new InputException(ProfileErrors.InvalidLimit, ex.Message, null, ex);
        }
        if (bytes < 1 << 20 || bytes > int.MaxValue)
            throw new InputException(ProfileErrors.InvalidLimit, $"DQ_MAX_PAGE_SIZE '{text}' must be between 1MB and 2GB (a page's size is a 32-bit number).");
        return Default with { MaxPageBytes = bytes };
    }
}
