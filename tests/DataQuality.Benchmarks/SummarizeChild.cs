using DuckDB.NET.Data;

namespace DataQuality.Benchmarks;

/// <summary>
/// The SUMMARIZE side of <c>profile-cold</c> as its own process: what a user running SUMMARIZE from a small
/// .NET program pays. An in-memory DuckDB with its default threads (all cores), SUMMARIZE SELECT * over the
/// file, every result row read. Nothing of the benchmark harness runs before it (Program.cs checks for it first).
/// </summary>
internal static class SummarizeChild
{
    public static int Run(string path)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SUMMARIZE SELECT * FROM read_parquet('{path.Replace("'", "''", StringComparison.Ordinal)}')";
        using var reader = command.ExecuteReader();
        var rows = 0;
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++) _ = reader.GetValue(i);
            rows++;
        }
        Console.WriteLine(rows);
        return 0;
    }
}
