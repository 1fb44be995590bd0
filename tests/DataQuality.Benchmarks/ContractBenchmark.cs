using System.Globalization;
using DataQuality.Core.Contracts.Running;
using DataQuality.Core.Datasets;

namespace DataQuality.Benchmarks;

/// <summary>
/// Validates an orders contract (presence, types, required, unique key, enum, range, pattern, format,
/// library metrics and one SQL rule: 32 checks) against 20M Parquet rows at scale 1, next to a bare
/// count(*) over the same files as the floor.
/// </summary>
public sealed class ContractBenchmark : IBenchmark
{
    public string Name => "contract";

    public string Description => "validate a 32-check ODCS contract over 20M order rows (one scan + one SQL rule) vs a bare count(*)";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var rows = context.Rows(20_000_000);
        var dir = Path.Combine(context.WorkDirectory, "contract", rows.ToString(CultureInfo.InvariantCulture));
        var data = Path.Combine(dir, "orders");
        if (!Directory.Exists(data))
        {
            Directory.CreateDirectory(data);
            using var db = DuckDbSession.Open();
            db.Execute($"""
                COPY (SELECT i::BIGINT AS order_id, (1 + hash(i * 3) % 2000)::BIGINT AS customer_id,
                             TIMESTAMP '2026-02-11' + to_seconds((hash(i * 5) % 86400)::BIGINT) AS order_ts,
                             ['placed', 'shipped', 'delivered', 'cancelled', 'returned'][1 + (hash(i * 17) % 5)::INTEGER] AS status,
                             round(((hash(i * 11) % 1000000) / 100.0)::DOUBLE, 2) AS amount,
                             ['EUR', 'USD', 'GBP'][1 + (hash(i * 19) % 3)::INTEGER] AS currency,
                             'user' || (i % 5000) || '@example.com' AS email,
                             'SKU-' || lpad((hash(i) % 100000)::VARCHAR, 5, '0') AS sku
                      FROM range({rows}) r(i))
                TO {SqlText.Literal(data)} (FORMAT parquet, PER_THREAD_OUTPUT true)
                """);
        }
        var contract = Path.Combine(dir, "orders.odcs.yaml");
        await File.WriteAllTextAsync(contract, """
            apiVersion: v3.1.0
            kind: DataContract
            id: bench
            version: 1.0.0
            status: active
            servers:
              - server: local
                type: local
                format: parquet
                path: ./{model}/*.parquet
            schema:
              - name: orders
                quality:
                  - metric: rowCount
                    mustBeGreaterThan: 0
                  - type: sql
                    query: SELECT count(*) FROM {model} WHERE amount < 0 AND status = 'placed'
                    mustBe: 0
                properties:
                  - {name: order_id, logicalType: integer, required: true, unique: true, primaryKey: true}
                  - {name: customer_id, logicalType: integer, required: true}
                  - {name: order_ts, logicalType: timestamp, required: true}
                  - {name: status, logicalType: string, required: true, logicalTypeOptions: {enum: [placed, shipped, delivered, cancelled, returned]}}
                  - {name: amount, logicalType: number, logicalTypeOptions: {minimum: 0, maximum: 10000}, quality: [{metric: nullValues, mustBe: 0}]}
                  - {name: currency, logicalType: string, logicalTypeOptions: {enum: [EUR, USD, GBP]}}
                  - {name: email, logicalType: string, logicalTypeOptions: {format: email, maxLength: 64}}
                  - {name: sku, logicalType: string, logicalTypeOptions: {pattern: '^SKU-[0-9]{5}$'}, quality: [{metric: invalidValues, arguments: {pattern: '^SKU-'}, mustBe: 0}]}
            """, cancellationToken);

        using (var db = DuckDbSession.Open())
        {
            var files = SqlText.Literal(Path.Combine(data, "*.parquet"));
            var bare = await context.MeasureAsync("bare count(*) + count(DISTINCT order_id)", () =>
            {
                db.Scalar($"SELECT count(*) + count(DISTINCT order_id) FROM read_parquet({files})");
                return Task.CompletedTask;
            });
            context.Report("  = bare", bare, $"{rows / bare.TotalSeconds / 1e6:F1} M rows/s");
        }

        ContractRunResult? result = null;
        var elapsed = await context.MeasureAsync("contract validate (32 checks)", async () =>
            result = await ContractRunner.ValidateAsync(contract, new ContractRunOptions(), DatasetResolver.LocalOnly, cancellationToken));
        var report = result!.Models.Single().Report!;
        context.Report("  = contract", elapsed,
            $"{rows:N0} rows, {report.Results.Count} checks ({report.Statistics.Successful} passed), {rows / elapsed.TotalSeconds / 1e6:F1} M rows/s, peak {BenchContext.PeakWorkingSetMiB():F0} MiB");
    }
}
