namespace DataQuality.Core.Checks.Planning;

/// <summary>
/// Writes an aggregate restricted to an expectation's rows. Without a row_condition the condition is
/// <c>TRUE</c>, and DuckDB does not optimise <c>FILTER (WHERE TRUE)</c> away: measured on a 1M-row
/// Parquet file, 15 aggregates with that clause took 1.5 s against 1.0 s without it. So the clause
/// is only written when there is something to filter.
/// </summary>
public static class AggregateSql
{
    public static string Filtered(string aggregate, string condition) =>
        condition == "TRUE" ? aggregate : $"{aggregate} FILTER (WHERE {condition})";
}
