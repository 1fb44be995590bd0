using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Datasets;

namespace DataQuality.Core.Tests.Checks;

/// <summary>
/// Counts in the shared scan are written with count_if instead of FILTER, because DuckDB's ungrouped
/// aggregate is quadratic in the number of filtered aggregates (issue 12 item 14, see AggregateSql).
/// The rewrite must give exactly what <c>count(x) FILTER (WHERE p)</c> gives: same value, same type,
/// 0 over no rows, nulls in the column and in the condition left out. That no per-column contract
/// check brings FILTER back is ContractRunnerTests.A_contract_scan_has_no_filtered_aggregate_per_column.
/// </summary>
public sealed class FilterFreeCountTests : IDisposable
{
    private readonly DuckDbSession _db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });

    public FilterFreeCountTests()
    {
        _db.Execute("CREATE TABLE t AS SELECT * FROM (VALUES (1, TRUE, 'a'), (NULL, TRUE, 'b'), (3, NULL, NULL), (4, FALSE, 'd'), (NULL, NULL, 'e'), (6, TRUE, NULL)) v(x, flag, s)");
        _db.Execute("CREATE TABLE empty AS SELECT * FROM t WHERE FALSE");
    }

    public void Dispose() => _db.Dispose();

    [Theory]
    [InlineData("*", "x > 2")]
    [InlineData("*", "flag")]
    [InlineData("*", "x IS NULL")]
    [InlineData("*", "flag OR x > 3")]
    [InlineData("*", "NOT flag AND x > 0")]
    [InlineData("*", "FALSE")]
    [InlineData("*", "TRUE")]
    [InlineData("x", "flag")]
    [InlineData("x", "s IS NOT NULL AND x < 5")]
    [InlineData("x", "TRUE")]
    [InlineData("s", "x > 1 OR flag")]
    [InlineData("s", "NULL")]
    public void Count_without_FILTER_equals_the_FILTER_form(string what, string condition)
    {
        foreach (var table in new[] { "t", "empty" })
        {
            var filter = $"count({what}) FILTER (WHERE {condition})";
            var rewritten = AggregateSql.Count(what, condition);
            using var command = _db.CreateCommand($"SELECT {filter}, typeof({filter}), {rewritten}, typeof({rewritten}) FROM {table}");
            using var reader = command.ExecuteReader();
            reader.Read();
            (reader.GetValue(2), reader.GetString(3)).Should().Be((reader.GetValue(0), reader.GetString(1)), $"{rewritten} over {table}");
        }
        AggregateSql.Count(what, condition).Should().NotContain("FILTER");
    }
}
