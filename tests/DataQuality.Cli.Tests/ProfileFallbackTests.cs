using System.Text.Json.Nodes;
using DataQuality.Cli.Tests.TestSupport;
using DataQuality.Core;
using DataQuality.Core.Datasets;
using DataQuality.Tests.Shared;

namespace DataQuality.Cli.Tests;

/// <summary>
/// Valid parquet-testing files the built-in Parquet decoder (Parquet.Net) cannot read, through <c>dq profile</c>
/// (issue 12, "no wrong verdict"): DuckDB reads them, so profile does too and says which columns it read that
/// way, instead of failing with a DQ5001/DQ5003 carrying a .NET exception type name. A file DuckDB cannot read
/// either stays an error, in plain words.
/// </summary>
public sealed class ProfileFallbackTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("datapage_v2.snappy.parquet", "d")]                  // BOOLEAN RLE in a V2 page: divide by zero
    [InlineData("int96_from_spark.parquet", "a")]                    // INT96 beyond DateTime's years
    [InlineData("nested_structs.rust.parquet", "ul_observation_date.min")] // a struct leaf's timestamp beyond DateTime
    [InlineData("rle_boolean_encoding.parquet", "datatype_boolean")] // GZIP stream Parquet.Net rejects
    [InlineData("dict-page-offset-zero.parquet", null)]              // a footer Parquet.Net's Thrift reader rejects: the whole file
    public async Task A_valid_file_the_decoder_cannot_read_is_profiled_through_duckdb_with_a_notice(string name, string? column)
    {
        var file = ConformanceData.Require("parquet-testing", "data", name);

        var (run, _) = await BoundedRun.RunAsync(Limit, "profile", file, "--format", "json", "--quiet");

        run.ExitCode.Should().Be(ExitCodes.Passed, run.Out + run.Error);
        var notice = column is null
            ? $"'{name}' was profiled through DuckDB: the built-in Parquet decoder cannot read it ("
            : $"'{name}' column '{column}' was profiled through DuckDB: the built-in Parquet decoder cannot decode it (";
        run.Error.Should().Contain("Note: " + notice).And.NotMatchRegex("[A-Za-z]Exception");
        var table = await CliRunner.RunAsync("profile", file, "--quiet");
        table.Out.Should().Contain(notice);
        var profile = JsonNode.Parse(run.Out)!;
        profile["notices"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Contain(n => n.StartsWith(notice, StringComparison.Ordinal));

        // The counts are DuckDB's: rows, and non-null values of the column read through the fallback.
        using var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });
        var from = $"read_parquet({SqlText.Literal(file)})";
        profile["rowCount"]!.GetValue<long>().Should().Be(Convert.ToInt64(db.Scalar($"SELECT count(*) FROM {from}")));
        if (column is null) return;
        var profiled = profile["columns"]!.AsArray().Single(c => c!["path"]!.GetValue<string>() == column)!;
        var nonNull = Convert.ToInt64(db.Scalar($"SELECT count({string.Join('.', column.Split('.').Select(SqlText.Identifier))}) FROM {from}"));
        (profiled["valueCount"]!.GetValue<long>() - profiled["nullCount"]!.GetValue<long>()).Should().Be(nonNull);
    }

    [Fact]
    public async Task A_file_duckdb_cannot_read_either_stays_an_error_in_plain_words()
    {
        // map_no_value: a MAP whose key_value group has no value field; DuckDB: "MAP_KEY_VALUE requires two children".
        var file = ConformanceData.Require("parquet-testing", "data", "map_no_value.parquet");

        var (run, _) = await BoundedRun.RunAsync(Limit, "profile", file);

        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError, run.Out + run.Error);
        run.Error.Should().Contain("error DQ5001: 'map_no_value.parquet' has an unreadable Parquet footer or schema (dictionary container must have exactly 2 children but 1 found); DuckDB cannot read it either (")
            .And.NotMatchRegex("[A-Za-z]Exception");
    }

    [Theory]
    [InlineData("hadoop_lz4_compressed.parquet", "c1")]
    [InlineData("hadoop_lz4_compressed_larger.parquet", "a")]
    public async Task A_codec_neither_reader_supports_is_an_error_naming_the_column_in_plain_words(string name, string column)
    {
        // The deprecated LZ4 codec (Hadoop's framing): Parquet.Net fails on it, and DuckDB supports LZ4_RAW only.
        var file = ConformanceData.Require("parquet-testing", "data", name);

        var (run, _) = await BoundedRun.RunAsync(Limit, "profile", file);

        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError, run.Out + run.Error);
        run.Error.Should().Contain($"error DQ5003: '{name}' row group 0 column '{column}' could not be decoded (BYTE_ARRAY column, codec LZ4")
            .And.Contain("nor read by DuckDB (").And.Contain("Unsupported compression codec \"LZ4\"")
            .And.NotMatchRegex("[A-Za-z]Exception");
    }
}
