using DataQuality.Core.Settings;

namespace DataQuality.Core.Datasets;

/// <summary>How the in-process DuckDB is configured. Null means DuckDB's own default.</summary>
public sealed record DuckDbOptions
{
    /// <summary>Worker threads (DuckDB <c>threads</c>); default: DuckDB's choice (all cores). Set through <see cref="SettingValues.Threads(int, string)"/>.</summary>
    public int? Threads { get; init; }

    /// <summary>DuckDB <c>memory_limit</c>, e.g. <c>4GB</c>.</summary>
    public string? MemoryLimit { get; init; }

    public static DuckDbOptions Default { get; } = new();

    /// <summary>
    /// Reads <c>DQ_THREADS</c> and <c>DQ_MEMORY_LIMIT</c> so CI can cap DuckDB without flags; a value dq
    /// cannot use is an input error naming the variable (<see cref="SettingValues"/>).
    /// </summary>
    public static DuckDbOptions FromEnvironment()
    {
        var threads = Environment.GetEnvironmentVariable("DQ_THREADS");
        var memory = Environment.GetEnvironmentVariable("DQ_MEMORY_LIMIT");
        return new DuckDbOptions
        {
            Threads = string.IsNullOrWhiteSpace(threads) ? null : SettingValues.Threads(threads, "DQ_THREADS"),
            MemoryLimit = string.IsNullOrWhiteSpace(memory) ? null : SettingValues.MemoryLimit(memory, "DQ_MEMORY_LIMIT"),
        };
    }

    /// <summary>These options with a thread count from a flag (<paramref name="name"/>), when one was given.</summary>
    public DuckDbOptions WithThreads(int? threads, string name) =>
        threads is { } t ? this with { Threads = SettingValues.Threads(t, name) } : this;
}
