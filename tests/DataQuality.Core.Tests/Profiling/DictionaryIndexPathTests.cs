using System.Globalization;
using DataQuality.Core.Datasets;
using DataQuality.Core.Datasets.ParquetPages;
using DataQuality.Core.Profiling;
using DataQuality.Core.Profiling.DictionaryPath;
using DataQuality.Core.Tests.TestSupport;

namespace DataQuality.Core.Tests.Profiling;

/// <summary>
/// The dictionary index path (<see cref="DictionaryChunkReader"/>) against the Parquet.Net path on the same
/// files: the profile JSON must be byte-identical, and the index path must actually have counted the
/// dictionary chunks (so a test cannot pass by the index path quietly declining).
/// </summary>
public sealed class DictionaryIndexPathTests : IDisposable
{
    private readonly ChunkPathFiles _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>Profiles <paramref name="file"/> both ways; returns both JSON texts and what the index path did.</summary>
    internal static async Task<(string Indexes, string Values, DictionaryIndexStats Stats)> BothPathsAsync(string file, int workers = 2)
    {
        var stats = new DictionaryIndexStats();
        var ct = TestContext.Current.CancellationToken;
        var indexes = await ParquetProfiler.ProfileAsync([file], new ProfileOptions { MaxDegreeOfParallelism = workers, DictionaryIndexStats = stats }, null, ct);
        var values = await ParquetProfiler.ProfileAsync([file], new ProfileOptions { MaxDegreeOfParallelism = workers, DictionaryIndexPath = false }, null, ct);
        return (ProfileJson.Serialize(indexes), ProfileJson.Serialize(values), stats);
    }

    private string Write(string name, string select, string copyOptions) => _files.Write(name, select, copyOptions);

    /// <summary>201 categories, 10% NULL, random order: one byte per index, bit-packed.</summary>
    private const string Categories = "SELECT CASE WHEN random() < 0.1 THEN NULL ELSE 'category_' || (random() * 200)::INT END AS s FROM range(50000) t(i)";

    [Theory]
    [InlineData("snappy")]
    [InlineData("zstd")]
    [InlineData("gzip")]
    [InlineData("uncompressed")]
    public async Task Every_codec_profiles_identically_through_the_indexes(string codec)
    {
        var file = Write($"{codec}.parquet", Categories, $"COMPRESSION {codec}, ROW_GROUP_SIZE 20000");

        var (indexes, values, stats) = await BothPathsAsync(file);

        indexes.Should().Be(values);
        stats.CountedChunks.Should().Be(3, string.Join("; ", stats.Reasons));
        stats.ChunksLeftToReader.Should().Be(0);
    }

    [Theory]
    // Few entries: narrow bit widths, long RLE runs of one value and of NULLs.
    [InlineData("status", "CASE WHEN i % 7 = 0 THEN NULL ELSE ['new','paid','shipped'][1 + (i // 1000 % 3)::INT] END")]
    [InlineData("no NULL", "'v' || (i % 37)::VARCHAR")]
    [InlineData("one value", "'only'")]
    [InlineData("mostly NULL", "CASE WHEN i % 1000 = 0 THEN 'rare' || (i % 3)::VARCHAR END")]
    [InlineData("empty strings", "CASE WHEN i % 5 = 0 THEN NULL WHEN i % 3 = 0 THEN '' ELSE 'x' || (i % 11)::VARCHAR END")]
    [InlineData("multi-byte UTF-8", "['ä', 'Ünïcödé', '😀 emoji', '日本語', 'plain', '𝔘𝔫𝔦'][1 + (hash(i) % 6)::INT]")]
    [InlineData("numbers and dates as text", "CASE WHEN i % 4 = 0 THEN (i % 90)::VARCHAR WHEN i % 4 = 1 THEN (DATE '2024-01-01' + (i % 30)::INT)::VARCHAR WHEN i % 4 = 2 THEN 'true' ELSE 'a@b.example' END")]
    [InlineData("a wide dictionary", "'w' || (hash(i) % 1500)::VARCHAR")]
    public async Task Value_shapes_profile_identically_through_the_indexes(string shape, string expression)
    {
        var file = Write("shape.parquet", $"SELECT {expression} AS s, i FROM range(30000) t(i)", "ROW_GROUP_SIZE 10000");

        var (indexes, values, stats) = await BothPathsAsync(file);

        indexes.Should().Be(values, shape);
        stats.CountedChunks.Should().Be(3, string.Join("; ", stats.Reasons));
    }

    [Fact]
    public async Task A_wide_dictionary_mostly_distinct_at_the_start_is_left_to_parquet_net()
    {
        // 3,000 entries, all seen in the first 4,097 values: after Parquet.Net the entry counter gives such a chunk
        // up and samples it value by value, which the index path does not reproduce, so it declines.
        var file = Write("wide.parquet", "SELECT 'w' || (i % 3000)::VARCHAR AS s FROM range(60000) t(i)", "ROW_GROUP_SIZE 60000");

        var (indexes, values, stats) = await BothPathsAsync(file);

        indexes.Should().Be(values);
        stats.CountedChunks.Should().Be(0);
        stats.Reasons.Should().ContainSingle().Which.Should().StartWith("3000 distinct among the first 4097 values");
    }

    [Theory]
    [InlineData("uncompressed")]
    [InlineData("snappy")]
    public async Task A_wide_dictionary_that_passes_the_entry_counters_probe_is_counted_from_its_indexes(string codec)
    {
        // 5,000 entries, but the first 10,000 rows use 40 of them: the entry counter keeps counting per entry.
        var file = Write("wide-late.parquet",
            "SELECT CASE WHEN i % 11 = 0 THEN NULL WHEN i < 10000 THEN 'w' || (i % 40)::VARCHAR ELSE 'w' || (hash(i) % 5000)::VARCHAR END AS s FROM range(80000) t(i)",
            $"COMPRESSION {codec}, ROW_GROUP_SIZE 80000");

        var (indexes, values, stats) = await BothPathsAsync(file);

        indexes.Should().Be(values);
        stats.CountedChunks.Should().Be(1, string.Join("; ", stats.Reasons));
    }

    [Fact]
    public async Task An_all_null_column_profiles_identically()
    {
        var file = Write("nulls.parquet", "SELECT NULL::VARCHAR AS s, i FROM range(20000) t(i)", "ROW_GROUP_SIZE 10000");

        var (indexes, values, _) = await BothPathsAsync(file);

        indexes.Should().Be(values);
    }

    [Fact]
    public async Task Data_page_v2_profiles_identically_through_the_indexes()
    {
        var file = Write("v2.parquet", Categories, "COMPRESSION snappy, ROW_GROUP_SIZE 20000, PARQUET_VERSION v2");

        var (indexes, values, stats) = await BothPathsAsync(file);

        indexes.Should().Be(values);
        stats.CountedChunks.Should().Be(3, string.Join("; ", stats.Reasons));
    }

    [Fact]
    public async Task Several_files_and_columns_profile_identically_through_the_indexes()
    {
        var a = Write("a.parquet", "SELECT 'k' || (i % 5)::VARCHAR AS s, i, (i % 3)::VARCHAR AS t FROM range(25000) t(i)", "ROW_GROUP_SIZE 10000");
        var b = Write("b.parquet", "SELECT 'k' || (i % 9)::VARCHAR AS s, i, NULL::VARCHAR AS t FROM range(15000) t(i)", "COMPRESSION zstd");
        var stats = new DictionaryIndexStats();
        var ct = TestContext.Current.CancellationToken;

        var indexes = await ParquetProfiler.ProfileAsync([a, b], new ProfileOptions { DictionaryIndexStats = stats }, null, ct);
        var values = await ParquetProfiler.ProfileAsync([a, b], new ProfileOptions { DictionaryIndexPath = false }, null, ct);

        ProfileJson.Serialize(indexes).Should().Be(ProfileJson.Serialize(values));
        stats.CountedChunks.Should().Be(7, string.Join("; ", stats.Reasons));
    }

    [Fact]
    public async Task A_plain_encoded_chunk_is_left_to_parquet_net()
    {
        // Mostly distinct: DuckDB writes the chunk PLAIN, and the index path must decline it.
        var file = Write("plain.parquet", "SELECT md5(i::VARCHAR) AS s FROM range(30000) t(i)", "ROW_GROUP_SIZE 30000");

        var (indexes, values, stats) = await BothPathsAsync(file);

        indexes.Should().Be(values);
        stats.CountedChunks.Should().Be(0);
        stats.ChunksLeftToReader.Should().Be(1);
    }

    [Fact]
    public async Task The_profile_matches_duckdb_figures()
    {
        var file = Write("duck.parquet", Categories, "ROW_GROUP_SIZE 20000");
        var stats = new DictionaryIndexStats();

        var profile = await ParquetProfiler.ProfileAsync([file], new ProfileOptions { DictionaryIndexStats = stats }, null, TestContext.Current.CancellationToken);

        stats.CountedChunks.Should().Be(3);
        var column = profile.Column("s")!;
        var from = $"read_parquet({SqlText.Literal(file)})";
        column.NullCount.Should().Be(ProfilingData.Long(_files.Db, $"SELECT (count(*) - count(s))::BIGINT FROM {from}"));
        column.Min.Should().Be((string)_files.Db.Scalar($"SELECT min(s) FROM {from}")!);
        column.Max.Should().Be((string)_files.Db.Scalar($"SELECT max(s) FROM {from}")!);
        column.Strings!.MeanLength!.Value.Should().BeApproximately(ProfilingData.Double(_files.Db, $"SELECT avg(length(s)) FROM {from}"), 1e-9);
        var top = column.TopKSketch.Top(1).Single();
        var (value, count) = ((string)_files.Db.Scalar($"SELECT s FROM {from} WHERE s IS NOT NULL GROUP BY s ORDER BY count(*) DESC, s LIMIT 1")!,
            ProfilingData.Long(_files.Db, $"SELECT count(*) FROM {from} WHERE s IS NOT NULL GROUP BY s ORDER BY count(*) DESC, s LIMIT 1"));
        (top.Value, top.Count).Should().Be((value, count));
        top.Count.ToString(CultureInfo.InvariantCulture).Should().NotBe("0");
    }

    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        var dir = Conformance.Combine("parquet-testing", "data");
        foreach (var file in System.IO.Directory.EnumerateFiles(dir, "*.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(System.IO.Path.GetRelativePath(dir, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public async Task Parquet_testing_files_profile_identically_or_fail_identically(string relative)
    {
        var file = Conformance.Combine("parquet-testing", "data", relative);
        var stats = new DictionaryIndexStats();

        var (viaIndexes, viaValues) = await ChunkPathFiles.OutcomesAsync([file], new ProfileOptions { DictionaryIndexStats = stats }, new ProfileOptions { DictionaryIndexPath = false });

        TestContext.Current.TestOutputHelper!.WriteLine($"counted {stats.CountedChunks}, left {stats.ChunksLeftToReader}: {string.Join("; ", stats.Reasons)}");
        viaIndexes.Should().Be(viaValues);
    }

    /// <summary>
    /// An uncompressed one-row-group file of <see cref="Categories"/>, its bytes, where its data page's
    /// definition level length sits and where its first index run header starts.
    /// </summary>
    private async Task<(string File, byte[] Bytes, int LevelLength, int Runs)> UncompressedCategoriesAsync()
    {
        var file = Write("corrupt.parquet", Categories, "COMPRESSION uncompressed, ROW_GROUP_SIZE 60000");
        var (bytes, dataPage, header) = await ChunkPathFiles.FirstDataPageAsync(file);
        var body = (int)dataPage + header.HeaderLength;
        var levels = BitConverter.ToInt32(bytes, body);
        var bitWidth = bytes[body + 4 + levels];
        bitWidth.Should().Be(8, "201 entries take one byte per index");
        return (file, bytes, body, body + 4 + levels + 1);
    }

    private static async Task<(string Indexes, string Values, DictionaryIndexStats Stats)> OutcomesAsync(string file)
    {
        var stats = new DictionaryIndexStats();
        var (indexes, values) = await ChunkPathFiles.OutcomesAsync([file], new ProfileOptions { DictionaryIndexStats = stats }, new ProfileOptions { DictionaryIndexPath = false });
        return (indexes, values, stats);
    }

    [Fact]
    public async Task An_index_past_the_dictionary_gives_the_typed_corruption_error()
    {
        var (file, bytes, _, runs) = await UncompressedCategoriesAsync();
        (bytes[runs] & 1).Should().Be(1, "random indexes are bit-packed");
        var values = runs + 1 + (bytes[runs] >> 7); // past the run header (one or two bytes)
        bytes[values + 1000] = 250; // the dictionary has 201 entries
        await File.WriteAllBytesAsync(file, bytes, TestContext.Current.CancellationToken);

        var (indexes, reference, stats) = await OutcomesAsync(file);

        stats.Reasons.Should().Equal("index past the dictionary");
        indexes.Should().Be(ProfileErrors.CorruptData);
        reference.Should().Be(ProfileErrors.CorruptData);
    }

    [Fact]
    public async Task A_page_whose_indexes_run_out_gives_the_typed_corruption_error()
    {
        var (file, bytes, _, runs) = await UncompressedCategoriesAsync();
        // Two bytes per index from here on: the page holds about half the indexes its levels promise.
        bytes[runs - 1] = 16;
        await File.WriteAllBytesAsync(file, bytes, TestContext.Current.CancellationToken);

        var (indexes, reference, stats) = await OutcomesAsync(file);

        stats.Reasons.Should().Equal("unreadable data page");
        indexes.Should().Be(reference);
        indexes.Should().Be(ProfileErrors.CorruptData);
    }

    [Fact]
    public async Task Definition_levels_longer_than_their_page_give_the_typed_corruption_error()
    {
        var (file, bytes, levelLength, _) = await UncompressedCategoriesAsync();
        BitConverter.GetBytes(int.MaxValue / 2).CopyTo(bytes, levelLength);
        await File.WriteAllBytesAsync(file, bytes, TestContext.Current.CancellationToken);

        var (indexes, reference, stats) = await OutcomesAsync(file);

        // The page check reads the levels of uncompressed pages when the file is opened, before either path.
        stats.CountedChunks.Should().Be(0);
        indexes.Should().Be(ProfileErrors.CorruptData);
        reference.Should().Be(ProfileErrors.CorruptData);
    }

    /// <summary>Rows of dictionary indexes: NULL every 7th row, runs of one index, and spread indexes.</summary>
    private static int?[] IndexRows(int count, int entries, int seed) =>
        Enumerable.Range(0, count).Select(i => i % 7 == 3 ? (int?)null : i % 100 < 40 ? (seed + i / 50) % entries : (int?)((i * 31 + seed) % entries)).ToArray();

    [Theory]
    [InlineData(HandWrittenParquet.Uncompressed)]
    [InlineData(HandWrittenParquet.Snappy)]
    public async Task A_chunk_falling_back_to_plain_pages_midway_is_left_to_parquet_net(int codec)
    {
        var file = _files.Combine("fallback.parquet");
        new HandWrittenParquet(codec)
            .Dictionary("alpha", "beta", "gamma", "delta", "epsilon")
            .IndexPage(IndexRows(3000, 5, 1), width: 3)
            // The writer's dictionary filled up: the same texts and new ones, PLAIN.
            .PlainPage(Enumerable.Range(0, 2000).Select(i => i % 9 == 0 ? null : i % 2 == 0 ? "beta" : "plain-" + (i % 300)).ToArray())
            .Save(file);

        var (indexes, values, stats) = await BothPathsAsync(file);

        indexes.Should().Be(values);
        stats.CountedChunks.Should().Be(0);
        stats.Reasons.Should().Equal("data page encoding 0");
        indexes.Should().Contain("plain-1").And.Contain("\"beta\"");
    }

    [Theory]
    [InlineData(HandWrittenParquet.Uncompressed, 3)]
    [InlineData(HandWrittenParquet.Snappy, 3)]
    [InlineData(HandWrittenParquet.Snappy, 5)]
    [InlineData(HandWrittenParquet.Uncompressed, 12)]
    public async Task Unreferenced_entries_narrow_widths_and_v2_pages_profile_identically(int codec, int width)
    {
        // Entries 0 and 6 are never referenced; they would be the minimum and the maximum.
        var file = _files.Combine("v2.parquet");
        new HandWrittenParquet(codec)
            .Dictionary("aaa never", "b", "ä ü", "😀", "", "c", "zzz never")
            .IndexPage(IndexRows(2500, 4, 1).Select(i => i + 1).ToArray(), width)
            .IndexPageV2(IndexRows(1700, 5, 3).Select(i => i + 1).ToArray(), width)
            .IndexPage(Enumerable.Repeat<int?>(null, 300).ToArray(), width)
            .Save(file);

        var (indexes, values, stats) = await BothPathsAsync(file, workers: 1);

        indexes.Should().Be(values);
        stats.CountedChunks.Should().Be(1, string.Join("; ", stats.Reasons));
        indexes.Should().NotContain("never").And.Contain("ä ü");
    }

    [Fact]
    public async Task Invalid_utf8_in_the_dictionary_decodes_as_parquet_net_decodes_it()
    {
        var file = _files.Combine("invalid-utf8.parquet");
        new HandWrittenParquet(HandWrittenParquet.Uncompressed)
            .Dictionary([[0xC3, 0x28], [0xFF, 0x61], [0x61, 0xE2, 0x82], [0xF0, 0x9F, 0x98, 0x80]])
            .IndexPage(IndexRows(1000, 4, 2), width: 2)
            .Save(file);

        var (indexes, values, stats) = await BothPathsAsync(file, workers: 1);

        indexes.Should().Be(values);
        stats.CountedChunks.Should().Be(1, string.Join("; ", stats.Reasons));
        indexes.Should().Contain("\"min\"");
    }
}
