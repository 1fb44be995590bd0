namespace DataQuality.Core.Checks.Planning;

/// <summary>
/// How a map-style expectation (column map, column pair, multicolumn) classifies each row, as SQL
/// predicates over the scan source:
/// <list type="bullet">
/// <item><see cref="Missing"/>: rows left out of the denominator (GX: nulls; for pairs and multicolumn, per ignore_row_if).</item>
/// <item><see cref="Unexpected"/>: among the non-missing rows, the ones that violate the expectation.</item>
/// <item><see cref="Value"/>: what a failure sample reports for the row (the column value); ignored when <see cref="ValueColumns"/> is set.</item>
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

    /// <summary>Name of the column in <c>unexpected_index_list</c> entries holding <see cref="Value"/>.</summary>
    public string? ValueName { get; init; }

    /// <summary>
    /// GX's null/not_null expectations use all rows as the denominator and report no missing fields.
    /// </summary>
    public bool MissingIsReported { get; init; } = true;

    /// <summary>
    /// For column pair and multicolumn expectations: the columns a sample is made of. Each is fetched
    /// as its own field (so mixed types never need a common SQL type) and assembled per <see cref="Shape"/>;
    /// each also appears by name in <c>unexpected_index_list</c> entries, as GX does.
    /// </summary>
    public IReadOnlyList<SchemaColumn>? ValueColumns { get; init; }

    public MapValueShape Shape { get; init; } = MapValueShape.Scalar;
}

/// <summary>How a sample value is reported in <c>unexpected_list</c>.</summary>
public enum MapValueShape
{
    /// <summary>The value itself (column map expectations).</summary>
    Scalar,

    /// <summary><c>[A, B]</c> (GX column pair expectations report tuples).</summary>
    List,

    /// <summary><c>{"col": value, ...}</c> (GX multicolumn expectations report row dicts; not hashable, so no partial_unexpected_counts).</summary>
    Record,
}
