namespace DataQuality.Core.Checks.Planning;

/// <summary>
/// The one definition of "unique" (docs/semantics.md, "Uniqueness"). A value is duplicated when two or
/// more rows in scope hold it. NULL is missing, never a duplicate: not of a value and not of another NULL
/// (SQL's <c>count(DISTINCT …)</c>, GX's map expectations). A composite key is missing only when every
/// key column is NULL; otherwise its tuples compare with NULL equal to NULL (DuckDB row values under
/// DISTINCT). Two counts follow, and both are zero exactly when the values are unique, so every check
/// built on them gives the same verdict:
/// <list type="bullet">
/// <item><see cref="DuplicateRow"/>: every copy of a repeated value is an unexpected row
/// (<c>expect_column_values_to_be_unique</c>, as GX: 1, 1, 1, 2 has three).</item>
/// <item><see cref="SurplusCopies(string)"/>: rows beyond the first copy (<c>duplicate_count</c> of contract
/// <c>unique</c> and primary keys, as datacontract-cli: 1, 1, 1, 2 has two; <c>dq suggest</c> proposes
/// <c>unique</c> only when it is 0).</item>
/// </list>
/// </summary>
public static class Uniqueness
{
    /// <summary>
    /// A per-row predicate: this row's value occurs more than once among the rows in scope. A window
    /// count of the shared scan; NULL rows form their own partition, which map expectations leave out as missing.
    /// </summary>
    public static string DuplicateRow(ScanBuilder scan, string ident, string condition)
    {
        // A filtered window aggregate is markedly slower in DuckDB; without a row_condition there is nothing to filter.
        var counted = condition == "TRUE" ? "count(*)" : $"count(*) FILTER (WHERE {condition})";
        return $"{scan.Derived($"{counted} OVER (PARTITION BY {ident})")} > 1";
    }

    /// <summary>Surplus copies of one column's non-null values: rows minus distinct values, an aggregate.</summary>
    public static string SurplusCopies(string ident) => $"count({ident}) - count(DISTINCT {ident})";

    /// <summary>Surplus copies of a composite key, over the rows where any key column has a value.</summary>
    public static string SurplusCopies(IReadOnlyList<string> idents)
    {
        if (idents.Count == 1) return SurplusCopies(idents[0]);
        var anyValue = string.Join(" OR ", idents.Select(i => $"{i} IS NOT NULL"));
        return $"count(*) FILTER (WHERE {anyValue}) - count(DISTINCT ({string.Join(", ", idents)})) FILTER (WHERE {anyValue})";
    }
}
