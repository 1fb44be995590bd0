namespace DataQuality.Core.Checks.Planning;

/// <summary>
/// Writes aggregates restricted to an expectation's rows.
/// <para>
/// Without a row_condition the condition is <c>TRUE</c>, and DuckDB does not optimise
/// <c>FILTER (WHERE TRUE)</c> away: measured on a 1M-row Parquet file, 15 aggregates with that clause
/// took 1.5 s against 1.0 s without it. So the clause is only written when there is something to filter.
/// </para>
/// <para>
/// Counts are never written with a FILTER clause (issue 12 item 14). DuckDB 1.5's ungrouped aggregate
/// gives every filtered aggregate its own filter state and filtered copy of the input chunk, so one scan
/// with N filtered counts costs O(N²): 1,000 <c>count(*) FILTER (WHERE c IS NULL)</c> over 10 rows took
/// 5.7 s CPU and 456 MiB, against 0.4 s for the same counts as <c>count_if</c>, which grows linearly
/// (8,000: 4.2 s). A wide contract has one such count per required column, so this decided whether
/// 8,000 properties took seconds or ran out of memory. <c>CASE WHEN … THEN x END</c> (and
/// <c>nullif</c>, a CASE) is no way out: DuckDB's planner is worse than quadratic in the number of CASE
/// expressions (4,000: 25 s). <c>count_if</c> is also faster on narrow suites over many rows
/// (5M rows, 30 counts: 0.88 s CPU against 1.39 s). docs/benchmarks.md has the figures.
/// </para>
/// <para>
/// <c>dq compare</c> writes its counts here too: its column detail (RowDiffer) has four counts and a largest
/// difference per compared column, and as FILTER aggregates a 500-column compare took 2.8 GB while 2,000
/// columns were stopped past 9 GB ("dq compare with wide tables" in docs/benchmarks.md).
/// </para>
/// </summary>
public static class AggregateSql
{
    public static string Filtered(string aggregate, string condition) =>
        condition == "TRUE" ? aggregate : $"{aggregate} FILTER (WHERE {condition})";

    /// <summary>
    /// Exactly <c>count(<paramref name="what"/>) FILTER (WHERE <paramref name="condition"/>)</c>, as a BIGINT
    /// that is 0 over no rows, written without FILTER (see the class summary): <c>count_if</c> counts the rows
    /// where its argument is TRUE (not FALSE, not NULL, as FILTER keeps them) but returns a HUGEINT that is NULL
    /// over no rows, hence the coalesce and cast; for a column, a null value is not counted, as count(x) does.
    /// </summary>
    public static string Count(string what, string condition)
    {
        if (condition == "TRUE") return $"count({what})";
        var counted = what == "*" ? $"({condition})" : $"({condition}) AND ({what}) IS NOT NULL";
        return $"coalesce(count_if({counted}), 0)::BIGINT";
    }
}
