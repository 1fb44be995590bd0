using DataQuality.Cli.Tests.TestSupport;
using DataQuality.Core;
using DataQuality.Tests.Shared;

namespace DataQuality.Cli.Tests;

/// <summary>
/// parquet-testing's bad_data corpus and the decompression bomb in data/ through <c>dq validate</c> and
/// <c>dq profile</c>: every bad file is a typed error naming it (exit 2), even for a suite DuckDB answers
/// from the footer alone; the valid one passes; nothing takes long (docs/security.md, "Reading data: limits").
/// </summary>
public sealed class CorruptParquetTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _countSuite;

    public CorruptParquetTests() =>
        // A row count is answered from the footer: without the page check, DuckDB never reads a page.
        _countSuite = _temp.Write("count.yaml", "suite: count\nexpectations:\n  - expect_table_row_count_to_be_between: { min_value: 0 }\n");

    public void Dispose() => _temp.Dispose();

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static TheoryData<string> BadFiles() =>
    [
        "ARROW-GH-41317.parquet", "ARROW-GH-41321.parquet", "ARROW-GH-45185.parquet", "ARROW-GH-47662.parquet",
        "ARROW-RS-GH-6229-DICTHEADER.parquet", "ARROW-RS-GH-6229-LEVELS.parquet", "PARQUET-1481.parquet",
    ];

    private static string BadData(string name) => ConformanceData.Require("parquet-testing", "bad_data", name);

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Validate_rejects_a_corrupt_file_even_for_a_footer_only_suite(string name)
    {
        var (run, _) = await BoundedRun.RunAsync(Limit, "validate", "--suite", _countSuite, "--data", BadData(name));

        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError, run.Out + run.Error);
        run.Error.Should().MatchRegex(@"error DQ\d{4}: ").And.Contain(name).And.NotContain("   at ");
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Profile_rejects_a_corrupt_file(string name)
    {
        var (run, _) = await BoundedRun.RunAsync(Limit, "profile", BadData(name));

        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError, run.Out + run.Error);
        run.Error.Should().MatchRegex(@"error DQ500[1-5]: ").And.Contain(name).And.NotContain("   at ");
    }

    [Theory]
    [InlineData("ARROW-GH-45185.parquet", "starts with repetition level 1")]
    [InlineData("ARROW-RS-GH-6229-LEVELS.parquet", "pages hold 21 values but the column chunk declares 1")]
    [InlineData("ARROW-GH-47662.parquet", "is required (it cannot hold nulls) but its statistics count 105 nulls")]
    [InlineData("ARROW-RS-GH-6229-DICTHEADER.parquet", "DQ5003")]
    public async Task Validate_says_what_is_wrong_with_the_pages(string name, string reason)
    {
        var (run, _) = await BoundedRun.RunAsync(Limit, "validate", "--suite", _countSuite, "--data", BadData(name));

        run.Error.Should().Contain("error DQ5003").And.Contain(reason);
    }

    [Fact]
    public async Task A_duckdb_read_error_says_what_is_wrong_without_its_exception_class_names()
    {
        // Was "DQ2005: Cannot read dataset '...': Invalid Error: TProtocolException: Invalid data".
        var (run, _) = await BoundedRun.RunAsync(Limit, "validate", "--suite", _countSuite, "--data", BadData("PARQUET-1481.parquet"));

        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError, run.Out + run.Error);
        run.Error.Should().Contain("error DQ2005: Cannot read dataset").And.Contain("invalid Thrift metadata (corrupt footer or page header): Invalid data")
            .And.NotContain("Invalid Error").And.NotMatchRegex("[A-Za-z]Exception:");
    }

    [Fact]
    public async Task The_file_its_readme_calls_valid_passes()
    {
        // ARROW-GH-43605: an RLE dictionary index page with bit width 0 (every index 0), valid per bad_data/README.md.
        var file = BadData("ARROW-GH-43605.parquet");

        var (validate, _) = await BoundedRun.RunAsync(Limit, "validate", "--suite", _countSuite, "--data", file);
        var (profile, _) = await BoundedRun.RunAsync(Limit, "profile", file, "--format", "json");

        validate.ExitCode.Should().Be(ExitCodes.Passed, validate.Error);
        profile.ExitCode.Should().Be(ExitCodes.Passed, profile.Error);
    }

    [Fact]
    public async Task A_decompression_bomb_is_rejected_fast_and_metadata_only_reads_footers_only()
    {
        // 4 KB declaring 1 GiB pages (brotli): 34-50 s and 5-6 GB of memory before the page limit.
        var bomb = ConformanceData.Require("parquet-testing", "data", "large_string_map.brotli.parquet");

        var (validate, validateTime) = await BoundedRun.RunAsync(Limit, "validate", "--suite", _countSuite, "--data", bomb);
        var (profile, profileTime) = await BoundedRun.RunAsync(Limit, "profile", bomb);
        var (metadata, metadataTime) = await BoundedRun.RunAsync(Limit, "profile", bomb, "--metadata-only");

        foreach (var run in new[] { validate, profile })
        {
            run.ExitCode.Should().Be(ExitCodes.UsageOrInputError, run.Out + run.Error);
            run.Error.Should().Contain("error DQ5005").And.Contain("large_string_map.brotli.parquet").And.Contain("DQ_MAX_PAGE_SIZE");
        }
        metadata.ExitCode.Should().Be(ExitCodes.Passed, metadata.Error);
        metadata.Error.Should().Contain("footers only");
        new[] { validateTime, profileTime, metadataTime }.Should().AllSatisfy(t => t.Should().BeLessThan(TimeSpan.FromSeconds(10)));
    }
}
