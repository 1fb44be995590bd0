using Parquet.Serialization;
using Parquet.Serialization.Attributes;
using DataQuality.Core.Comparison;
using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Tests.Comparison;

public sealed class TreeComparisonTests
{
    private const string Day1 = "silver/orders/ds=2026-01-01/part-0.parquet";
    private const string Day2 = "silver/orders/ds=2026-01-02/part-0.parquet";

    [Fact]
    public async Task Byte_identical_trees_take_the_fast_path_with_counts_from_footers()
    {
        using var f = new ComparisonFixture();
        f.Base.Write(Day1, ComparisonFixture.Orders).Write(Day2, ComparisonFixture.Orders);
        f.Head.CopyFrom(f.Base, Day1).CopyFrom(f.Base, Day2);

        var e = (await f.CompareAsync(ComparisonFixture.Keyed("orders", "id"))).Entities.Single();

        e.IdenticalFiles.Should().BeTrue();
        e.Partitions.Select(p => (p.Partition, p.Status, p.BaseRows, p.HeadRows)).Should().Equal(
            ("ds=2026-01-01", PartitionStatus.Identical, 10L, 10L), ("ds=2026-01-02", PartitionStatus.Identical, 10L, 10L));
        e.Keyed!.Identical.Should().Be(20);
        e.Keyed.IdenticalInSkippedPartitions.Should().Be(20);
        e.Profile.Should().BeEmpty("identical files need no profile comparison");

        var keyless = (await f.CompareAsync()).Entities.Single().Keyed!;
        (keyless.KeyColumns.Count, keyless.Identical, keyless.DifferingRows).Should().Be((0, 20L, 0L));
    }

    [Fact]
    public async Task Identical_partitions_are_skipped_and_counted_as_identical_rows()
    {
        using var f = new ComparisonFixture();
        f.Base.Write(Day1, ComparisonFixture.Orders).Write(Day2, ComparisonFixture.Orders);
        f.Head.CopyFrom(f.Base, Day1).Write(Day2, ComparisonFixture.ChangedOrders);

        var e = (await f.CompareAsync(ComparisonFixture.Keyed("orders", "ds", "id"))).Entities.Single();

        e.Partitions.Select(p => p.Status).Should().Equal(PartitionStatus.Identical, PartitionStatus.Differs);
        var k = e.Keyed!;
        k.IdenticalInSkippedPartitions.Should().Be(10);
        (k.Added, k.Removed, k.Changed, k.Identical).Should().Be((1L, 1L, 4L, 15L));
        k.BaseKeys.Rows.Should().Be(20);
    }

    [Fact]
    public async Task Same_rows_in_a_rewritten_file_are_identical_by_hash()
    {
        using var f = new ComparisonFixture();
        f.Base.Write(Day1, ComparisonFixture.Orders);
        f.Head.Write(Day1, ComparisonFixture.Orders + " ORDER BY id DESC");

        var e = (await f.CompareAsync(ComparisonFixture.Keyed("orders", "id"))).Entities.Single();

        e.IdenticalFiles.Should().BeFalse();
        e.Keyed!.Identical.Should().Be(10);
        e.Keyed.DifferingRows.Should().Be(0);
    }

    [Fact]
    public async Task Partitions_and_entities_added_or_removed_are_reported_with_row_counts()
    {
        using var f = new ComparisonFixture();
        f.Base.Write(Day1, ComparisonFixture.Orders).Write("silver/legacy/ds=2026-01-01/p.parquet", "SELECT 1 AS x");
        f.Head.CopyFrom(f.Base, Day1).Write(Day2, "SELECT * FROM (" + ComparisonFixture.Orders + ") LIMIT 4")
            .Write("gold/totals/ds=2026-01-01/p.parquet", "SELECT 1 AS total UNION ALL SELECT 2");

        var report = await f.CompareAsync();

        report.Entities.Select(e => (e.Name, e.Presence)).Should().Equal(
            ("gold/totals", Presence.Added), ("silver/legacy", Presence.Removed), ("silver/orders", Presence.Both));
        report.Entities[0].RowCounts.Should().Be(new RowCountComparison(0, 2));
        report.Entities[0].Columns.Select(c => (c.Name, c.BaseType, c.HeadType)).Should().Equal(("ds", null, "DATE"), ("total", null, "INTEGER"));
        report.Entities[1].RowCounts.Should().Be(new RowCountComparison(1, 0));
        var orders = report.Entities[2];
        orders.RowCounts.Should().Be(new RowCountComparison(10, 14));
        orders.RowCounts.DeltaPercent.Should().BeApproximately(40, 1e-9);
        orders.Partitions[1].Should().Be(new PartitionComparison("ds=2026-01-02", PartitionStatus.Added, 0, 4, 0, 1));
        orders.Keyed!.Added.Should().Be(4, "keyless comparison counts the new partition's rows as added");
    }

    [Fact]
    public async Task Schema_diff_reports_added_removed_type_and_nullability_changes()
    {
        using var f = new ComparisonFixture();
        var baseFile = Path.Combine(f.Base.Root, Day1);
        f.Base.Write(Day1, "SELECT 1::INTEGER AS id, 'a' AS gone, 1.5::FLOAT AS price, 'x' AS note");
        f.Head.Write(Day1, "SELECT 1::INTEGER AS id, 1.5::DOUBLE AS price, 'x' AS note, true AS fresh");
        // DuckDB writes every column OPTIONAL; Parquet.Net writes a REQUIRED one, which is how nullability changes show up.
        await ParquetSerializer.SerializeAsync([new HeadRow { id = 1, price = 1.5, note = "x", fresh = true }], Path.Combine(f.Head.Root, Day1),
            cancellationToken: TestContext.Current.CancellationToken);

        var e = (await f.CompareAsync()).Entities.Single();

        e.SchemaChanges.Should().Equal(
            new ColumnSchemaChange("fresh", SchemaChangeKind.ColumnAdded, null, "BOOLEAN"),
            new ColumnSchemaChange("gone", SchemaChangeKind.ColumnRemoved, "VARCHAR", null),
            new ColumnSchemaChange("note", SchemaChangeKind.NullabilityChanged, "nullable", "required"),
            new ColumnSchemaChange("price", SchemaChangeKind.TypeChanged, "FLOAT", "DOUBLE"));
        File.Exists(baseFile).Should().BeTrue();
    }

    [Fact]
    public async Task Custom_layout_with_schema_version_reports_the_version_change()
    {
        using var f = new ComparisonFixture();
        f.Base.Write("silver/v1/orders/ds=2026-01-01/p.parquet", ComparisonFixture.Orders);
        f.Head.Write("silver/v2/orders/ds=2026-01-01/p.parquet", ComparisonFixture.Orders);
        var options = new ComparisonOptions { Layout = TreeLayout.Parse("{layer}/v{schema}/{entity}/ds={ds}/*.parquet"), Thresholds = new() { FailOnSchemaChange = true } };

        var report = await f.CompareAsync(options);

        var e = report.Entities.Single();
        (e.BaseSchemaVersions.Single(), e.HeadSchemaVersions.Single()).Should().Be(("1", "2"));
        e.IdenticalFiles.Should().BeFalse();
        e.Keyed!.Identical.Should().Be(10);
        report.Verdict.Passed.Should().BeFalse();
        report.Verdict.Breaches.Single().Observed.Should().Be("schema version 1 -> 2");
    }

    [Fact]
    public async Task Profiles_compare_counts_nulls_distinct_min_max_mean_and_top_values()
    {
        using var f = new ComparisonFixture();
        f.Base.Write(Day1, ComparisonFixture.Orders);
        f.Head.Write(Day1, ComparisonFixture.ChangedOrders);

        var e = (await f.CompareAsync()).Entities.Single();

        var name = e.Profile.Single(p => p.Column == "name");
        name.Base.Should().BeEquivalentTo(new { Count = 10L, Nulls = 0L, Min = "n1", Max = "n9" });
        name.Head.Should().BeEquivalentTo(new { Count = 9L, Nulls = 1L, Min = "n1", Max = "renamed" });
        var amount = e.Profile.Single(p => p.Column == "amount");
        amount.Base!.Mean.Should().BeApproximately(8.25, 1e-9);
        amount.Base.TopValues.Should().HaveCount(3).And.OnlyContain(t => t.Count == 1);
        e.Profile.Single(p => p.Column == "id").Head!.TopValues.Should().HaveCount(3);
        var cat = e.Profile.Single(p => p.Column == "cat");
        cat.Base!.TopValues.Should().Equal(new TopValue("b", 7), new TopValue("a", 3));
        cat.Base.DistinctApprox.Should().Be(2);
    }

    [Fact]
    public async Task Manifests_are_compared_by_path()
    {
        using var f = new ComparisonFixture();
        f.Base.Write(Day1, ComparisonFixture.Orders)
            .WriteText("silver/orders/ds=2026-01-01/manifest.json", """{"layer":"silver","entity":"orders","record_count":10,"model_versions":{"clean":"1.0","enrich":"2.1"}}""")
            .WriteText("silver/old/manifest.json", """{"layer":"silver","entity":"old","record_count":3}""");
        f.Head.Write(Day1, ComparisonFixture.Orders)
            .WriteText("silver/orders/ds=2026-01-01/manifest.json", """{"layer":"silver","entity":"orders","record_count":12,"model_versions":{"clean":"1.0","enrich":"2.2","score":"0.1"}}""");

        var report = await f.CompareAsync();

        report.Manifests.Should().HaveCount(2);
        report.Manifests[0].Should().BeEquivalentTo(new { Path = "silver/old/manifest.json", Presence = Presence.Removed, BaseRecordCount = 3L, HeadRecordCount = (long?)null });
        var m = report.Manifests[1];
        (m.Layer, m.Entity, m.BaseRecordCount, m.HeadRecordCount).Should().Be(("silver", "orders", 10L, 12L));
        m.ModelVersionChanges.Should().Equal(new ValueChange("enrich", "2.1", "2.2"), new ValueChange("score", null, "0.1"));
        report.UnmatchedFiles.Should().BeEmpty();
    }

    [Fact]
    public async Task Thresholds_decide_the_verdict()
    {
        using var f = new ComparisonFixture();
        f.Base.Write(Day1, ComparisonFixture.Orders);
        f.Head.Write(Day1, ComparisonFixture.ChangedOrders + " UNION ALL SELECT 12, 'x', 1.0, 'a'");
        var options = ComparisonFixture.Keyed("orders", "id") with
        {
            Thresholds = new ComparisonThresholds { MaxChangedRows = 5, MaxRowCountDeltaPercent = 5 },
        };

        var report = await f.CompareAsync(options);

        report.Verdict.Passed.Should().BeFalse();
        report.Verdict.ExitCode.Should().Be(1);
        report.Verdict.Breaches.Should().Equal(
            new ThresholdBreach("silver/orders", "max-row-count-delta-pct", "10%", "5%"),
            new ThresholdBreach("silver/orders", "max-changed-rows", "7", "5"));

        var lenient = await f.CompareAsync(options with { Thresholds = new ComparisonThresholds { MaxChangedRows = 7, MaxRowCountDeltaPercent = 10 } });
        lenient.Verdict.Passed.Should().BeTrue();
    }

    [Fact]
    public async Task Csv_trees_are_compared_through_a_csv_layout()
    {
        using var f = new ComparisonFixture();
        f.Base.WriteText("orders/part-0.csv", "id,qty\n1,10\n2,20\n3,30\n");
        f.Head.WriteText("orders/part-0.csv", "id,qty\n1,10\n2,25\n4,40\n");
        var options = ComparisonFixture.Keyed("orders", "id") with { Layout = TreeLayout.Parse("{entity}/*.csv") };

        var e = (await f.CompareAsync(options)).Entities.Single();

        e.RowCounts.Should().Be(new RowCountComparison(3, 3));
        e.Columns.Select(c => (c.Name, c.BaseNullable)).Should().Equal(("id", null), ("qty", null));
        (e.Keyed!.Added, e.Keyed.Removed, e.Keyed.Changed, e.Keyed.Identical).Should().Be((1L, 1L, 1L, 1L));
        e.Keyed.Samples.Changed.Single().Changes.Should().Equal(new ValueChange("qty", "20", "25"));
    }

    [Fact]
    public async Task Input_errors_carry_DQ6xxx_codes()
    {
        using var f = new ComparisonFixture();
        f.Base.Write(Day1, ComparisonFixture.Orders);
        f.Head.Write(Day1, ComparisonFixture.Orders + " ORDER BY id DESC");

        (await Code(() => f.CompareAsync(ComparisonFixture.Keyed("orders", "nope")))).Should().Be("DQ6010");
        (await Code(() => f.CompareAsync(ComparisonFixture.Keyed("customers", "id")))).Should().Be("DQ6012");
        (await Code(() => f.CompareAsync(new ComparisonOptions { AbsoluteTolerance = new Dictionary<string, double> { ["name"] = 1 } }))).Should().Be("DQ6011");
        (await Code(() => f.CompareAsync(new ComparisonOptions { Layout = TreeLayout.Parse("{entity}/*.csv") }))).Should().Be("DQ6003");
        (await Code(() => new TreeComparer().CompareAsync(Path.Combine(f.Base.Root, "missing"), f.Head.Root, new ComparisonOptions(), TestContext.Current.CancellationToken))).Should().Be("DQ6002");
        (await Code(() => new TreeComparer().CompareAsync("s3://bucket/base", f.Head.Root, new ComparisonOptions(), TestContext.Current.CancellationToken))).Should().Be("DQ6004");
        f.Head.WriteText("silver/orders/manifest.json", "{ not json");
        (await Code(() => f.CompareAsync())).Should().Be("DQ6020");
    }

    private static async Task<string> Code(Func<Task> act)
    {
        var ex = await act.Should().ThrowAsync<InputException>();
        return ex.Which.Code;
    }

#pragma warning disable IDE1006, SA1300 // Parquet column names are lower case on purpose.
    private sealed class HeadRow
    {
        public int? id { get; set; }
        public double? price { get; set; }
        [ParquetRequired] public string note { get; set; } = "";
        public bool? fresh { get; set; }
    }
#pragma warning restore IDE1006, SA1300
}
