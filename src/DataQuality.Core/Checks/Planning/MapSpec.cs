namespace DataQuality.Core.Checks.Planning;

/// <summary>
/// How a map-style expectation (column map, column pair, multicolumn) classifies each row, as SQL
/// predicates over the scan source:
/// <list type="bullet">
/// <item><see cref="Missing"/>: rows left out of the denominator (GX: nulls; for pairs and multicolumn, per ignore_row_if).</item>
/// <item><see cref="Unexpected"/>: among the non-missing rows, the ones that violate the expectation.</item>
/// <item><see cref="Value"/>: what a failure sample reports for the row (the column value, a pair, a record).</item>
/// </list>
/// </summary>
public sealed record MapSpec(string Missing, string Unexpected, string Value)
{
    /// <summary>
    /// When <see cref="Missing"/> is exactly "this column is null", the column: the planner then counts
    /// non-missing rows with <c>count(column)</c>, which DuckDB answers from validity masks instead of
    /// evaluating a predicate per row.
    /// </summary>
    public string? NullableColumn { get; init; }

    /// <summary>Name of the column in <c>unexpected_index_list</c> entries holding <see cref="Value"/>; null for multi-column values.</summary>
    public string? ValueName { get; init; }

    /// <summary>
    /// GX's null/not_null expectations use all rows as the denominator and report no missing fields.
    /// </summary>
    public bool MissingIsReported { get; init; } = true;
}
