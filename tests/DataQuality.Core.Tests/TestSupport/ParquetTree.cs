using DataQuality.Core.Datasets;

namespace DataQuality.Core.Tests.TestSupport;

/// <summary>Writes small Parquet files into a tree with DuckDB COPY, for comparison tests.</summary>
public sealed class ParquetTree : IDisposable
{
    private readonly DuckDbSession _db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });

    public ParquetTree(string root)
    {
        Root = root;
        Directory.CreateDirectory(root);
    }

    public string Root { get; }

    /// <summary>Writes the rows of <paramref name="select"/> to <paramref name="relativePath"/>.</summary>
    public ParquetTree Write(string relativePath, string select)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _db.Execute($"COPY ({select}) TO {SqlText.Literal(path)} (FORMAT parquet)");
        return this;
    }

    public ParquetTree WriteText(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    /// <summary>Copies a file byte for byte from another tree (the fast path's "unchanged partition").</summary>
    public ParquetTree CopyFrom(ParquetTree other, string relativePath)
    {
        var target = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(Path.Combine(other.Root, relativePath), target, overwrite: true);
        return this;
    }

    public void Dispose() => _db.Dispose();
}
