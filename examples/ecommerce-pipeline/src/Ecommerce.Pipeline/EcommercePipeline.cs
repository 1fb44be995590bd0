using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DuckDB.NET.Data;

namespace Ecommerce.Pipeline;

/// <summary>
/// Bronze customers → silver orders and order items → gold daily sales, written as Parquet under
/// ds= partitions (the same SQL as the DataQuality demo, so both describe the same data). Values
/// come from hash() of the row number: every run writes the same bytes. The feature variant
/// changes ~1% of amounts, adds and removes a few orders, adds a nullable discount column and a
/// status the contract does not allow.
/// </summary>
public static class EcommercePipeline
{
    public const string Partition = "2026-02-11";

    public static IReadOnlyList<(string Layer, string Entity)> Entities { get; } =
    [
        ("bronze", "customers"),
        ("silver", "orders"),
        ("silver", "order_items"),
        ("gold", "daily_sales"),
    ];

    public static void Run(string root, bool feature)
    {
        using var db = new DuckDBConnection("DataSource=:memory:");
        db.Open();
        Execute(db, "SET threads = 2");
        Execute(db, """
            CREATE TABLE customers AS
            SELECT i::BIGINT AS customer_id,
                   CASE WHEN i % 97 = 0 THEN NULL ELSE 'user' || i || '@example.com' END AS email,
                   ['DE', 'FR', 'GB', 'NL', 'US'][1 + (hash(i) % 5)::INTEGER] AS country,
                   (DATE '2024-01-01' + (hash(i * 7) % 700)::INTEGER) AS signup_date
            FROM range(1, 2001) r(i)
            """);
        var orderIds = feature ? "SELECT i FROM range(1, 10011) r(i) WHERE i % 1000 <> 3" : "SELECT i FROM range(1, 10001) r(i)";
        var amount = "round(((hash(i * 11) % 1000000) / 100.0)::DOUBLE, 2)";
        Execute(db, $"""
            CREATE TABLE orders AS
            SELECT (100000 + i)::BIGINT AS order_id,
                   (1 + hash(i * 3) % 2000)::BIGINT AS customer_id,
                   TIMESTAMP '{Partition} 00:00:00' + to_seconds((hash(i * 5) % 86400)::BIGINT) AS order_ts,
                   {(feature ? "CASE WHEN i % 500 = 11 THEN 'refunded' ELSE " : "")}['placed', 'shipped', 'delivered', 'cancelled', 'returned'][1 + (hash(i * 17) % 5)::INTEGER]{(feature ? " END" : "")} AS status,
                   {(feature ? $"CASE WHEN i % 100 = 7 THEN round({amount} * 1.1, 2) ELSE {amount} END" : amount)} AS amount,
                   ['EUR', 'USD', 'GBP'][1 + (hash(i * 19) % 3)::INTEGER] AS currency
                   {(feature ? ", CASE WHEN i % 10 = 0 THEN 5.0 ELSE NULL END AS discount" : "")}
            FROM ({orderIds}) o(i)
            """);
        Execute(db, """
            CREATE TABLE order_items AS
            SELECT o.order_id, l.line_no::INTEGER AS line_no,
                   'SKU-' || lpad(((hash(o.order_id * 31 + l.line_no) % 100000))::VARCHAR, 5, '0') AS sku,
                   (1 + hash(o.order_id * 37 + l.line_no) % 20)::INTEGER AS quantity,
                   round((1 + (hash(o.order_id * 41 + l.line_no) % 50000) / 100.0)::DOUBLE, 2) AS unit_price
            FROM orders o, range(1, 5) l(line_no)
            WHERE l.line_no <= 1 + hash(o.order_id * 13) % 4
            """);
        Execute(db, """
            CREATE TABLE daily_sales AS
            SELECT c.country, count(*)::BIGINT AS orders, round(sum(o.amount), 2) AS revenue
            FROM orders o JOIN customers c USING (customer_id)
            WHERE o.status NOT IN ('cancelled')
            GROUP BY c.country
            """);

        foreach (var (layer, entity) in Entities)
        {
            var directory = Path.Combine(root, layer, entity);
            var file = Path.Combine(directory, $"ds={Partition}", "part-0.parquet");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            Execute(db, $"COPY (SELECT * FROM {entity} ORDER BY ALL) TO '{file.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT parquet, COMPRESSION zstd)");
            using var count = db.CreateCommand();
            count.CommandText = $"SELECT count(*)::BIGINT FROM {entity}";
            var manifest = new JsonObject
            {
                ["layer"] = layer,
                ["entity"] = entity,
                ["record_count"] = Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture),
                ["model_versions"] = new JsonObject { [entity] = feature && entity == "orders" ? "1.1.0" : "1.0.0" },
            };
            File.WriteAllText(Path.Combine(directory, "manifest.json"), manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        }
    }

    private static void Execute(DuckDBConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
