namespace DataQuality.Core.Checks.Planning;

/// <summary>
/// What a suite runs against: a display name and a DuckDB relation (a table name, a view, or a
/// table function such as <c>read_parquet([...], union_by_name=true, hive_partitioning=true)</c>).
/// <see cref="OrderBy"/> gives row order for order-sensitive checks (increasing/decreasing); without it
/// the scan order is used.
/// </summary>
public sealed record DataSource(string Name, string RelationSql, string? OrderBy = null)
{
    /// <summary>
    /// Columns the relation adds as typed NULLs because no file has them (a contract's optional
    /// column missing from older files); presence checks report them as absent.
    /// </summary>
    public IReadOnlySet<string> AbsentColumns { get; init; } = new HashSet<string>();
}
