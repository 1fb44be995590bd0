using DataQuality.Core.Diagnostics;
using DataQuality.Core.Profiling;
using DataQuality.Core.Tests.TestSupport;

namespace DataQuality.Core.Tests.Profiling;

public sealed class ProfileMergeAndJsonTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Merging_file_profiles_gives_the_profile_of_the_union()
    {
        var a = ProfilingData.Write(_temp.Combine("a.parquet"), 20_000, rowGroup: 5_000);
        var b = ProfilingData.Write(_temp.Combine("b.parquet"), 15_000, rowGroup: 4_000, seedOffset: 100_000);
        var c = ProfilingData.Write(_temp.Combine("c.parquet"), 9_000, rowGroup: 9_000, seedOffset: 500_000);

        var union = await ParquetProfiler.ProfileAsync([a, b, c], cancellationToken: Ct);
        var merged = await ParquetProfiler.ProfileFileAsync(a, cancellationToken: Ct);
        merged.Merge(await ParquetProfiler.ProfileFileAsync(b, cancellationToken: Ct));
        merged.Merge(await ParquetProfiler.ProfileFileAsync(c, cancellationToken: Ct));

        ProfileJson.Serialize(merged).Should().Be(ProfileJson.Serialize(union));
        union.RowCount.Should().Be(44_000);
        union.Column("id")!.Max.Should().Be("508999");
    }

    [Fact]
    public async Task Partition_profiles_merged_in_another_grouping_agree_on_exact_metrics()
    {
        var a = ProfilingData.Write(_temp.Combine("a.parquet"), 12_000, rowGroup: 3_000);
        var b = ProfilingData.Write(_temp.Combine("b.parquet"), 12_000, rowGroup: 3_000, seedOffset: 50_000);
        var c = ProfilingData.Write(_temp.Combine("c.parquet"), 12_000, rowGroup: 3_000, seedOffset: 90_000);
        var union = await ParquetProfiler.ProfileAsync([a, b, c], cancellationToken: Ct);
        var right = await ParquetProfiler.ProfileAsync([b, c], cancellationToken: Ct);
        var merged = await ParquetProfiler.ProfileFileAsync(a, cancellationToken: Ct);
        merged.Merge(right);

        foreach (var column in union.Columns)
        {
            var other = merged.Column(column.Path)!;
            (other.NullCount, other.Min, other.Max, other.ZeroCount, other.NegativeCount, other.TrueCount)
                .Should().Be((column.NullCount, column.Min, column.Max, column.ZeroCount, column.NegativeCount, column.TrueCount), column.Path);
            other.DistinctSketch.Registers.Should().Equal(column.DistinctSketch.Registers, "HLL merge is order-independent");
            if (column.Mean is { } mean) other.Mean!.Value.Should().BeApproximately(mean, Math.Abs(mean) * 1e-12 + 1e-9);
            if (column.Quantiles is { } q)
                foreach (var (name, value) in q)
                    other.QuantileSketch!.Cdf(value).Should().BeApproximately(column.QuantileSketch!.Cdf(value), 0.02, $"{column.Path} {name}");
        }
    }

    [Fact]
    public async Task Json_round_trip_preserves_the_profile_exactly()
    {
        var file = ProfilingData.Write(_temp.Combine("a.parquet"), 8_000, rowGroup: 3_000);
        var profile = await ParquetProfiler.ProfileFileAsync(file, cancellationToken: Ct);
        var json = ProfileJson.Serialize(profile);

        var back = ProfileJson.Deserialize(json);
        ProfileJson.Serialize(back).Should().Be(json);
        json.Should().Contain("\"formatVersion\": 1").And.Contain("\"quantiles\"").And.Contain("\"topValues\"");

        // A reloaded profile still merges: sketches came back as state, not just summaries.
        back.Merge(ProfileJson.Deserialize(json));
        back.RowCount.Should().Be(16_000);
        back.Column("status")!.DistinctEstimate.Should().Be(6);
    }

    [Theory]
    [InlineData("{\"formatVersion\": 99}", "formatVersion 99")]
    [InlineData("{\"rowCount\": 3}", "no formatVersion")]
    [InlineData("not json", "not valid JSON")]
    public void Unreadable_profile_json_is_a_typed_error(string json, string expected)
    {
        var act = () => ProfileJson.Deserialize(json, "ref.json");
        var error = act.Should().Throw<InputException>().Which;
        error.Code.Should().Be(ProfileErrors.BadProfileJson);
        error.Message.Should().Contain(expected).And.Contain("ref.json");
    }

    [Fact]
    public async Task Bad_inputs_are_typed_errors_naming_the_file()
    {
        var text = _temp.Combine("notes.parquet");
        await File.WriteAllTextAsync(text, "this is not parquet at all", Ct);
        var missing = _temp.Combine("missing.parquet");

        var notParquet = await FluentActions.Awaiting(() => ParquetProfiler.ProfileFileAsync(text, cancellationToken: Ct)).Should().ThrowAsync<InputException>();
        notParquet.Which.Code.Should().Be(ProfileErrors.NotParquet);
        notParquet.Which.ToDiagnosticString().Should().Contain("notes.parquet");

        var absent = await FluentActions.Awaiting(() => ParquetProfiler.ProfileFileAsync(missing, cancellationToken: Ct)).Should().ThrowAsync<InputException>();
        absent.Which.Code.Should().Be(ProfileErrors.FileNotFound);

        var none = await FluentActions.Awaiting(() => ParquetProfiler.ProfileAsync(Array.Empty<string>(), cancellationToken: Ct)).Should().ThrowAsync<InputException>();
        none.Which.Code.Should().Be(ProfileErrors.NoFiles);
    }

    [Fact]
    public async Task Files_with_different_columns_read_missing_columns_as_null_like_duckdb_union_by_name()
    {
        var a = _temp.Combine("a.parquet");
        var b = _temp.Combine("b.parquet");
        using (var db = Core.Datasets.DuckDbSession.Open(new Core.Datasets.DuckDbOptions { Threads = 1 }))
        {
            db.Execute($"COPY (SELECT i::BIGINT AS id, i * 2 AS x FROM range(300) t(i)) TO {Core.Datasets.SqlText.Literal(a)} (FORMAT parquet)");
            db.Execute($"COPY (SELECT i::BIGINT AS id, 'v' || i::VARCHAR AS y FROM range(200) t(i)) TO {Core.Datasets.SqlText.Literal(b)} (FORMAT parquet)");
            var profile = await ParquetProfiler.ProfileAsync([a, b], cancellationToken: Ct);
            var relation = $"read_parquet([{Core.Datasets.SqlText.Literal(a)}, {Core.Datasets.SqlText.Literal(b)}], union_by_name=true)";

            profile.Columns.Select(c => c.Path).Should().Equal("id", "x", "y");
            foreach (var column in profile.Columns)
            {
                column.RowCount.Should().Be(500);
                column.NullCount.Should().Be(Convert.ToInt64(db.Scalar($"SELECT (count(*) - count({Core.Datasets.SqlText.Identifier(column.Path)}))::BIGINT FROM {relation}"), System.Globalization.CultureInfo.InvariantCulture), column.Path);
            }
            profile.Column("y")!.Min.Should().Be("v0");
        }
    }
}
