using System.Globalization;
using DataQuality.Core.Datasets;
using DataQuality.Core.Profiling;
using DataQuality.Core.Tests.TestSupport;

namespace DataQuality.Core.Tests.Profiling;

/// <summary>
/// Partition columns of a real hive tree (files written by DuckDB) against DuckDB's answers over
/// read_parquet(..., hive_partitioning=true): counts, min, max, exact distinct, moments, top values,
/// quantiles within the KLL rank error, and exact split-and-merge.
/// </summary>
public sealed class HivePartitionProfileTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly DuckDbSession _db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });

    public void Dispose()
    {
        _db.Dispose();
        _temp.Dispose();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// ds (DATE) and region (VARCHAR), each with a default partition / hour (BIGINT, with a NULL partition), one
    /// file per leaf directory with a different row count each (one file empty); a stored column
    /// <c>amount</c> and a stored <c>note</c>.
    /// </summary>
    internal static string WriteTree(DuckDbSession db, string root)
    {
        var leaves = new List<string>();
        var days = new[] { "2024-01-01", "2024-01-02", "2024-01-05", HivePath.DefaultPartition };
        var regions = new[] { "eu", "us", "New%20York", HivePath.DefaultPartition };
        var hours = new[] { "0", "7", "23", "NULL" };
        var n = 0;
        foreach (var d in days)
            foreach (var r in regions)
            {
                // Not every combination: keeps the tree small while every value appears.
                var h = hours[(n + d.Length + r.Length) % hours.Length];
                leaves.Add(Path.Combine($"ds={d}", $"region={r}", $"hour={h}"));
                n++;
            }
        for (var i = 0; i < leaves.Count; i++)
        {
            var dir = Path.Combine(root, leaves[i]);
            Directory.CreateDirectory(dir);
            var rows = i == 4 ? 0 : 37 * (i + 1) + (i % 3) * 500;
            db.Execute(string.Create(CultureInfo.InvariantCulture,
                $"COPY (SELECT (hash(g + {i}) % 1000)::DOUBLE / 10 AS amount, 'n' || (g % 5)::VARCHAR AS note FROM range({rows}) t(g)) TO {SqlText.Literal(Path.Combine(dir, "part-0.parquet"))} (FORMAT parquet)"));
        }
        return root;
    }

    private string Relation(IReadOnlyList<string> files) =>
        new ResolvedDataset(new DatasetRef(files[0], DatasetFormat.Parquet), files).ToRelationSql();

    [Fact]
    public async Task Partition_columns_match_duckdb_on_a_two_level_tree_with_null_partitions()
    {
        var files = DatasetResolver.ListLocal(DatasetRef.Parse(WriteTree(_db, _temp.Combine("orders"))));
        var relation = Relation(files);
        var profile = await ParquetProfiler.ProfileAsync(files, cancellationToken: Ct);

        var schema = global::DataQuality.Core.Checks.Planning.DatasetSchema.Describe(_db, relation).Columns;
        profile.Columns.Select(c => c.Path).Should().Equal(schema.Select(c => c.Name), "same columns in the same order as DuckDB");
        profile.Columns.Where(c => c.Partition).Select(c => (c.Path, c.Kind, c.LogicalType))
            .Should().Equal(("ds", ColumnKind.Date, "DATE"), ("hour", ColumnKind.Integer, "BIGINT"), ("region", ColumnKind.String, "VARCHAR"));
        foreach (var column in profile.Columns.Where(c => c.Partition))
            column.LogicalType.Should().Be(schema.Single(s => s.Name == column.Path).Type);

        long L(string sql) => ProfilingData.Long(_db, sql);
        double D(string sql) => ProfilingData.Double(_db, sql);
        string? S(string sql) => _db.Scalar(sql) is { } v and not DBNull ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;
        foreach (var column in profile.Columns.Where(c => c.Partition))
        {
            var id = SqlText.Identifier(column.Path);
            var because = column.Path;
            column.RowCount.Should().Be(L($"SELECT count(*)::BIGINT FROM {relation}"), because);
            column.NonNullCount.Should().Be(L($"SELECT count({id})::BIGINT FROM {relation}"), because);
            column.NullCount.Should().BeGreaterThan(0, $"{because} has a NULL partition");
            column.DistinctEstimate.Should().Be(L($"SELECT count(DISTINCT {id})::BIGINT FROM {relation}"), because);
            column.Min.Should().Be(S($"SELECT min({id})::VARCHAR FROM {relation}"), because);
            column.Max.Should().Be(S($"SELECT max({id})::VARCHAR FROM {relation}"), because);

            // Top values: exact counts (few values, so Misra–Gries holds them all).
            column.TopKSketch.MaxError.Should().Be(0);
            var top = column.TopValues[0];
            var duckTop = S($"SELECT {id}::VARCHAR FROM {relation} WHERE {id} IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1");
            top.Value.Should().Be(duckTop, because);
            top.Count.Should().Be(L($"SELECT count(*)::BIGINT FROM {relation} WHERE {id}::VARCHAR = {SqlText.Literal(top.Value)}"), because);
            column.TopKSketch.Total.Should().Be(column.NonNullCount);

            if (column.Kind == ColumnKind.String)
            {
                column.Strings!.Count.Should().Be(column.NonNullCount);
                column.Strings.MinLength.Should().Be(L($"SELECT min(length({id}))::BIGINT FROM {relation}"));
                column.Strings.MaxLength.Should().Be(L($"SELECT max(length({id}))::BIGINT FROM {relation}"));
                column.Strings.TotalLength.Should().Be(L($"SELECT sum(length({id}))::BIGINT FROM {relation}"));
                column.Quantiles.Should().BeNull();
                continue;
            }

            // Numeric and temporal: moments in the numeric form (integers as is, dates as Unix microseconds).
            var numeric = column.Kind == ColumnKind.Integer ? $"{id}::DOUBLE" : $"epoch_us({id}::TIMESTAMP)::DOUBLE";
            column.Mean!.Value.Should().BeApproximately(D($"SELECT avg({numeric}) FROM {relation}"), Math.Abs(column.Mean.Value) * 1e-12 + 1e-9, because);
            column.StandardDeviation!.Value.Should().BeApproximately(D($"SELECT stddev_samp({numeric}) FROM {relation}"), column.StandardDeviation.Value * 1e-9 + 1e-9, because);
            column.Histogram!.Sum(b => b.Count).Should().Be(column.NonNullCount, because);

            // p50 holds the rank of DuckDB's quantile_disc within the KLL rank error.
            var p50 = column.Quantiles!["p50"];
            var below = D($"SELECT avg(({numeric} < {ValueFormat.Number(p50)})::INT) FROM {relation} WHERE {id} IS NOT NULL");
            var atOrBelow = D($"SELECT avg(({numeric} <= {ValueFormat.Number(p50)})::INT) FROM {relation} WHERE {id} IS NOT NULL");
            below.Should().BeLessThanOrEqualTo(0.5 + 0.02, because);
            atOrBelow.Should().BeGreaterThanOrEqualTo(0.5 - 0.02, because);
            var disc = S($"SELECT quantile_disc({id}, 0.5)::VARCHAR FROM {relation}");
            column.FormatNumber(p50).Replace('T', ' ').Should().StartWith(disc!, $"{because}: few distinct values, so the sketch holds them all and the median is exact");
        }
    }

    [Fact]
    public async Task Profiling_partitions_separately_and_merging_gives_the_tree_profile_byte_for_byte()
    {
        var root = WriteTree(_db, _temp.Combine("orders"));
        var files = DatasetResolver.ListLocal(DatasetRef.Parse(root));
        var tree = await ParquetProfiler.ProfileAsync(files, cancellationToken: Ct);

        // One profile per leaf partition directory, merged in the tree's file order.
        var merged = new DatasetProfile();
        foreach (var file in files)
            merged.Merge(await ParquetProfiler.ProfileAsync(DatasetResolver.ListLocal(DatasetRef.Parse(Path.GetDirectoryName(file)!)), cancellationToken: Ct));
        ProfileJson.Serialize(merged).Should().Be(ProfileJson.Serialize(tree));

        // Profiles of whole day partitions (several files each) agree on every exact metric.
        var byDay = DatasetProfile.Merge(await Task.WhenAll(Directory.GetDirectories(root).Order(StringComparer.Ordinal)
            .Select(d => ParquetProfiler.ProfileAsync(DatasetResolver.ListLocal(DatasetRef.Parse(d)), cancellationToken: Ct))));
        foreach (var column in tree.Columns.Where(c => c.Partition))
        {
            var other = byDay.Column(column.Path)!;
            (other.Kind, other.NullCount, other.Min, other.Max, other.TopKSketch.Total)
                .Should().Be((column.Kind, column.NullCount, column.Min, column.Max, column.TopKSketch.Total), column.Path);
            if (column.Mean is { } mean) other.Mean!.Value.Should().BeApproximately(mean, Math.Abs(mean) * 1e-12, column.Path);
            other.DistinctSketch.Registers.Should().Equal(column.DistinctSketch.Registers);
        }
    }

    [Fact]
    public async Task A_partition_seen_only_as_null_takes_the_type_of_the_others_when_merged()
    {
        var root = _temp.Combine("nulls");
        foreach (var (dir, rows) in new[] { ("ds=__HIVE_DEFAULT_PARTITION__", 3), ("ds=2024-03-01", 5) })
        {
            Directory.CreateDirectory(Path.Combine(root, dir));
            _db.Execute($"COPY (SELECT range AS v FROM range({rows})) TO {SqlText.Literal(Path.Combine(root, dir, "p.parquet"))} (FORMAT parquet)");
        }
        var nullFile = Path.Combine(root, "ds=__HIVE_DEFAULT_PARTITION__", "p.parquet");
        var dateFile = Path.Combine(root, "ds=2024-03-01", "p.parquet");
        (await ParquetProfiler.ProfileFileAsync(nullFile, cancellationToken: Ct)).Column("ds")!.Kind.Should().Be(ColumnKind.String, "alone, DuckDB types it VARCHAR");

        var together = await ParquetProfiler.ProfileAsync([nullFile, dateFile], cancellationToken: Ct);
        var merged = await ParquetProfiler.ProfileFileAsync(nullFile, cancellationToken: Ct);
        merged.Merge(await ParquetProfiler.ProfileFileAsync(dateFile, cancellationToken: Ct));

        together.Column("ds")!.Kind.Should().Be(ColumnKind.Date);
        ProfileJson.Serialize(merged).Should().Be(ProfileJson.Serialize(together));
    }

    [Fact]
    public async Task A_stored_column_named_like_a_partition_key_is_replaced_in_place_as_in_duckdb()
    {
        var root = _temp.Combine("override");
        foreach (var value in new[] { "eu", "us" })
        {
            Directory.CreateDirectory(Path.Combine(root, $"REGION={value}"));
            _db.Execute($"COPY (SELECT 1 AS id, 'stored' AS region, 2.5 AS amount) TO {SqlText.Literal(Path.Combine(root, $"REGION={value}", "p.parquet"))} (FORMAT parquet)");
        }
        var files = DatasetResolver.ListLocal(DatasetRef.Parse(root));
        var relation = Relation(files);
        var profile = await ParquetProfiler.ProfileAsync(files, cancellationToken: Ct);

        var duckColumns = global::DataQuality.Core.Checks.Planning.DatasetSchema.Describe(_db, relation).Columns.Select(c => c.Name);
        profile.Columns.Select(c => c.Path).Should().Equal(duckColumns).And.Equal("id", "region", "amount");
        var region = profile.Column("region")!;
        region.Partition.Should().BeTrue();
        (region.Min, region.Max).Should().Be(((string)_db.Scalar($"SELECT min(region) FROM {relation}")!, (string)_db.Scalar($"SELECT max(region) FROM {relation}")!));
        region.Min.Should().Be("eu");
    }

    [Fact]
    public async Task Columns_option_selects_a_partition_column_and_json_marks_it()
    {
        var files = DatasetResolver.ListLocal(DatasetRef.Parse(WriteTree(_db, _temp.Combine("orders"))));
        var profile = await ParquetProfiler.ProfileAsync(files, new ProfileOptions { Columns = ["ds", "amount"] }, cancellationToken: Ct);
        profile.Columns.Select(c => c.Path).Should().Equal("ds", "amount");

        var json = ProfileJson.Serialize(profile);
        json.Should().Contain("\"partition\": true").And.Contain("\"formatVersion\": 1");
        System.Text.RegularExpressions.Regex.Matches(json, "\"partition\": true").Count.Should().Be(1, "file columns carry no partition flag");
        var back = ProfileJson.Deserialize(json);
        back.Column("ds")!.Partition.Should().BeTrue();
        back.Column("amount")!.Partition.Should().BeFalse();
        ProfileJson.Serialize(back).Should().Be(json);

        // A profile written before partition columns existed still loads.
        var old = ProfileJson.Deserialize(json.Replace("\"partition\": true,", "", StringComparison.Ordinal));
        old.Column("ds")!.Partition.Should().BeFalse();

        var plain = await ParquetProfiler.ProfileAsync(files, new ProfileOptions { HivePartitioning = false }, cancellationToken: Ct);
        plain.Columns.Should().NotContain(c => c.Partition);
        plain.Columns.Select(c => c.Path).Should().Equal("amount", "note");
    }
}
