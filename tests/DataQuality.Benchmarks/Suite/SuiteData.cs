using System.Globalization;
using System.Text.Json.Nodes;
using DataQuality.Core.Datasets;
using DataQuality.Core.Expectations;

namespace DataQuality.Benchmarks.Suite;

/// <summary>
/// The benchmark's data (deterministic: every value is a hash of the row number) and its suite,
/// plus the hand-written query that computes the same metrics.
/// </summary>
public static class SuiteData
{
    private static readonly string[] Statuses = ["new", "paid", "shipped", "cancelled", "returned"];
    private static readonly string[] Countries = ["DE", "FR", "NL", "BE", "AT", "CH", "IT", "ES", "PL", "SE"];

    public static string GenerateSql(long rows, string path) => string.Create(CultureInfo.InvariantCulture, $"""
        COPY (
          SELECT
            i AS id,
            (hash(i, 1) % 100000)::BIGINT AS customer_id,
            CASE WHEN i % 50 = 0 THEN NULL ELSE ((hash(i, 2) % 100000) / 100.0)::DOUBLE END AS amount,
            (1 + hash(i, 3) % 20)::INTEGER AS quantity,
            {SqlText.List(Statuses)}[1 + (hash(i, 4) % 5)::INTEGER] AS status,
            {SqlText.List(Countries)}[1 + (hash(i, 5) % 10)::INTEGER] AS country,
            'user' || (hash(i, 1) % 100000)::VARCHAR || '@example.com' AS email,
            TIMESTAMP '2024-01-01' + to_seconds((hash(i, 6) % 63072000)::BIGINT) AS created_at,
            CASE WHEN i % 3 = 0 THEN NULL ELSE ((hash(i, 7) % 5000) / 10000.0)::DOUBLE END AS discount,
            hash(i, 8) % 2 = 0 AS is_member
          FROM range({rows}) t(i)
        ) TO {SqlText.Literal(path)} (FORMAT PARQUET, ROW_GROUP_SIZE 122880)
        """);

    /// <summary>An expectation tagged with the hand-written query's column for the same metric.</summary>
    private static ExpectationConfig E(string metric, string type, JsonObject kwargs) => new(type, kwargs, Meta: new JsonObject { ["metric"] = metric });

    private static JsonArray Arr(params object[] values) => new(values.Select(v => JsonValue.Create(v)).ToArray<JsonNode?>());

    /// <summary>31 expectations over table, column map (not null, null, unique, between, in set) and aggregate families; all pass on the generated data.</summary>
    public static ExpectationSuite Suite(long rows) => new("orders", [
        /* e0  */ E("e0", "expect_table_row_count_to_be_between", new() { ["min_value"] = rows, ["max_value"] = rows }),
        /* e1  */ E("e1", "expect_column_to_exist", new() { ["column"] = "id" }),
        /* e2  */ E("e2", "expect_column_to_exist", new() { ["column"] = "email" }),
        /* e3  */ E("e3", "expect_column_values_to_not_be_null", new() { ["column"] = "id" }),
        /* e4  */ E("e4", "expect_column_values_to_not_be_null", new() { ["column"] = "customer_id" }),
        /* e5  */ E("e5", "expect_column_values_to_not_be_null", new() { ["column"] = "status" }),
        /* e6  */ E("e6", "expect_column_values_to_not_be_null", new() { ["column"] = "created_at" }),
        /* e7  */ E("e7", "expect_column_values_to_not_be_null", new() { ["column"] = "amount", ["mostly"] = 0.95 }),
        /* e8  */ E("e8", "expect_column_values_to_not_be_null", new() { ["column"] = "country" }),
        /* e9  */ E("e9", "expect_column_values_to_be_unique", new() { ["column"] = "id" }),
        /* e10 */ E("e10", "expect_column_values_to_be_between", new() { ["column"] = "amount", ["min_value"] = 0, ["max_value"] = 1000 }),
        /* e11 */ E("e11", "expect_column_values_to_be_between", new() { ["column"] = "quantity", ["min_value"] = 1, ["max_value"] = 20 }),
        /* e12 */ E("e12", "expect_column_values_to_be_between", new() { ["column"] = "discount", ["min_value"] = 0, ["max_value"] = 0.5 }),
        /* e13 */ E("e13", "expect_column_values_to_be_between", new() { ["column"] = "created_at", ["min_value"] = "2024-01-01", ["max_value"] = "2026-01-01" }),
        /* e14 */ E("e14", "expect_column_values_to_be_between", new() { ["column"] = "customer_id", ["min_value"] = 0, ["max_value"] = 99999 }),
        /* e15 */ E("e15", "expect_column_values_to_be_between", new() { ["column"] = "id", ["min_value"] = 0, ["max_value"] = rows }),
        /* e16 */ E("e16", "expect_column_values_to_be_between", new() { ["column"] = "amount", ["min_value"] = 0, ["max_value"] = 1000, ["row_condition"] = "status = 'paid'" }),
        /* e17 */ E("e17", "expect_column_values_to_be_in_set", new() { ["column"] = "status", ["value_set"] = Arr(Statuses) }),
        /* e18 */ E("e18", "expect_column_values_to_be_in_set", new() { ["column"] = "country", ["value_set"] = Arr(Countries) }),
        /* e19 */ E("e19", "expect_column_values_to_be_in_set", new() { ["column"] = "is_member", ["value_set"] = Arr(true, false) }),
        /* e20 */ E("e20", "expect_column_values_to_be_in_set", new() { ["column"] = "quantity", ["value_set"] = Arr(Enumerable.Range(1, 20).Cast<object>().ToArray()) }),
        /* e21 */ E("e21", "expect_column_values_to_be_null", new() { ["column"] = "discount", ["mostly"] = 0.3 }),
        /* e22 */ E("e22", "expect_column_max_to_be_between", new() { ["column"] = "amount", ["min_value"] = 900, ["max_value"] = 1000 }),
        /* e23 */ E("e23", "expect_column_max_to_be_between", new() { ["column"] = "quantity", ["min_value"] = 20, ["max_value"] = 20 }),
        /* e24 */ E("e24", "expect_column_max_to_be_between", new() { ["column"] = "created_at", ["min_value"] = "2025-06-01", ["max_value"] = "2026-01-01" }),
        /* e25 */ E("e25", "expect_column_max_to_be_between", new() { ["column"] = "customer_id", ["max_value"] = 99999 }),
        /* e26 */ E("e26", "expect_column_max_to_be_between", new() { ["column"] = "id", ["max_value"] = rows }),
        /* e27 */ E("e27", "expect_column_mean_to_be_between", new() { ["column"] = "amount", ["min_value"] = 400, ["max_value"] = 600 }),
        /* e28 */ E("e28", "expect_column_mean_to_be_between", new() { ["column"] = "quantity", ["min_value"] = 9, ["max_value"] = 12 }),
        /* e29 */ E("e29", "expect_column_mean_to_be_between", new() { ["column"] = "discount", ["min_value"] = 0.2, ["max_value"] = 0.3 }),
        /* e30 */ E("e30", "expect_column_mean_to_be_between", new() { ["column"] = "is_member", ["min_value"] = 0.4, ["max_value"] = 0.6 }),
    ]);

    /// <summary>
    /// What someone would write by hand for the same numbers: one aggregate per metric (unexpected
    /// counts for map expectations, the statistic for aggregates), with the duplicate count from a
    /// window as GX defines uniqueness. Column eN matches the suite's Nth expectation.
    /// </summary>
    /// <param name="relationSql">The table function the engine reads (read_parquet or read_csv of the same rows).</param>
    public static string HandWrittenSql(string relationSql, long rows, bool withUnique = true)
    {
        var sql = HandWrittenSqlWithUnique(relationSql, rows);
        return withUnique ? sql : sql
            .Replace("count(*) FILTER (WHERE id_copies > 1) AS e9,\n", "", StringComparison.Ordinal)
            .Replace("SELECT *, count(*) OVER (PARTITION BY id) AS id_copies FROM", "SELECT * FROM", StringComparison.Ordinal);
    }

    /// <summary>The suite without its uniqueness check (30 expectations): no window, a pure aggregate scan.</summary>
    public static ExpectationSuite SuiteWithoutUnique(long rows)
    {
        var full = Suite(rows);
        return full with { Name = "orders-no-unique", Expectations = full.Expectations.Where(e => e.Type != "expect_column_values_to_be_unique").ToList() };
    }

    private static string HandWrittenSqlWithUnique(string relationSql, long rows) => string.Create(CultureInfo.InvariantCulture, $"""
        SELECT
          count(*) AS e0,
          count(*) FILTER (WHERE id IS NULL) AS e3,
          count(*) FILTER (WHERE customer_id IS NULL) AS e4,
          count(*) FILTER (WHERE status IS NULL) AS e5,
          count(*) FILTER (WHERE created_at IS NULL) AS e6,
          count(*) FILTER (WHERE amount IS NULL) AS e7,
          count(*) FILTER (WHERE country IS NULL) AS e8,
          count(*) FILTER (WHERE id_copies > 1) AS e9,
          count(*) FILTER (WHERE amount < 0 OR amount > 1000) AS e10,
          count(*) FILTER (WHERE quantity < 1 OR quantity > 20) AS e11,
          count(*) FILTER (WHERE discount < 0 OR discount > 0.5) AS e12,
          count(*) FILTER (WHERE created_at < TIMESTAMP '2024-01-01' OR created_at > TIMESTAMP '2026-01-01') AS e13,
          count(*) FILTER (WHERE customer_id < 0 OR customer_id > 99999) AS e14,
          count(*) FILTER (WHERE id < 0 OR id > {rows}) AS e15,
          count(*) FILTER (WHERE status = 'paid' AND (amount < 0 OR amount > 1000)) AS e16,
          count(*) FILTER (WHERE status NOT IN ('new', 'paid', 'shipped', 'cancelled', 'returned')) AS e17,
          count(*) FILTER (WHERE country NOT IN ('DE', 'FR', 'NL', 'BE', 'AT', 'CH', 'IT', 'ES', 'PL', 'SE')) AS e18,
          count(*) FILTER (WHERE is_member NOT IN (TRUE, FALSE)) AS e19,
          count(*) FILTER (WHERE quantity NOT IN (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20)) AS e20,
          count(*) FILTER (WHERE discount IS NOT NULL) AS e21,
          max(amount) AS e22,
          max(quantity) AS e23,
          max(created_at) AS e24_ts,
          max(customer_id) AS e25,
          max(id) AS e26,
          avg(amount) AS e27,
          avg(quantity) AS e28,
          avg(discount) AS e29,
          avg(is_member::INTEGER) AS e30
        FROM (SELECT *, count(*) OVER (PARTITION BY id) AS id_copies FROM {relationSql})
        """);
}
