using System.Globalization;
using DuckDB.NET.Data;

namespace DataQuality.Core.Datasets;

/// <summary>
/// One in-process DuckDB database. It runs offline: extensions are never downloaded
/// (<c>autoinstall_known_extensions=false</c>); parquet and json are compiled into the bundled
/// native library, and S3 objects are fetched by our own storage layer, never by httpfs.
/// </summary>
public sealed class DuckDbSession : IDisposable
{
    private DuckDbSession(DuckDBConnection connection) => Connection = connection;

    public DuckDBConnection Connection { get; }

    public static DuckDbSession Open(DuckDbOptions? options = null)
    {
        options ??= DuckDbOptions.Default;
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        var session = new DuckDbSession(connection);
        session.Execute("SET autoinstall_known_extensions=false");
        if (options.Threads is { } threads)
            session.Execute(string.Create(CultureInfo.InvariantCulture, $"SET threads={threads}"));
        if (options.MemoryLimit is { } limit)
            session.Execute($"SET memory_limit={SqlText.Literal(limit)}");
        return session;
    }

    public DuckDBCommand CreateCommand(string sql)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    public int Execute(string sql)
    {
        using var command = CreateCommand(sql);
        return command.ExecuteNonQuery();
    }

    public object? Scalar(string sql)
    {
        using var command = CreateCommand(sql);
        using var reader = command.ExecuteReader();
        return reader.Read() && reader.FieldCount > 0 ? Checks.Planning.DuckValue.Read(reader, 0) : null;
    }

    public void Dispose() => Connection.Dispose();
}
