using System.Text.Json.Nodes;
using DataQuality.Core.Datasets;
using DataQuality.Core.Expectations;

namespace DataQuality.Core.Tests.History;

/// <summary>Parquet files of a given size written by DuckDB, and expectation configs from anonymous objects.</summary>
internal static class HistoryTestData
{
    public static ExpectationConfig E(string type, object kwargs, Severity severity = Severity.Error) =>
        new(type, JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(kwargs))!.AsObject(), severity);

    /// <summary>Writes <paramref name="rows"/> orders (every 10th amount null) to <paramref name="path"/>.</summary>
    public static void WriteOrders(string path, int rows, double amountScale = 1.0)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });
        db.Execute($"COPY (SELECT i AS order_id, CASE WHEN i % 10 = 0 THEN NULL ELSE i * {amountScale.ToString(System.Globalization.CultureInfo.InvariantCulture)} END::DOUBLE AS amount " +
                   $"FROM range(1, {rows + 1}) r(i)) TO {SqlText.Literal(path)} (FORMAT parquet)");
    }
}
