using DataQuality.Core.Datasets;

namespace DataQuality.Cli.Tests;

/// <summary>A temp folder with a base and a head tree written by DuckDB COPY; deleted afterwards.</summary>
public sealed class CompareTrees : IDisposable
{
    public CompareTrees()
    {
        Root = Path.Combine(Path.GetTempPath(), "dq-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Base => Path.Combine(Root, "base");

    public string Head => Path.Combine(Root, "head");

    public string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    public CompareTrees Write(string side, string relative, string select)
    {
        var path = Path.Combine(Root, side, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });
        db.Execute($"COPY ({select}) TO {SqlText.Literal(path)} (FORMAT parquet)");
        return this;
    }

    /// <summary>Base: 20 orders. Head: order 3 has a new amount, order 20 is gone, order 21 is new.</summary>
    public static CompareTrees Orders()
    {
        const string orders = "SELECT i::BIGINT AS id, (i * 2.5)::DOUBLE AS amount FROM range(1, 21) t(i)";
        return new CompareTrees()
            .Write("base", "silver/orders/ds=2026-01-01/p.parquet", orders)
            .Write("head", "silver/orders/ds=2026-01-01/p.parquet",
                "SELECT i::BIGINT AS id, (CASE WHEN i = 3 THEN 99 ELSE i * 2.5 END)::DOUBLE AS amount FROM range(1, 22) t(i) WHERE i <> 20");
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
