using DataQuality.Core.Datasets.ParquetPages;
using DataQuality.Core.Profiling;
using DataQuality.Core.Profiling.DictionaryPath;
using DataQuality.Core.Tests.TestSupport;

namespace DataQuality.Core.Tests.Profiling;

/// <summary>
/// The PLAIN value path (<see cref="Core.Profiling.PlainPath.PlainChunkReader"/>) against the Parquet.Net path
/// on the same files: the profile JSON must be byte-identical, and the counter must show which numeric chunks
/// the PLAIN path read (so a test cannot pass by the path quietly declining).
/// </summary>
public sealed class PlainValuePathTests : IDisposable
{
    private readonly ChunkPathFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static async Task<(string Plain, string Reference, DictionaryIndexStats Stats)> OutcomesAsync(string file, int workers = 2)
    {
        var stats = new DictionaryIndexStats();
        var (plain, reference) = await ChunkPathFiles.OutcomesAsync([file],
            new ProfileOptions { MaxDegreeOfParallelism = workers, PlainValueStats = stats },
            new ProfileOptions { MaxDegreeOfParallelism = workers, PlainValuePath = false });
        return (plain, reference, stats);
    }

    private string Write(string name, string select, string copyOptions) => _files.Write(name, select, copyOptions);

    // Distinct enough that DuckDB writes PLAIN pages rather than a dictionary (checked by the counter).
    private const string Numbers = """
        SELECT
          (i * 2654435761 % 1000003)::INTEGER - 500000 AS i32,
          CASE WHEN i % 10 = 3 THEN NULL ELSE i * 7919 - 300000000 END::BIGINT AS i64_nulls,
          (i * 0.37 - 9000)::FLOAT AS f32,
          CASE WHEN i % 13 = 0 THEN NULL ELSE sin(i) * 1e6 END::DOUBLE AS f64_nulls,
          TIMESTAMP '1990-01-01' + to_microseconds(i * 3600000013) AS ts_micros,
          CASE WHEN i % 5 = 0 THEN NULL ELSE TIMESTAMP '1969-12-31 23:59:59' + to_microseconds(i * 1000003) END AS ts_before_epoch
        FROM range(60000) t(i)
        """;

    [Theory]
    [InlineData("snappy")]
    [InlineData("zstd")]
    [InlineData("gzip")]
    [InlineData("uncompressed")]
    public async Task Every_codec_profiles_identically_through_plain_values(string codec)
    {
        var file = Write($"{codec}.parquet", Numbers, $"COMPRESSION {codec}, ROW_GROUP_SIZE 25000");

        var (plain, reference, stats) = await OutcomesAsync(file);

        plain.Should().Be(reference);
        // Six columns, three row groups.
        stats.CountedChunks.Should().Be(18, string.Join("; ", stats.Reasons));
        stats.ChunksLeftToReader.Should().Be(0);
    }

    [Theory]
    [InlineData(HandWrittenParquet.Uncompressed)]
    [InlineData(HandWrittenParquet.Snappy)]
    public async Task V2_pages_profile_identically_through_plain_values(int codec)
    {
        // DuckDB's V2 files use DELTA and BYTE_STREAM_SPLIT for numbers; parquet-mr and Arrow write PLAIN V2 pages.
        var longs = _files.Combine("v2-int64.parquet");
        new HandWrittenParquet(codec, HandWrittenParquet.Int64)
            .PlainPageV2(Enumerable.Range(0, 3000).Select(i => i % 7 == 3 ? (long?)null : (long)i * 2654435761L - 1_000_000_000_000L).ToArray())
            .PlainPageV2(Enumerable.Repeat<long?>(null, 200).ToArray())
            .PlainPageV2(Enumerable.Range(0, 1700).Select(i => (long?)(i % 300)).ToArray())
            .Save(longs);
        var doubles = _files.Combine("v2-double.parquet");
        new HandWrittenParquet(codec, HandWrittenParquet.Double)
            .PlainPageV2(Enumerable.Range(0, 2500).Select(i => i % 11 == 0 ? (double?)null : i % 97 == 1 ? double.NaN : i % 89 == 2 ? -0.0 : Math.Sin(i) * 1e9).ToArray())
            .PlainPageV2(Enumerable.Range(0, 900).Select(i => (double?)(i % 2 == 0 ? double.PositiveInfinity : i)).ToArray())
            .Save(doubles);

        foreach (var file in new[] { longs, doubles })
        {
            var (plain, reference, stats) = await OutcomesAsync(file, workers: 1);

            plain.Should().Be(reference);
            plain.Should().NotStartWith("DQ");
            stats.CountedChunks.Should().Be(1, string.Join("; ", stats.Reasons));
        }
    }

    [Fact]
    public async Task Nans_infinities_negative_zero_and_nulls_profile_identically()
    {
        var file = Write("special.parquet", """
            SELECT
              CASE i % 9 WHEN 0 THEN 'nan'::DOUBLE WHEN 1 THEN 'inf'::DOUBLE WHEN 2 THEN '-inf'::DOUBLE WHEN 3 THEN -0.0::DOUBLE
                         WHEN 4 THEN NULL ELSE i * 1.000001 END AS d,
              CASE i % 7 WHEN 0 THEN 'nan'::FLOAT WHEN 1 THEN '-inf'::FLOAT WHEN 2 THEN -0.0::FLOAT ELSE i * 0.5 END::FLOAT AS f,
              NULL::DOUBLE AS all_null,
              CASE WHEN i = 4321 THEN NULL ELSE i END::BIGINT AS one_null,
              i::BIGINT AS no_null
            FROM range(30000) t(i)
            """, "COMPRESSION snappy, ROW_GROUP_SIZE 10000");

        var (plain, reference, stats) = await OutcomesAsync(file);

        plain.Should().Be(reference);
        plain.Should().Contain("\"d\"");
        // all_null is answered from its statistics before any page is read.
        stats.CountedChunks.Should().Be(12, string.Join("; ", stats.Reasons));
    }

    [Fact]
    public async Task Types_the_path_does_not_read_are_profiled_by_parquet_net_unchanged()
    {
        // Dates, millisecond/nanosecond timestamps, decimals and small or unsigned integers arrive from
        // Parquet.Net as other CLR types and never reach the PLAIN path; the chunks of plain ints are read.
        var file = Write("others.parquet", """
            SELECT
              (DATE '1970-01-01' + (i * 37 % 90000 - 40000)::INTEGER) AS d,
              (TIMESTAMP '2001-02-03' + to_microseconds(i * 1000000007))::TIMESTAMP_MS AS ts_ms,
              (TIMESTAMP '2001-02-03' + to_microseconds(i * 1000007))::TIMESTAMP_NS AS ts_ns,
              ((i * 7919 % 100003) / 100.0)::DECIMAL(9, 2) AS dec9,
              ((i * 7919 % 1000003) / 1000.0)::DECIMAL(18, 3) AS dec18,
              (i % 200 - 100)::TINYINT AS i8, (i % 60000 - 30000)::SMALLINT AS i16,
              (i % 250)::UTINYINT AS u8, (i * 7 % 65000)::USMALLINT AS u16,
              (i * 2654435761 % 4000000000)::UINTEGER AS u32, (i * 2654435761)::UBIGINT AS u64,
              (i * 2654435761 % 1000003)::INTEGER AS i32
            FROM range(20000) t(i)
            """, "COMPRESSION zstd");

        var (plain, reference, stats) = await OutcomesAsync(file);

        plain.Should().Be(reference);
        stats.CountedChunks.Should().Be(1, string.Join("; ", stats.Reasons));
    }

    [Fact]
    public async Task Dictionary_encoded_numbers_are_left_to_parquet_net()
    {
        var file = Write("dictionary.parquet", "SELECT (i % 50)::BIGINT AS few, (i % 7)::DOUBLE AS d FROM range(20000) t(i)", "COMPRESSION snappy");

        var (plain, reference, stats) = await OutcomesAsync(file);

        plain.Should().Be(reference);
        stats.CountedChunks.Should().Be(0);
        stats.ChunksLeftToReader.Should().Be(2);
    }

    public static TheoryData<string> CorpusFiles() => DictionaryIndexPathTests.CorpusFiles();

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public async Task Parquet_testing_files_profile_identically_or_fail_identically(string relative)
    {
        var file = Conformance.Combine("parquet-testing", "data", relative);

        var (plain, reference, stats) = await OutcomesAsync(file);

        TestContext.Current.TestOutputHelper!.WriteLine($"read {stats.CountedChunks}, left {stats.ChunksLeftToReader}: {string.Join("; ", stats.Reasons)}");
        plain.Should().Be(reference);
    }

    [Fact]
    public async Task Levels_promising_more_values_than_the_page_holds_are_left_to_the_reference()
    {
        // The first 8 rows are NULL: the levels start with an RLE run of eight 0s. Turned into eight 1s, the
        // levels stay valid for the page check (read when the file is opened) but the page lacks 8 values.
        var file = Write("corrupt.parquet", "SELECT CASE WHEN i < 8 THEN NULL ELSE i * 7919 END::BIGINT AS n FROM range(50000) t(i)", "COMPRESSION uncompressed");
        var (bytes, dataPage, header) = await ChunkPathFiles.FirstDataPageAsync(file);
        header.Encoding.Should().Be(0, "distinct integers are written PLAIN");
        var levels = (int)dataPage + header.HeaderLength + 4;
        (bytes[levels], bytes[levels + 1]).Should().Be(((byte)16, (byte)0), "an RLE run of eight NULLs");
        bytes[levels + 1] = 1;
        await File.WriteAllBytesAsync(file, bytes, TestContext.Current.CancellationToken);

        var (plain, reference, stats) = await OutcomesAsync(file);

        stats.CountedChunks.Should().Be(0);
        stats.Reasons.Should().ContainSingle().Which.Should().StartWith("values section of");
        // Whatever the reference makes of it (Parquet.Net, else DuckDB), the PLAIN path gives the same.
        plain.Should().Be(reference);
        TestContext.Current.TestOutputHelper!.WriteLine(plain);
    }

    [Theory]
    [InlineData("snappy")]
    [InlineData("zstd")]
    public async Task A_garbled_compressed_page_gives_the_typed_corruption_error(string codec)
    {
        var file = Write("garbled.parquet", "SELECT (i * 0.731)::DOUBLE AS d FROM range(50000) t(i)", $"COMPRESSION {codec}");
        var (bytes, dataPage, header) = await ChunkPathFiles.FirstDataPageAsync(file);
        header.Encoding.Should().Be(0);
        bytes.AsSpan((int)dataPage + header.HeaderLength + 16, 200).Fill(0xFF);
        await File.WriteAllBytesAsync(file, bytes, TestContext.Current.CancellationToken);

        var (plain, reference, stats) = await OutcomesAsync(file);

        stats.CountedChunks.Should().Be(0);
        stats.Reasons.Should().Equal("unreadable data page");
        plain.Should().Be(reference);
        plain.Should().Be(ProfileErrors.CorruptData);
    }
}
