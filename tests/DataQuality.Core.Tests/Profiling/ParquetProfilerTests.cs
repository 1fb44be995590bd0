using System.Globalization;
using DataQuality.Core.Datasets;
using DataQuality.Core.Profiling;
using DataQuality.Core.Tests.TestSupport;

namespace DataQuality.Core.Tests.Profiling;

public sealed class ParquetProfilerTests : IDisposable
{
    private const int Rows = 60_000;
    private readonly TempDirectory _temp = new();
    private readonly string _file;
    private readonly DuckDbSession _db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });

    public ParquetProfilerTests() => _file = ProfilingData.Write(_temp.Combine("orders.parquet"), Rows);

    public void Dispose()
    {
        _db.Dispose();
        _temp.Dispose();
    }

    private string From => $"read_parquet({SqlText.Literal(_file)})";

    private Task<DatasetProfile> ProfileAsync(ProfileOptions? options = null) =>
        ParquetProfiler.ProfileAsync([_file], options, null, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Counts_and_exact_statistics_match_duckdb()
    {
        var profile = await ProfileAsync();

        profile.RowCount.Should().Be(Rows);
        profile.Files.Should().ContainSingle().Which.RowGroups.Should().Be(6);
        profile.Columns.Select(c => c.Path).Should().Equal("id", "amount", "cust", "status", "ts", "day", "code", "contact", "flag", "price");
        foreach (var column in profile.Columns)
        {
            var quoted = SqlText.Identifier(column.Path);
            column.RowCount.Should().Be(Rows);
            column.NullCount.Should().Be(ProfilingData.Long(_db, $"SELECT (count(*) - count({quoted}))::BIGINT FROM {From}"), column.Path);
            column.Unsupported.Should().BeNull();
        }

        var amount = profile.Column("amount")!;
        amount.Kind.Should().Be(ColumnKind.Floating);
        amount.MinNumber.Should().Be(ProfilingData.Double(_db, $"SELECT min(amount) FROM {From}"));
        amount.MaxNumber.Should().Be(ProfilingData.Double(_db, $"SELECT max(amount) FROM {From}"));
        amount.Mean!.Value.Should().BeApproximately(ProfilingData.Double(_db, $"SELECT avg(amount) FROM {From}"), 1e-9);
        amount.StandardDeviation!.Value.Should().BeApproximately(ProfilingData.Double(_db, $"SELECT stddev_samp(amount) FROM {From}"), 1e-9);
        amount.Sum!.Value.Should().BeApproximately(ProfilingData.Double(_db, $"SELECT sum(amount) FROM {From}"), 1e-6);
        amount.ZeroCount.Should().Be(ProfilingData.Long(_db, $"SELECT count(*) FILTER (WHERE amount = 0)::BIGINT FROM {From}"));
        amount.NegativeCount.Should().Be(ProfilingData.Long(_db, $"SELECT count(*) FILTER (WHERE amount < 0)::BIGINT FROM {From}"));

        var id = profile.Column("id")!;
        id.Kind.Should().Be(ColumnKind.Integer);
        (id.Min, id.Max).Should().Be(("0", (Rows - 1).ToString(CultureInfo.InvariantCulture)));

        var price = profile.Column("price")!;
        price.Kind.Should().Be(ColumnKind.Decimal);
        price.Min.Should().Be(Convert.ToDecimal(_db.Scalar($"SELECT min(price) FROM {From}"), CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));

        var ts = profile.Column("ts")!;
        ts.Kind.Should().Be(ColumnKind.Timestamp);
        ts.Min.Should().Be(((DateTime)_db.Scalar($"SELECT min(ts) FROM {From}")!).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
        profile.Column("day")!.Kind.Should().Be(ColumnKind.Date);
        profile.Column("day")!.Max.Should().Be("2022-09-26");

        var flag = profile.Column("flag")!;
        flag.Kind.Should().Be(ColumnKind.Boolean);
        flag.TrueCount.Should().Be(ProfilingData.Long(_db, $"SELECT count(*) FILTER (WHERE flag)::BIGINT FROM {From}"));

        var status = profile.Column("status")!;
        status.Kind.Should().Be(ColumnKind.String);
        status.Min.Should().Be("cancelled");
        status.Max.Should().Be("shipped");
        status.Strings!.MinLength.Should().Be(3);
        status.Strings.MaxLength.Should().Be(9);
        status.Strings.MeanLength!.Value.Should().BeApproximately(ProfilingData.Double(_db, $"SELECT avg(length(status)) FROM {From}"), 1e-9);
    }

    [Fact]
    public async Task Distinct_estimates_are_within_three_standard_errors_of_exact_counts()
    {
        var profile = await ProfileAsync();
        foreach (var path in new[] { "id", "amount", "cust", "status", "code", "contact", "price" })
        {
            var exact = ProfilingData.Long(_db, $"SELECT count(DISTINCT {SqlText.Identifier(path)})::BIGINT FROM {From}");
            // 2% ≈ 3 × the 0.58–0.81% standard error at these sizes; the 1% target at 10M is measured by the benchmark.
            profile.Column(path)!.DistinctEstimate.Should().BeApproximately(exact, Math.Max(1, exact * 0.02), path);
        }
    }

    [Fact]
    public async Task Quantiles_have_rank_error_below_one_percent()
    {
        var profile = await ProfileAsync();
        foreach (var path in new[] { "id", "amount", "cust", "ts" })
        {
            var column = profile.Column(path)!;
            var n = column.NonNullCount;
            foreach (var (name, value) in column.Quantiles!)
            {
                var p = double.Parse(name[1..], CultureInfo.InvariantCulture) / 100;
                var literal = column.Kind == ColumnKind.Timestamp
                    ? $"TIMESTAMP {SqlText.Literal(column.FormatNumber(value).Replace('T', ' '))}"
                    : value.ToString("R", CultureInfo.InvariantCulture);
                var below = ProfilingData.Long(_db, $"SELECT count(*) FILTER (WHERE {SqlText.Identifier(path)} < {literal})::BIGINT FROM {From}");
                var atOrBelow = ProfilingData.Long(_db, $"SELECT count(*) FILTER (WHERE {SqlText.Identifier(path)} <= {literal})::BIGINT FROM {From}");
                // The value's rank interval [below, atOrBelow] must come within 1% of p.
                var error = p * n < below ? (below - p * n) / n : p * n > atOrBelow ? (p * n - atOrBelow) / n : 0;
                error.Should().BeLessThan(0.01, $"{path} {name}={value}");
            }
        }
    }

    [Fact]
    public async Task Top_values_histogram_and_parse_shares_describe_the_data()
    {
        var profile = await ProfileAsync();

        var status = profile.Column("status")!;
        var exactTop = _db.Scalar($"SELECT status FROM {From} WHERE status IS NOT NULL GROUP BY status ORDER BY count(*) DESC, status LIMIT 1")!.ToString();
        status.TopValues.Should().HaveCount(6);
        status.TopValues[0].Value.Should().Be(exactTop);
        status.TopValues[0].Count.Should().Be(ProfilingData.Long(_db, $"SELECT count(*)::BIGINT FROM {From} WHERE status = {SqlText.Literal(exactTop!)}"));
        status.TopValues.Sum(v => v.Count).Should().Be(status.NonNullCount);

        var cust = profile.Column("cust")!;
        var histogram = cust.Histogram!;
        histogram.Should().HaveCount(ColumnProfile.HistogramBins);
        histogram.Sum(b => b.Count).Should().Be(cust.NonNullCount);
        var firstBin = histogram[0];
        var exactFirst = ProfilingData.Long(_db, $"SELECT count(*) FILTER (WHERE cust <= {firstBin.Upper.ToString("R", CultureInfo.InvariantCulture)})::BIGINT FROM {From}");
        ((double)firstBin.Count).Should().BeApproximately(exactFirst, cust.NonNullCount * 0.01);
        profile.Column("flag")!.Histogram.Should().BeNull();

        var code = profile.Column("code")!.Strings!;
        code.Share(code.Parses.Integer).Should().BeApproximately(0.98, 1e-9);
        var contact = profile.Column("contact")!.Strings!;
        contact.Share(contact.Parses.Uuid).Should().BeApproximately(0.75, 1e-9);
        contact.Share(contact.Parses.Email).Should().BeApproximately(0.25, 1e-9);
        profile.Column("status")!.Strings!.Parses.Integer.Should().Be(0);
    }

    [Fact]
    public async Task Distinct_sketches_kept_per_worker_merge_to_the_same_registers()
    {
        // Five files of five row groups each: workers switch files at different moments at every degree.
        var files = Enumerable.Range(0, 5)
            .Select(i => ProfilingData.Write(_temp.Combine($"part-{i}.parquet"), 12_000, rowGroup: 2_500, seedOffset: i * 12_000))
            .ToList();
        var ct = TestContext.Current.CancellationToken;
        var baseline = ProfileJson.Serialize(await ParquetProfiler.ProfileAsync(files, new ProfileOptions { MaxDegreeOfParallelism = 1 }, null, ct));
        foreach (var degree in new[] { 2, 3, 8 })
            ProfileJson.Serialize(await ParquetProfiler.ProfileAsync(files, new ProfileOptions { MaxDegreeOfParallelism = degree }, null, ct))
                .Should().Be(baseline, $"degree {degree}");
        var separately = DatasetProfile.Merge(await Task.WhenAll(files.Select(f => ParquetProfiler.ProfileFileAsync(f, cancellationToken: ct))));
        ProfileJson.Serialize(separately).Should().Be(baseline, "file profiles merged afterwards equal the dataset profile");
    }

    [Fact]
    public async Task Profiles_are_deterministic_whatever_the_parallelism()
    {
        var one = ProfileJson.Serialize(await ProfileAsync(new ProfileOptions { MaxDegreeOfParallelism = 1 }));
        var two = ProfileJson.Serialize(await ProfileAsync(new ProfileOptions { MaxDegreeOfParallelism = 2 }));
        var again = ProfileJson.Serialize(await ProfileAsync(new ProfileOptions { MaxDegreeOfParallelism = 2 }));

        two.Should().Be(one);
        again.Should().Be(one);
    }

    [Fact]
    public async Task Column_selection_profiles_only_the_named_columns_and_rejects_unknown_ones()
    {
        var profile = await ProfileAsync(new ProfileOptions { Columns = ["status", "id"] });
        profile.Columns.Select(c => c.Path).Should().Equal("status", "id");

        var act = () => ProfileAsync(new ProfileOptions { Columns = ["nope"] });
        (await act.Should().ThrowAsync<Diagnostics.InputException>()).Which.Code.Should().Be(ProfileErrors.UnknownColumn);
    }

    [Fact]
    public async Task Metadata_only_mode_answers_counts_and_ranges_from_statistics()
    {
        var full = await ProfileAsync();
        var meta = await ProfileAsync(new ProfileOptions { MetadataOnly = true, Columns = ["id", "amount", "cust"] });
        foreach (var column in meta.Columns)
        {
            var reference = full.Column(column.Path)!;
            column.MinMaxSource.Should().Be("metadata");
            (column.NullCount, column.Min, column.Max).Should().Be((reference.NullCount, reference.Min, reference.Max));
            column.QuantileSketch.Should().BeNull("pages were not decoded");
        }
    }

    private const int FrequentItemsSketchCapacity = Core.Profiling.Sketches.FrequentItemsSketch.DefaultCapacity;

    [Fact]
    public async Task Near_unique_chunks_still_report_their_heavy_hitter()
    {
        // 200k rows in one row group: mostly distinct values, so top-k switches to sampling after 32k values;
        // the value 42 (2% of rows) must still come out on top, its true 4000 within the reported bounds.
        var path = _temp.Combine("unique.parquet");
        _db.Execute($"COPY (SELECT CASE WHEN i % 50 = 7 THEN 42 ELSE i * 3 + 1 END::BIGINT AS v, CASE WHEN i % 50 = 7 THEN 'hot' ELSE 'k' || i::VARCHAR END AS s FROM range(200000) t(i)) TO {SqlText.Literal(path)} (FORMAT parquet, ROW_GROUP_SIZE 200000)");

        var profile = await ParquetProfiler.ProfileFileAsync(path, cancellationToken: TestContext.Current.CancellationToken);

        foreach (var (column, hot) in new[] { ("v", "42"), ("s", "hot") })
        {
            var sketch = profile.Column(column)!.TopKSketch;
            var top = profile.Column(column)!.TopValues[0];
            top.Value.Should().Be(hot, column);
            // Misra–Gries undercounts by at most MaxError; sampling adds a few percent either way.
            ((double)top.Count).Should().BeLessThan(4000 * 1.1, column);
            ((double)top.Count + sketch.MaxError).Should().BeGreaterThan(4000 * 0.9, column);
            sketch.MaxError.Should().BeLessThanOrEqualTo(200_000 / (FrequentItemsSketchCapacity + 1) + 16, column);
        }
        profile.Column("v")!.DistinctEstimate.Should().BeApproximately(196_001, 196_001 * 0.025);
    }

    [Fact]
    public async Task A_corrupt_file_among_good_ones_fails_the_scan_with_its_own_typed_error()
    {
        var bad = TestSupport.Conformance.Combine("parquet-testing", "bad_data", "ARROW-GH-41321.parquet");
        var act = () => ParquetProfiler.ProfileAsync([_file, bad, _file], new ProfileOptions { MaxDegreeOfParallelism = 2 }, null, TestContext.Current.CancellationToken);

        var error = (await act.Should().ThrowAsync<Diagnostics.InputException>()).Which;
        error.Code.Should().Be(ProfileErrors.CorruptData);
        error.Location!.Path.Should().Be(bad);
    }
}
