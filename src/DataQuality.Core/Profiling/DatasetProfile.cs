namespace DataQuality.Core.Profiling;

/// <summary>One profiled input file.</summary>
public sealed record ProfiledFile(string Path, long RowCount, int RowGroups, long SizeBytes);

/// <summary>
/// The profile of a dataset: its files and one <see cref="ColumnProfile"/> per leaf column, in
/// schema order. Merging dataset profiles (partitions, or files profiled separately) gives the
/// same profile as profiling all their files together, in the same order.
/// </summary>
public sealed class DatasetProfile
{
    /// <summary>Version of the JSON format; readers reject newer major versions (DQ5007).</summary>
    public const int CurrentFormatVersion = 1;

    public int FormatVersion { get; set; } = CurrentFormatVersion;

    public List<ProfiledFile> Files { get; set; } = [];

    public long RowCount { get; set; }

    public List<ColumnProfile> Columns { get; set; } = [];

    /// <summary>
    /// How the profile was made where it matters to its reader, e.g. columns Parquet.Net could not decode that
    /// DuckDB profiled instead (see docs/profiling.md); absent when there is nothing to say.
    /// </summary>
    public List<string>? Notices { get; set; }

    public ColumnProfile? Column(string path) => Columns.FirstOrDefault(c => string.Equals(c.Path, path, StringComparison.Ordinal));

    /// <summary>Folds <paramref name="other"/> into this profile: files appended, columns merged by path (new ones appended).</summary>
    public void Merge(DatasetProfile other)
    {
        Files.AddRange(other.Files);
        if (other.Notices is { Count: > 0 }) (Notices ??= []).AddRange(other.Notices);
        var rowsBefore = RowCount;
        RowCount += other.RowCount;
        foreach (var column in Columns)
            if (other.Column(column.Path) is null) column.Merge(AbsentColumn(column, other.RowCount));
        foreach (var column in other.Columns)
        {
            if (Column(column.Path) is { } mine) mine.Merge(column);
            else
            {
                var added = AbsentColumn(column, rowsBefore);
                added.Merge(column);
                Columns.Add(added);
            }
        }
    }

    public static DatasetProfile Merge(IEnumerable<DatasetProfile> profiles)
    {
        var result = new DatasetProfile();
        foreach (var p in profiles) result.Merge(p);
        return result;
    }

    /// <summary>A column missing from some files reads as NULL there (as DuckDB's union_by_name does).</summary>
    internal static ColumnProfile AbsentColumn(ColumnProfile like, long rows) => new()
    {
        Path = like.Path,
        Kind = like.Kind,
        PhysicalType = like.PhysicalType,
        LogicalType = like.LogicalType,
        Repeated = like.Repeated,
        Partition = like.Partition,
        RowCount = rows,
        ValueCount = like.Repeated ? 0 : rows,
        NullCount = like.Repeated ? 0 : rows,
    };
}
