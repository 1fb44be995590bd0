using System.Globalization;
using DataQuality.Core.Datasets;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Profiling;
using DataQuality.Core.Tests.TestSupport;

namespace DataQuality.Core.Tests.Profiling;

/// <summary>
/// The profiler types hive partition keys as DuckDB's read_parquet(hive_partitioning=true) does: each case
/// is a real tree written by DuckDB, and DuckDB itself (typeof, values) is the oracle.
/// </summary>
public sealed class HivePartitionTypeTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly DuckDbSession _db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });
    private int _tree;

    public void Dispose()
    {
        _db.Dispose();
        _temp.Dispose();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Writes one single-row file per directory value under a fresh tree; returns the files, sorted.</summary>
    private IReadOnlyList<string> Tree(string key, params string[] values)
    {
        var root = _temp.Combine($"t{_tree++}");
        foreach (var (value, i) in values.Select((v, i) => (v, i)))
        {
            var dir = Path.Combine(root, $"{key}={value}");
            Directory.CreateDirectory(dir);
            _db.Execute($"COPY (SELECT {i} AS x) TO {SqlText.Literal(Path.Combine(dir, "p.parquet"))} (FORMAT parquet)");
        }
        return DatasetResolver.ListLocal(DatasetRef.Parse(root));
    }

    private static string DuckType(ColumnKind kind) => kind switch
    {
        ColumnKind.Integer => "BIGINT",
        ColumnKind.Date => "DATE",
        ColumnKind.Timestamp => "TIMESTAMP",
        ColumnKind.String => "VARCHAR",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The profile's value text in DuckDB's VARCHAR rendering (timestamps with a space, not 'T').</summary>
    private static string? AsDuckText(ColumnProfile c, string? value) =>
        value is not null && c.Kind == ColumnKind.Timestamp ? value.Replace('T', ' ') : value;

    private async Task AssertAgreesWithDuckDb(IReadOnlyList<string> files, string key)
    {
        var relation = new ResolvedDataset(new DatasetRef(files[0], DatasetFormat.Parquet), files).ToRelationSql();
        var id = SqlText.Identifier(key);
        var duckType = (string)_db.Scalar($"SELECT any_value(typeof({id})) FROM {relation}")!;
        var profile = await ParquetProfiler.ProfileAsync(files, cancellationToken: Ct);
        var column = profile.Column(key)!;
        column.Partition.Should().BeTrue();
        DuckType(column.Kind).Should().Be(duckType, $"DuckDB types {key} as {duckType}");
        column.LogicalType.Should().Be(duckType);

        using var cmd = _db.CreateCommand($"SELECT DISTINCT {id}::VARCHAR FROM {relation}");
        using var reader = cmd.ExecuteReader();
        var duckValues = new List<string?>();
        while (reader.Read()) duckValues.Add(reader.IsDBNull(0) ? null : reader.GetString(0));
        var expected = duckValues.Where(v => v is not null).Select(v => v!).Order(StringComparer.Ordinal).ToList();
        var ours = column.TopValues.Select(t => AsDuckText(column, t.Value)!).Order(StringComparer.Ordinal).ToList();
        ours.Should().Equal(expected, $"values of {key}");
        column.NullCount.Should().Be(ProfilingData.Long(_db, $"SELECT (count(*) - count({id}))::BIGINT FROM {relation}"));
        column.RowCount.Should().Be(files.Count);
    }

    public static TheoryData<string> SingleValues =>
    [
        "0", "-0", "1", "-5", "007", "-007", "+5", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
        "1e3", "1_000", " 5", "5 ", "1.0", "1.5", "0x10", "0x7FFFFFFFFFFFFFFF", "0xFFFFFFFFFFFFFFFF", "0x10 ", "0b101", "0b1_0",
        "2024-01-01", "2024-1-1", "20240101", "2024 01 01", "0001-01-01", "9999-12-31", "2024-02-30", "2024-02-29", "2023-02-29",
        " 2024-01-01", "2024-01-01 ", "epoch", "EPOCH",
        "2024-01-01 10:00:00", "2024-01-01T10:00:00", "2024-01-01 10:00", "2024-01-01 10", "2024-01-01T10",
        "2024-01-01 10:00:00.123456", "2024-01-01 10:00:00.1234567", "2024-01-01T10:00:00.5", "2024-01-01T10:00:00.",
        "2024-01-01T10:00:00Z", "2024-01-01T10:00:00z", "2024-01-01 10:00:00+02", "2024-01-01 10:00:00+02:00", "2024-01-01 10:00:00+0200",
        "2024-01-01 10:00:00+2", "2024-01-01 10:00:00 UTC", "2024-01-01 24:00:00", "2024-01-01 24:00:01", "2024-01-01 10:00:60",
        "2024-01-01 1:2:3", "2024-01-01  10:00", "2024-01-01_10:00", "2024-01-01-10",
        "true", "abc", "New%20York", "a%3Db", "%ZZ", "a+b", "%41", "%31", "__hive_default_partition__",
    ];

    [Theory]
    [MemberData(nameof(SingleValues))]
    public async Task A_single_partition_value_is_typed_and_read_as_duckdb_does(string value) =>
        await AssertAgreesWithDuckDb(Tree("k", value), "k");

    /// <summary>Directory values of one tree, '|'-separated.</summary>
    public static TheoryData<string> MixedTrees =>
    [
        "1|20|-5",                                 // BIGINT
        "2024-01-01|2024-01-02",                   // DATE
        "2024-01-01 10:00:00|2024-01-02T11:30:00", // TIMESTAMP
        "2024-01-01|2024-01-02 10:00:00",          // DATE + TIMESTAMP: VARCHAR
        "1|abc",                                   // VARCHAR
        "1|007",                                   // a leading zero keeps it text
        "1|NULL",                                  // NULL does not vote
        "1|null",
        "2024-01-01|__HIVE_DEFAULT_PARTITION__",
        "__HIVE_DEFAULT_PARTITION__",              // only NULLs: VARCHAR
        "1|",                                      // an empty value is text
        "a b|New%20York|NULL",
    ];

    [Theory]
    [MemberData(nameof(MixedTrees))]
    public async Task Values_across_files_are_typed_and_read_as_duckdb_does(string values) =>
        await AssertAgreesWithDuckDb(Tree("k", values.Split('|')), "k");

    [Fact]
    public async Task Infinity_dates_are_typed_as_duckdb_does_and_kept_out_of_the_range()
    {
        var files = Tree("k", "infinity", "2024-01-01");
        var relation = new ResolvedDataset(new DatasetRef(files[0], DatasetFormat.Parquet), files).ToRelationSql();
        _db.Scalar($"SELECT any_value(typeof(k)) FROM {relation}").Should().Be("DATE");
        var column = (await ParquetProfiler.ProfileAsync(files, cancellationToken: Ct)).Column("k")!;
        column.Kind.Should().Be(ColumnKind.Date);
        column.PositiveInfinityCount.Should().Be(1);
        column.NonNullCount.Should().Be(2);
        column.TopValues.Select(t => t.Value).Should().BeEquivalentTo(["infinity", "2024-01-01"]);
        (column.Min, column.Max).Should().Be(("2024-01-01", "2024-01-01"));
    }

    [Fact]
    public async Task Partition_columns_follow_the_file_columns_in_sorted_key_order()
    {
        var dir = _temp.Combine("order", "z=1", "a=x");
        Directory.CreateDirectory(dir);
        _db.Execute($"COPY (SELECT 1 AS b, 2 AS y) TO {SqlText.Literal(Path.Combine(dir, "p.parquet"))} (FORMAT parquet)");
        var files = DatasetResolver.ListLocal(DatasetRef.Parse(_temp.Combine("order")));
        var profile = await ParquetProfiler.ProfileAsync(files, cancellationToken: Ct);
        var relation = new ResolvedDataset(new DatasetRef(files[0], DatasetFormat.Parquet), files).ToRelationSql();
        var duckColumns = global::DataQuality.Core.Checks.Planning.DatasetSchema.Describe(_db, relation).Columns.Select(c => c.Name).ToList();
        profile.Columns.Select(c => c.Path).Should().Equal(duckColumns).And.Equal("b", "y", "a", "z");
    }

    [Fact]
    public async Task A_key_repeated_deeper_keeps_its_first_value_as_in_duckdb()
    {
        var files = Tree("k", "1");
        var nested = Path.Combine(Path.GetDirectoryName(files[0])!, "k=2");
        Directory.CreateDirectory(nested);
        File.Move(files[0], Path.Combine(nested, "p.parquet"));
        var moved = new[] { Path.Combine(nested, "p.parquet") };
        var relation = new ResolvedDataset(new DatasetRef(moved[0], DatasetFormat.Parquet), moved).ToRelationSql();
        var profile = await ParquetProfiler.ProfileAsync(moved, cancellationToken: Ct);
        profile.Column("k")!.Min.Should().Be(Convert.ToString(_db.Scalar($"SELECT k FROM {relation}"), CultureInfo.InvariantCulture)).And.Be("1");
    }

    [Fact]
    public void Segments_that_are_not_partitions_are_skipped_as_duckdb_skips_them()
    {
        HivePath.Parse("/data/a=b=c/=v/x?y=1/k=1/ds=2/k=3/file=4.parquet").Select(p => (p.Key, p.Value))
            .Should().Equal(("k", "1"), ("ds", "2"));
        HivePath.Parse(@"C:\data\ds=2024-01-01\part.parquet").Select(p => (p.Key, p.Value)).Should().Equal(("ds", "2024-01-01"));
        HivePath.Decode("New%20York%2Fx%ZZ+%E2%82%AC").Should().Be("New York/x%ZZ+€");
    }

    [Fact]
    public async Task Files_with_different_partition_keys_are_a_typed_error_as_in_duckdb()
    {
        var root = _temp.Combine("mismatch");
        Directory.CreateDirectory(Path.Combine(root, "k=1"));
        _db.Execute($"COPY (SELECT 1 AS x) TO {SqlText.Literal(Path.Combine(root, "k=1", "p.parquet"))} (FORMAT parquet)");
        _db.Execute($"COPY (SELECT 2 AS x) TO {SqlText.Literal(Path.Combine(root, "p.parquet"))} (FORMAT parquet)");
        var files = DatasetResolver.ListLocal(DatasetRef.Parse(root));
        var relation = new ResolvedDataset(new DatasetRef(root, DatasetFormat.Parquet), files).ToRelationSql();
        var duck = () => _db.Scalar($"SELECT count(*) FROM {relation}");
        duck.Should().Throw<Exception>().WithMessage("*Hive partition mismatch*");

        var act = async () => await ParquetProfiler.ProfileAsync(files, cancellationToken: Ct);
        var error = (await act.Should().ThrowAsync<InputException>()).Which;
        error.Code.Should().Be(ProfileErrors.HivePartitionMismatch);
        error.Message.Should().Contain("k=1").And.Contain("\"k\"");

        // Without hive partitioning the same files profile as before.
        var plain = await ParquetProfiler.ProfileAsync(files, new ProfileOptions { HivePartitioning = false }, cancellationToken: Ct);
        plain.Columns.Select(c => c.Path).Should().Equal("x");
    }
}
