using DataQuality.Core;
using DataQuality.Core.Datasets;
using DataQuality.Core.Profiling;

namespace DataQuality.Cli.Tests;

public sealed class ProfileCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "dq-cli-tests", Guid.NewGuid().ToString("N"));

    public ProfileCommandTests()
    {
        Directory.CreateDirectory(_dir);
        using var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });
        foreach (var (name, offset) in new[] { ("part-0.parquet", 0), ("part-1.parquet", 1000) })
            db.Execute($"""
                COPY (SELECT (i + {offset})::BIGINT AS id,
                             ['new','paid','shipped'][1 + (i % 3)::INT] AS status,
                             CASE WHEN i % 4 = 0 THEN NULL ELSE i * 1.5 END AS amount
                      FROM range(1000) t(i))
                TO {SqlText.Literal(Path.Combine(_dir, name))} (FORMAT parquet)
                """);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private string File0 => Path.Combine(_dir, "part-0.parquet");

    [Fact]
    public async Task Table_output_lists_every_column_with_its_statistics()
    {
        var run = await CliRunner.RunAsync("profile", File0);

        run.ExitCode.Should().Be(ExitCodes.Passed, run.Error);
        run.Out.Should().Contain("1,000 rows, 3 columns, 1 file(s), 1 row group(s)");
        run.Out.Should().MatchRegex(@"\| id\s+\| integer\s+\| 0 \(0\.0 %\)");
        run.Out.Should().MatchRegex(@"\| amount\s+\| decimal\s+\| 250 \(25\.0 %\)");
        run.Out.Should().Contain("new (334)").And.Contain("status: length 3..7");
        run.Out.Should().NotContain("\u001b[", "redirected output carries no ANSI escapes");
    }

    [Fact]
    public async Task Json_output_is_a_versioned_profile_that_reads_back()
    {
        var run = await CliRunner.RunAsync("profile", Path.Combine(_dir, "*.parquet"), "--format", "json", "--columns", "amount,id");

        run.ExitCode.Should().Be(ExitCodes.Passed, run.Error);
        var profile = ProfileJson.Deserialize(run.Out);
        profile.RowCount.Should().Be(2000);
        profile.Files.Should().HaveCount(2);
        profile.Columns.Select(c => c.Path).Should().Equal("amount", "id");
        profile.Column("id")!.Max.Should().Be("1999");
        profile.Column("amount")!.NullCount.Should().Be(500);
    }

    [Fact]
    public async Task Markdown_output_is_a_github_table_and_the_old_out_flag_still_writes_the_json_with_a_warning()
    {
        var json = Path.Combine(_dir, "profile.json");
        var run = await CliRunner.RunAsync("profile", File0, "--format", "markdown", "--out", json);

        run.ExitCode.Should().Be(ExitCodes.Passed, run.Error);
        run.Out.Should().Contain("| column | kind | nulls |").And.Contain("|---|");
        run.Out.Should().MatchRegex(@"\| status \| string \| 0 \(0\.0 %\) \| ~3 \| new \| shipped \|");
        run.Error.Should().Contain("DQ0003").And.Contain("--out is deprecated; use --output");
        (await ProfileJson.ReadAsync(json, TestContext.Current.CancellationToken)).RowCount.Should().Be(1000);
    }

    [Fact]
    public async Task Output_writes_the_report_in_the_chosen_format_like_every_other_command()
    {
        var json = Path.Combine(_dir, "profile.json");
        var run = await CliRunner.RunAsync("profile", File0, "--format", "JSON", "--output", json);

        run.ExitCode.Should().Be(ExitCodes.Passed, run.Error);
        run.Out.Should().BeEmpty();
        run.Error.Should().NotContain("deprecated");
        (await ProfileJson.ReadAsync(json, TestContext.Current.CancellationToken)).RowCount.Should().Be(1000);

        var table = Path.Combine(_dir, "profile.txt");
        (await CliRunner.RunAsync("profile", File0, "-o", table)).ExitCode.Should().Be(ExitCodes.Passed);
        File.ReadAllText(table).Should().Contain("1,000 rows, 3 columns");
    }

    [Fact]
    public async Task An_unknown_format_lists_the_profile_formats()
    {
        var run = await CliRunner.RunAsync("profile", File0, "--format", "tabel");

        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError);
        run.Error.Should().Contain("DQ0002").And.Contain("table, json, markdown").And.Contain("did you mean 'table'?");
    }

    [Fact]
    public async Task Metadata_only_answers_from_statistics()
    {
        var run = await CliRunner.RunAsync("profile", File0, "--format", "json", "--metadata-only", "--columns", "id");

        run.ExitCode.Should().Be(ExitCodes.Passed, run.Error);
        var id = ProfileJson.Deserialize(run.Out).Column("id")!;
        (id.Min, id.Max, id.MinMaxSource).Should().Be(("0", "999", "metadata"));

        var table = await CliRunner.RunAsync("profile", File0, "--metadata-only");
        table.Out.Should().MatchRegex(@"\| id\s+\| integer\s+\| 0 \(0\.0 %\)\s+\| n/a\s+\| 0\s+\| 999\s+\|", "undecoded columns claim no distinct count");
    }

    [Fact]
    public async Task Unknown_column_is_an_input_error_with_its_code()
    {
        var run = await CliRunner.RunAsync("profile", File0, "--columns", "nope");

        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError);
        run.Error.Should().Contain("error DQ5006").And.Contain("'nope'").And.NotContain("   at ");
    }

    [Fact]
    public async Task A_file_that_is_not_parquet_is_an_input_error_naming_it()
    {
        var bogus = Path.Combine(_dir, "bogus.parquet");
        await File.WriteAllTextAsync(bogus, "definitely not parquet", TestContext.Current.CancellationToken);

        var run = await CliRunner.RunAsync("profile", bogus);

        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError);
        run.Error.Should().Contain("bogus.parquet: error DQ5001").And.NotContain("   at ");
    }

    [Fact]
    public async Task Bad_format_value_is_a_usage_error()
    {
        var run = await CliRunner.RunAsync("profile", File0, "--format", "xml");

        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError);
        run.Error.Should().Contain("xml");
    }
}
