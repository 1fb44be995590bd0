using System.Globalization;
using DataQuality.Core.Datasets;

namespace DataQuality.Core.Tests.Profiling;

/// <summary>Small Parquet files written by DuckDB, and exact answers computed by DuckDB over them.</summary>
internal static class ProfilingData
{
    /// <summary>
    /// 'rows' rows, 'rowGroup' rows per group: id sequential, amount random double with some zeros and
    /// negatives, cust INT 10% NULL, status 6 values with NULLs, ts TIMESTAMP, day DATE, code text
    /// that parses as integer, email-ish and uuid text, flag BOOLEAN, price DECIMAL(10,2).
    /// </summary>
    public static string Write(string path, int rows, int rowGroup = 10_000, int seedOffset = 0)
    {
        using var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });
        db.Execute("SELECT setseed(0.42)");
        var sql = string.Create(CultureInfo.InvariantCulture, $"""
            COPY (
              SELECT
                (i + {seedOffset})::BIGINT AS id,
                CASE WHEN i % 97 = 0 THEN 0.0 ELSE round((hash(i + {seedOffset}) % 2000000)::DOUBLE / 1000.0 - 200.0, 3) END AS amount,
                CASE WHEN i % 10 = 3 THEN NULL ELSE (hash(i * 7 + {seedOffset}) % 5000)::INT END AS cust,
                CASE WHEN i % 13 = 0 THEN NULL ELSE ['new','paid','shipped','returned','cancelled','lost'][1 + (hash(i + 1) % 6)::INT] END AS status,
                TIMESTAMP '2024-01-01' + to_seconds((i * 37) % 31536000) AS ts,
                DATE '2020-01-01' + ((i % 1000)::INT) AS day,
                CASE WHEN i % 50 = 0 THEN 'n/a' ELSE ((hash(i) % 100000))::VARCHAR END AS code,
                CASE WHEN i % 4 = 0 THEN 'user' || (i % 300)::VARCHAR || '@example.com' ELSE uuid()::VARCHAR END AS contact,
                (i % 3 = 0) AS flag,
                ((hash(i + 5) % 100000)::DECIMAL(10,2) / 100)::DECIMAL(10,2) AS price
              FROM range({rows}) t(i)
            ) TO {SqlText.Literal(path)} (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE {rowGroup})
            """);
        db.Execute(sql);
        return path;
    }

    public static double Double(DuckDbSession db, string sql) => Convert.ToDouble(db.Scalar(sql), CultureInfo.InvariantCulture);

    public static long Long(DuckDbSession db, string sql) => Convert.ToInt64(db.Scalar(sql), CultureInfo.InvariantCulture);
}
