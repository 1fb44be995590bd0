using System.Diagnostics;
using System.Globalization;
using DataQuality.Core.Datasets;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Profiling;
using DataQuality.Core.Tests.TestSupport;

namespace DataQuality.Core.Tests.Profiling;

[CollectionDefinition(nameof(ParquetCorpusCollection), DisableParallelization = true)]
public sealed class ParquetCorpusCollection;

/// <summary>
/// Every file of apache/parquet-testing: data/ files are profiled with DuckDB's counts or rejected with
/// a typed error naming file and feature; bad_data/ files fail clearly, quickly and in bounded memory.
/// Runs alone (no parallel tests) so the allocation measurement is this test's own.
/// </summary>
[Collection(nameof(ParquetCorpusCollection))]
public sealed class ParquetCorpusTests
{
    private static string DataDir => Conformance.Combine("parquet-testing", "data");
    private static string BadDir => Conformance.Combine("parquet-testing", "bad_data");

    public static TheoryData<string> DataFiles() => Files(DataDir);

    public static TheoryData<string> BadFiles() => Files(BadDir);

    private static TheoryData<string> Files(string dir)
    {
        var data = new TheoryData<string>();
        foreach (var file in System.IO.Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
                     .Where(f => System.IO.Path.GetFileName(f).Contains(".parquet", StringComparison.Ordinal))
                     .Select(f => System.IO.Path.GetRelativePath(dir, f))
                     .Order(StringComparer.Ordinal))
            data.Add(file);
        return data;
    }

    /// <summary>Files that must profile (not merely be rejected): a guard against rejecting everything.</summary>
    public static readonly string[] MustProfile =
    [
        "alltypes_plain.parquet", "alltypes_dictionary.parquet", "alltypes_plain.snappy.parquet", "alltypes_tiny_pages.parquet",
        "binary.parquet", "byte_array_decimal.parquet", "delta_binary_packed.parquet", "delta_byte_array.parquet",
        "delta_length_byte_array.parquet", "fixed_length_decimal.parquet", "int32_decimal.parquet", "int64_decimal.parquet",
        "nested_lists.snappy.parquet", "nested_maps.snappy.parquet", "nulls.snappy.parquet", "list_columns.parquet",
        "lz4_raw_compressed.parquet", "nonnullable.impala.parquet", "nullable.impala.parquet", "single_nan.parquet",
        // Parquet.Net cannot decode these valid files (a column, or the footer); DuckDB profiles what it cannot.
        "datapage_v2.snappy.parquet", "dict-page-offset-zero.parquet", "int96_from_spark.parquet", "nested_structs.rust.parquet", "rle_boolean_encoding.parquet",
    ];

    [Theory]
    [MemberData(nameof(DataFiles))]
    public async Task Data_file_is_profiled_with_duckdb_counts_or_rejected_with_a_typed_error(string relative)
    {
        var path = System.IO.Path.Combine(DataDir, relative);
        var name = System.IO.Path.GetFileName(path);
        var output = TestContext.Current.TestOutputHelper!;
        DatasetProfile profile;
        try
        {
            profile = await ParquetProfiler.ProfileFileAsync(path, new ProfileOptions { MaxDegreeOfParallelism = 2 }, TestContext.Current.CancellationToken);
        }
        catch (InputException ex)
        {
            output.WriteLine($"rejected: {ex.ToDiagnosticString()}");
            ex.Code.Should().StartWith("DQ5");
            ex.Location!.Path.Should().Be(path);
            ex.Message.Should().Contain(name);
            MustProfile.Should().NotContain(relative, "this file is plain enough that rejecting it is a regression");
            return;
        }

        using var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });
        var from = $"read_parquet({SqlText.Literal(path)})";
        profile.RowCount.Should().Be(Convert.ToInt64(db.Scalar($"SELECT count(*)::BIGINT FROM {from}"), CultureInfo.InvariantCulture));
        var checkedColumns = 0;
        foreach (var column in profile.Columns)
        {
            column.RowCount.Should().Be(profile.RowCount, column.Path);
            if (column.Unsupported is not null)
            {
                output.WriteLine($"column {column.Path}: {column.Unsupported}");
                column.Unsupported.Should().StartWith(ProfileErrors.UnsupportedFeature);
                continue;
            }
            column.NullCount.Should().BeInRange(0, column.ValueCount, column.Path);
            var expected = ExpectedNonNull(db, path, column);
            if (expected is null) continue;
            column.NonNullCount.Should().Be(expected.Value, $"{name} {column.Path}");
            checkedColumns++;
        }
        output.WriteLine($"profiled: {profile.RowCount} rows, {profile.Columns.Count} leaves, {checkedColumns} non-null counts checked against DuckDB");
        checkedColumns.Should().BeGreaterThan(0, "at least one column's non-null count must be cross-checked");
    }

    /// <summary>
    /// DuckDB's count of non-null values for a leaf: count(col) / count(struct.field) for flat leaves;
    /// for leaves inside lists the count of non-null elements after unnesting. Null when DuckDB cannot
    /// address the leaf by the Parquet path (legacy list encodings).
    /// </summary>
    private static long? ExpectedNonNull(DuckDbSession db, string path, ColumnProfile column)
    {
        var parts = column.Path.Split('.');
        var from = $"read_parquet({SqlText.Literal(path)})";
        var top = SqlText.Identifier(parts[0]);
        string sql;
        if (!column.Repeated)
            sql = $"SELECT count({string.Join(".", parts.Select(SqlText.Identifier))})::BIGINT FROM {from}";
        else if (parts.Length == 3 && parts[1] is "list" && parts[2] is "element" or "item")
            sql = $"SELECT count(x)::BIGINT FROM (SELECT unnest({top}) AS x FROM {from})";
        else if (parts.Length == 3 && parts[1] == "key_value" && parts[2] is "key" or "value")
            sql = $"SELECT count(x)::BIGINT FROM (SELECT unnest(map_{parts[2]}s({top})) AS x FROM {from})";
        else
        {
            // Legacy and deeper list encodings: DuckDB's recursive unnest flattens every list level.
            var type = db.Scalar($"SELECT column_type FROM (DESCRIBE SELECT * FROM {from}) WHERE column_name = {SqlText.Literal(parts[0])}")?.ToString() ?? "";
            if (type.Contains("STRUCT", StringComparison.Ordinal) || type.Contains("MAP", StringComparison.Ordinal)) return null;
            sql = $"SELECT count(x)::BIGINT FROM (SELECT unnest({top}, recursive := true) AS x FROM {from})";
        }
        try
        {
            return Convert.ToInt64(db.Scalar(sql), CultureInfo.InvariantCulture);
        }
        catch (DuckDB.NET.Data.DuckDBException)
        {
            return null;
        }
    }

    /// <summary>
    /// bad_data/ files that are valid Parquet: they broke one reader, not the format. ARROW-GH-43605 has a
    /// one-entry dictionary, so RLE index bit width 0 is the correct width (ceil(log2 1) = 0); Go's reader
    /// crashed on it. DuckDB reads it (21,186 rows, all 0), and so must we, with the same answers.
    /// </summary>
    private static readonly HashSet<string> ValidDespiteFolder = ["ARROW-GH-43605.parquet"];

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Bad_file_gives_a_clear_error_quickly_and_in_bounded_memory(string relative)
    {
        var path = System.IO.Path.Combine(BadDir, relative);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var task = ParquetProfiler.ProfileFileAsync(path, new ProfileOptions { MaxDegreeOfParallelism = 1 }, TestContext.Current.CancellationToken);
        var finished = await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
        finished.Should().BeSameAs(task, "a corrupt file must not hang the profiler");
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        allocated.Should().BeLessThan(256L * 1024 * 1024, "memory stays bounded on corrupt input");
        if (ValidDespiteFolder.Contains(relative))
        {
            var profile = await task;
            using var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });
            var from = $"read_parquet({SqlText.Literal(path)})";
            profile.RowCount.Should().Be(Convert.ToInt64(db.Scalar($"SELECT count(*)::BIGINT FROM {from}"), CultureInfo.InvariantCulture));
            foreach (var column in profile.Columns)
            {
                var quoted = SqlText.Identifier(column.Path);
                column.NonNullCount.Should().Be(Convert.ToInt64(db.Scalar($"SELECT count({quoted})::BIGINT FROM {from}"), CultureInfo.InvariantCulture), column.Path);
                column.Min.Should().Be(Convert.ToString(db.Scalar($"SELECT min({quoted}) FROM {from}"), CultureInfo.InvariantCulture), column.Path);
                column.Max.Should().Be(Convert.ToString(db.Scalar($"SELECT max({quoted}) FROM {from}"), CultureInfo.InvariantCulture), column.Path);
                column.DistinctEstimate.Should().Be(Convert.ToInt64(db.Scalar($"SELECT count(DISTINCT {quoted})::BIGINT FROM {from}"), CultureInfo.InvariantCulture), column.Path);
            }
            return;
        }

        var error = await FluentActions.Awaiting(() => task).Should().ThrowAsync<InputException>();
        TestContext.Current.TestOutputHelper!.WriteLine($"{error.Which.ToDiagnosticString()} ({clock.ElapsedMilliseconds} ms, {allocated / 1024} KiB allocated)");
        error.Which.Code.Should().StartWith("DQ5");
        error.Which.ToDiagnosticString().Should().Contain(System.IO.Path.GetFileName(path));
        allocated.Should().BeLessThan(256L * 1024 * 1024, "memory stays bounded on corrupt input");
    }
}
