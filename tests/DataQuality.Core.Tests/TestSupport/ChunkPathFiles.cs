using DataQuality.Core.Datasets;
using DataQuality.Core.Datasets.ParquetPages;
using DataQuality.Core.Profiling;

namespace DataQuality.Core.Tests.TestSupport;

/// <summary>
/// What the tests of the paths that bypass Parquet.Net (dictionary indexes, PLAIN values) share: Parquet files
/// written by DuckDB into a temporary folder, the first data page of a file's first chunk (for corrupting it),
/// and a profile's outcome under two sets of options (its JSON, or the error code it fails with).
/// </summary>
internal sealed class ChunkPathFiles : IDisposable
{
    private readonly TempDirectory _temp = new();

    public DuckDbSession Db { get; } = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });

    public string Combine(string name) => _temp.Combine(name);

    /// <summary>Writes <paramref name="select"/> to a Parquet file with DuckDB's COPY options (random() seeded).</summary>
    public string Write(string name, string select, string copyOptions)
    {
        var path = _temp.Combine(name);
        Db.Execute("SELECT setseed(0.25)");
        Db.Execute($"COPY ({select}) TO {SqlText.Literal(path)} (FORMAT parquet, {copyOptions})");
        return path;
    }

    /// <summary>The file's bytes, and the offset and header of the first data page of its first column chunk.</summary>
    public static async Task<(byte[] Bytes, int DataPage, PageHeader Header)> FirstDataPageAsync(string file)
    {
        var ct = TestContext.Current.CancellationToken;
        var bytes = await File.ReadAllBytesAsync(file, ct);
        long dataPage;
        await using (var reader = await Parquet.ParquetReader.CreateAsync(file, cancellationToken: ct))
            dataPage = reader.OpenRowGroupReader(0).GetMetadata(reader.Schema.GetDataFields()[0])!.MetaData!.DataPageOffset;
        var header = PageHeader.Read(bytes.AsSpan((int)dataPage));
        header.Type.Should().Be(PageHeader.DataPage);
        return (bytes, (int)dataPage, header);
    }

    /// <summary>The profile JSON of <paramref name="files"/> under each of the options, or the code of the typed error it fails with.</summary>
    public static async Task<(string First, string Second)> OutcomesAsync(string[] files, ProfileOptions first, ProfileOptions second)
    {
        async Task<string> Outcome(ProfileOptions options)
        {
            try
            {
                return ProfileJson.Serialize(await ParquetProfiler.ProfileAsync(files, options, null, TestContext.Current.CancellationToken));
            }
            catch (Diagnostics.InputException ex)
            {
                return ex.Code;
            }
        }
        return (await Outcome(first), await Outcome(second));
    }

    public void Dispose()
    {
        Db.Dispose();
        _temp.Dispose();
    }
}
