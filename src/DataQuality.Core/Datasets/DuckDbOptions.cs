namespace DataQuality.Core.Datasets;

/// <summary>How the in-process DuckDB is configured. Null means DuckDB's own default.</summary>
public sealed record DuckDbOptions
{
    /// <summary>Worker threads (DuckDB <c>threads</c>); default: DuckDB's choice (all cores).</summary>
    public int? Threads { get; init; }

    /// <summary>DuckDB <c>memory_limit</c>, e.g. <c>4GB</c>.</summary>
    public string? MemoryLimit { get; init; }

    public static DuckDbOptions Default { get; } = new();

    /// <summary>Reads <c>DQ_THREADS</c> and <c>DQ_MEMORY_LIMIT</c> so CI can cap DuckDB without flags.</summary>
    public static DuckDbOptions FromEnvironment()
    {
        var threads = Environment.GetEnvironmentVariable("DQ_THREADS");
        return new DuckDbOptions
        {
            Threads = int.TryParse(threads, out var t) && t > 0 ? t : null,
            MemoryLimit = Environment.GetEnvironmentVariable("DQ_MEMORY_LIMIT") is { Length: > 0 } m ? m : null,
        };
    }
}
