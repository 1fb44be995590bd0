using System.Collections.Concurrent;

namespace DataQuality.Core.Profiling;

/// <summary>
/// What the profile should tell its reader about how it was made: the columns (or whole files) the
/// Parquet.Net decoder could not read and DuckDB profiled instead, and why. Collected from the workers,
/// one notice per file and column whatever the row groups, listed in file order then column order.
/// </summary>
internal sealed class ProfileNotices
{
    private readonly ConcurrentDictionary<(string File, string? Column), string> _fellBack = new();

    /// <param name="column">Null when the whole file was read by DuckDB.</param>
    public void FellBack(string file, string? column, string reason) => _fellBack.TryAdd((file, column), reason);

    public List<string>? Ordered(IReadOnlyList<string> files, IReadOnlyList<string> columns)
    {
        if (_fellBack.IsEmpty) return null;
        return _fellBack
            .OrderBy(n => IndexOf(files, n.Key.File)).ThenBy(n => n.Key.Column is null ? -1 : IndexOf(columns, n.Key.Column))
            .Select(n => n.Key.Column is null
                ? $"'{ParquetFilePlan.Name(n.Key.File)}' was profiled through DuckDB: the built-in Parquet decoder cannot read it ({n.Value})."
                : $"'{ParquetFilePlan.Name(n.Key.File)}' column '{n.Key.Column}' was profiled through DuckDB: the built-in Parquet decoder cannot decode it ({n.Value}).")
            .ToList();
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
            if (string.Equals(list[i], value, StringComparison.Ordinal)) return i;
        return int.MaxValue;
    }
}
