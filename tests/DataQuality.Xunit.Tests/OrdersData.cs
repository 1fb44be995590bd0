using DataQuality.Core.Datasets;
using DataQuality.Core.Tests.TestSupport;

namespace DataQuality.Xunit.Tests;

/// <summary>
/// A tiny silver/orders partition written by DuckDB: 20 orders, one duplicate id (7), one
/// negative amount (order 13), one unknown status. Plus suites next to it that point at it.
/// </summary>
internal sealed class OrdersData : IDisposable
{
    public OrdersData()
    {
        var file = Dir.Combine("out", "silver", "orders", "ds=2026-02-11", "part-0.parquet");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        using var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });
        db.Execute($"""
            COPY (
              SELECT CASE WHEN i = 8 THEN 7 ELSE i END::BIGINT AS order_id,
                     CASE WHEN i = 13 THEN -5.0 ELSE i * 10.0 END::DOUBLE AS amount,
                     CASE WHEN i = 17 THEN 'refunded' ELSE 'placed' END AS status
              FROM range(1, 21) r(i)
            ) TO {SqlText.Literal(file)} (FORMAT parquet)
            """);
        Directory.CreateDirectory(Dir.Combine("expectations"));
    }

    public TempDirectory Dir { get; } = new();

    public const string Dataset = "../out/silver/orders/ds=${ds}";

    public string WriteSuite(string name, string yaml)
    {
        var path = Dir.Combine("expectations", name);
        File.WriteAllText(path, yaml);
        return path;
    }

    public string OrdersSuite() => WriteSuite("orders.suite.yaml", """
        suite: silver.orders
        dataset: ../out/silver/orders/ds=${ds}
        primary_key: [order_id]
        expectations:
          - expect_column_values_to_not_be_null: { column: order_id }
          - expect_column_values_to_be_unique: { column: order_id }
          - type: expect_column_values_to_be_between
            column: amount
            min_value: 0
            max_value: 10000
            meta: { dimension: validity, tags: [finance, pii-free] }
          - type: expect_column_values_to_be_in_set
            column: status
            value_set: [placed, shipped]
            severity: warn
          - expect_table_row_count_to_be_between: { min_value: 1, max_value: 100 }
        """);

    public static DataQualitySettings Settings(string? server = null) =>
        new(server, new Dictionary<string, string> { ["ds"] = "2026-02-11" });

    public void Dispose() => Dir.Dispose();
}
