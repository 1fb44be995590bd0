using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataQuality.Core.Datasets;

namespace DataQuality.Cli.Demo;

/// <summary>
/// A small e-commerce pipeline (bronze customers → silver orders and order items → gold daily
/// sales) whose outputs the demo checks. Values come from hash() of the row number, so every
/// run writes the same bytes. The feature variant changes a few things on purpose: ~1% of
/// amounts, some orders added and removed, a new nullable column, and a status the contract
/// does not allow.
/// </summary>
public static class DemoPipeline
{
    public const string Partition = "2026-02-11";

    public static IReadOnlyList<(string Layer, string Entity)> Entities { get; } =
    [
        ("bronze", "customers"),
        ("silver", "orders"),
        ("silver", "order_items"),
        ("gold", "daily_sales"),
    ];

    public static string EntityPath(string root, string layer, string entity) => Path.Combine(root, layer, entity);

    public static string PartitionFile(string root, string layer, string entity) =>
        Path.Combine(EntityPath(root, layer, entity), $"ds={Partition}", "part-0.parquet");

    public static void Build(string root, bool feature)
    {
        using var db = DuckDbSession.Open(new DuckDbOptions { Threads = 2 });
        db.Execute($"""
            CREATE TABLE customers AS
            SELECT i::BIGINT AS customer_id,
                   CASE WHEN i % 97 = 0 THEN NULL ELSE 'user' || i || '@example.com' END AS email,
                   ['DE', 'FR', 'GB', 'NL', 'US'][1 + (hash(i) % 5)::INTEGER] AS country,
                   (DATE '2024-01-01' + (hash(i * 7) % 700)::INTEGER) AS signup_date
            FROM range(1, 2001) r(i)
            """);
        var orderIds = feature ? "SELECT i FROM range(1, 10011) r(i) WHERE i % 1000 <> 3" : "SELECT i FROM range(1, 10001) r(i)";
        var amount = "round(((hash(i * 11) % 1000000) / 100.0)::DOUBLE, 2)";
        db.Execute($"""
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
        db.Execute("""
            CREATE TABLE order_items AS
            SELECT o.order_id, l.line_no::INTEGER AS line_no,
                   'SKU-' || lpad(((hash(o.order_id * 31 + l.line_no) % 100000))::VARCHAR, 5, '0') AS sku,
                   (1 + hash(o.order_id * 37 + l.line_no) % 20)::INTEGER AS quantity,
                   round((1 + (hash(o.order_id * 41 + l.line_no) % 50000) / 100.0)::DOUBLE, 2) AS unit_price
            FROM orders o, range(1, 5) l(line_no)
            WHERE l.line_no <= 1 + hash(o.order_id * 13) % 4
            """);
        db.Execute("""
            CREATE TABLE daily_sales AS
            SELECT c.country, count(*)::BIGINT AS orders, round(sum(o.amount), 2) AS revenue
            FROM orders o JOIN customers c USING (customer_id)
            WHERE o.status NOT IN ('cancelled')
            GROUP BY c.country
            """);

        foreach (var (layer, entity) in Entities)
        {
            var file = PartitionFile(root, layer, entity);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            db.Execute($"COPY (SELECT * FROM {entity} ORDER BY ALL) TO {SqlText.Literal(file)} (FORMAT parquet, COMPRESSION zstd)");
            var count = Convert.ToInt64(db.Scalar($"SELECT count(*) FROM {entity}"), CultureInfo.InvariantCulture);
            var manifest = new JsonObject
            {
                ["layer"] = layer,
                ["entity"] = entity,
                ["record_count"] = count,
                ["model_versions"] = new JsonObject { [entity] = feature && entity == "orders" ? "1.1.0" : "1.0.0" },
            };
            File.WriteAllText(Path.Combine(EntityPath(root, layer, entity), "manifest.json"), manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        }
    }
}
