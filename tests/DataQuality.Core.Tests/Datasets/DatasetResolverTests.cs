using DataQuality.Core.Datasets;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Tests.TestSupport;

namespace DataQuality.Core.Tests.Datasets;

public sealed class DatasetResolverTests
{
    [Fact]
    public async Task Hive_partitioned_tree_exposes_partition_column_and_unions_schemas_by_name()
    {
        using var dir = new TempDirectory();
        using var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });
        Directory.CreateDirectory(dir.Combine("orders", "ds=2026-02-10"));
        Directory.CreateDirectory(dir.Combine("orders", "ds=2026-02-11"));
        db.Execute($"COPY (SELECT 1 AS id) TO {SqlText.Literal(dir.Combine("orders", "ds=2026-02-10", "part-0.parquet"))} (FORMAT parquet)");
        db.Execute($"COPY (SELECT 2 AS id, 'x' AS note) TO {SqlText.Literal(dir.Combine("orders", "ds=2026-02-11", "part-0.parquet"))} (FORMAT parquet)");
        File.WriteAllText(dir.Combine("orders", "_SUCCESS"), "");

        var resolved = await DatasetResolver.LocalOnly.ResolveAsync(DatasetRef.Parse(dir.Combine("orders")), TestContext.Current.CancellationToken);

        resolved.Files.Should().HaveCount(2);
        var rows = db.Scalar($"SELECT string_agg(id || ':' || coalesce(note, '-') || ':' || ds, ',' ORDER BY id) FROM {resolved.ToRelationSql()}");
        rows.Should().Be("1:-:2026-02-10,2:x:2026-02-11");
    }

    [Fact]
    public async Task Glob_matches_across_directories()
    {
        using var dir = new TempDirectory();
        using var db = DuckDbSession.Open();
        Directory.CreateDirectory(dir.Combine("a", "b"));
        db.Execute($"COPY (SELECT 1 AS id) TO {SqlText.Literal(dir.Combine("a", "one.parquet"))} (FORMAT parquet)");
        db.Execute($"COPY (SELECT 2 AS id) TO {SqlText.Literal(dir.Combine("a", "b", "two.parquet"))} (FORMAT parquet)");

        var all = await DatasetResolver.LocalOnly.ResolveAsync(DatasetRef.Parse(dir.Combine("a", "**", "*.parquet")), TestContext.Current.CancellationToken);
        var top = await DatasetResolver.LocalOnly.ResolveAsync(DatasetRef.Parse(dir.Combine("a", "*.parquet")), TestContext.Current.CancellationToken);

        all.Files.Select(Path.GetFileName).Should().BeEquivalentTo("one.parquet", "two.parquet");
        top.Files.Select(Path.GetFileName).Should().BeEquivalentTo("one.parquet");
    }

    [Fact]
    public async Task Csv_and_ndjson_read_through_duckdb_readers()
    {
        using var dir = new TempDirectory();
        using var db = DuckDbSession.Open();
        File.WriteAllText(dir.Combine("x.csv"), "id,name\n1,a\n2,b\n");
        File.WriteAllText(dir.Combine("x.ndjson"), "{\"id\":1}\n{\"id\":5}\n");

        var csv = await DatasetResolver.LocalOnly.ResolveAsync(DatasetRef.Parse(dir.Combine("x.csv")), TestContext.Current.CancellationToken);
        var json = await DatasetResolver.LocalOnly.ResolveAsync(DatasetRef.Parse(dir.Combine("x.ndjson")), TestContext.Current.CancellationToken);

        db.Scalar($"SELECT sum(id)::BIGINT FROM {csv.ToRelationSql()}").Should().Be(3L);
        db.Scalar($"SELECT sum(id)::BIGINT FROM {json.ToRelationSql()}").Should().Be(6L);
    }

    [Fact]
    public async Task Missing_location_is_a_typed_input_error_naming_the_path()
    {
        var act = () => DatasetResolver.LocalOnly.ResolveAsync(DatasetRef.Parse("/nope/orders.parquet"), TestContext.Current.CancellationToken);

        var error = (await act.Should().ThrowAsync<InputException>()).Which;
        error.Code.Should().Be("DQ2002");
        error.ToDiagnosticString().Should().Contain("/nope/orders.parquet");
        error.ExitCode.Should().Be(ExitCodes.UsageOrInputError);
    }

    [Fact]
    public async Task Directory_without_matching_files_is_an_error_not_an_empty_dataset()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.Combine("readme.txt"), "no data");

        var act = () => DatasetResolver.LocalOnly.ResolveAsync(DatasetRef.Parse(dir.Path), TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<InputException>()).Which.Code.Should().Be("DQ2003");
    }

    [Fact]
    public void Duckdb_session_does_not_install_extensions_and_honours_thread_count()
    {
        using var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });

        db.Scalar("SELECT current_setting('autoinstall_known_extensions')").Should().Be(false);
        db.Scalar("SELECT current_setting('threads')").Should().Be(1L);
    }
}
