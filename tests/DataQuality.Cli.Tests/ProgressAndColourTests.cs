using DataQuality.Cli.Presentation;
using DataQuality.Cli.Tests.TestSupport;
using DataQuality.Core;
using DataQuality.Core.Datasets;
using DataQuality.Core.Progress;

namespace DataQuality.Cli.Tests;

/// <summary>
/// Progress goes to standard error, one plain line per stage when it is not a terminal (CliRunner's writers
/// are not), never to standard output; <c>--quiet</c> silences it; redirected output carries no colour.
/// </summary>
public sealed class ProgressAndColourTests : IDisposable
{
    private const char Escape = '\u001b';
    private readonly TempDirectory _dir = new();
    private readonly string _data;
    private readonly string _suite;

    public ProgressAndColourTests()
    {
        _data = _dir.Combine("orders.parquet");
        using var db = DuckDbSession.Open();
        db.Execute($"COPY (SELECT i AS order_id, CASE WHEN i % 2 = 0 THEN 'open' ELSE 'closed' END AS status FROM range(1, 101) r(i)) TO {SqlText.Literal(_data)} (FORMAT parquet)");
        _suite = _dir.Write("suite.json", """
            {"name": "orders", "expectations": [
              {"type": "expect_column_values_to_not_be_null", "column": "order_id"},
              {"type": "expect_column_values_to_be_in_set", "column": "status", "value_set": ["open"]}
            ]}
            """);
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Validate_prints_one_plain_line_per_stage_on_stderr_and_only_the_report_on_stdout()
    {
        var run = await CliRunner.RunAsync("validate", "--suite", _suite, "--data", _data);
        var quiet = await CliRunner.RunAsync("validate", "--suite", _suite, "--data", _data, "--quiet");

        run.ExitCode.Should().Be(ExitCodes.ChecksFailed, run.Error);
        run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "dq validate: resolving data (1 datasets)",
            "dq validate: running checks (2 checks)");
        run.Out.Should().Be(quiet.Out, "progress never goes to standard output");
        run.Out.Should().Contain("  FAIL  status").And.Contain("  PASS  order_id");
        (run.Out + run.Error).Should().NotContain(Escape.ToString(), "neither stream is a terminal");
        quiet.ExitCode.Should().Be(ExitCodes.ChecksFailed);
        quiet.Error.Should().BeEmpty("--quiet turns progress off");
    }

    [Fact]
    public async Task Compare_reports_the_entities_stage_on_stderr_and_quiet_silences_it()
    {
        using var t = CompareTrees.Orders();

        var run = await CliRunner.RunAsync("compare", "--base", t.Base, "--head", t.Head, "--key", "orders=id");
        var quiet = await CliRunner.RunAsync("compare", "--base", t.Base, "--head", t.Head, "--key", "orders=id", "-q");

        run.ExitCode.Should().Be(ExitCodes.Passed, run.Error);
        run.Error.Should().MatchRegex(@"^dq compare: comparing entities \(\d+ entities\)\r?\n$");
        run.Out.Should().Be(quiet.Out);
        run.Out.Should().NotContain("comparing entities").And.NotContain(Escape.ToString());
        quiet.Error.Should().BeEmpty();
    }

    [Fact]
    public async Task Profile_uses_the_same_progress_and_quiet_silences_it()
    {
        var run = await CliRunner.RunAsync("profile", _data, "--format", "json");
        var quiet = await CliRunner.RunAsync("profile", _data, "--format", "json", "--quiet");

        run.ExitCode.Should().Be(ExitCodes.Passed, run.Error);
        run.Error.Should().MatchRegex(@"^dq profile: profiling \(100 rows\)\r?\n$");
        run.Out.Should().StartWith("{").And.NotContain("profiling (");
        quiet.Error.Should().BeEmpty();
    }

    [Fact]
    public async Task Suggest_profiles_with_the_same_progress_threads_and_quiet()
    {
        var run = await CliRunner.RunAsync("suggest", _data, "--threads", "1");
        var quiet = await CliRunner.RunAsync("suggest", _data, "--threads", "2", "-q");
        var badThreads = await CliRunner.RunAsync("suggest", _data, "--threads", "0");

        run.ExitCode.Should().Be(ExitCodes.Passed, run.Error);
        run.Error.Should().MatchRegex(@"^dq suggest: profiling \(100 rows\)\r?\n$");
        run.Out.Should().Contain("kind: DataContract").And.NotContain("profiling (");
        quiet.Error.Should().BeEmpty();
        quiet.Out.Should().Be(run.Out, "the thread count changes nothing in the draft");
        badThreads.ExitCode.Should().Be(ExitCodes.UsageOrInputError);
        badThreads.Error.Should().Contain("--threads").And.NotContain("   at ");
    }

    [Fact]
    public async Task Validate_with_a_contract_reports_the_same_stages_and_quiet_silences_it()
    {
        var contract = _dir.Write("orders.odcs.yaml", """
            apiVersion: v3.1.0
            kind: DataContract
            id: orders
            version: 1.0.0
            status: active
            servers:
              - server: local
                type: local
                format: parquet
                path: ./orders.parquet
            schema:
              - name: orders
                properties:
                  - name: order_id
                    logicalType: integer
                    required: true
                  - name: status
                    logicalType: string
                    logicalTypeOptions:
                      enum: [open]
            """);

        var run = await CliRunner.RunAsync("validate", "--contract", contract);
        var quiet = await CliRunner.RunAsync("validate", "--contract", contract, "-q");
        var dryRun = await CliRunner.RunAsync("validate", "--contract", contract, "--dry-run");

        run.ExitCode.Should().Be(ExitCodes.ChecksFailed, run.Error);
        run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "dq validate: resolving data (1 datasets)",
            "dq validate: running checks (6 checks)");
        run.Out.Should().Be(quiet.Out, "progress never goes to standard output");
        quiet.Error.Should().BeEmpty();
        dryRun.Error.Should().BeEmpty("a dry run reads no data");
    }

    [Fact]
    public async Task Storage_sync_reports_the_bytes_it_has_to_copy_and_quiet_silences_it()
    {
        var source = _dir.Combine("tree");
        Directory.CreateDirectory(source);
        File.Copy(_data, Path.Combine(source, "orders.parquet"));
        var size = new FileInfo(_data).Length;

        var run = await CliRunner.RunAsync("storage", "sync", source, _dir.Combine("copy"));
        var quiet = await CliRunner.RunAsync("storage", "sync", source, _dir.Combine("copy-2"), "--quiet");

        run.ExitCode.Should().Be(ExitCodes.Passed, run.Error);
        run.Error.Should().Be($"dq storage sync: copying ({size:N0} bytes){Environment.NewLine}");
        run.Out.Should().StartWith("copied 1 (");
        quiet.ExitCode.Should().Be(ExitCodes.Passed, quiet.Error);
        quiet.Error.Should().BeEmpty();
        File.Exists(_dir.Combine("copy-2", "orders.parquet")).Should().BeTrue();
    }

    [Theory]
    [InlineData(true, null, true)]
    [InlineData(true, "", true)]
    [InlineData(true, "1", false)]
    [InlineData(false, null, false)]
    public void Colour_only_on_a_terminal_without_NO_COLOR(bool terminal, string? noColor, bool expected) =>
        Terminal.ColourAllowed(terminal, noColor).Should().Be(expected);

    [Fact]
    public void Status_badges_are_coloured_and_the_rest_of_the_report_is_unchanged()
    {
        const string report = "orders on data\n  PASS  a\n  FAIL  b  — FAIL of 3\n  WARN  c\n  ERROR d\n  2 checks: 1 passed, 0 warned, 1 failed, 0 errors\n";

        var coloured = StatusColour.Apply(report);

        coloured.Should().Contain("  \u001b[32mPASS\u001b[0m  a").And.Contain("  \u001b[31mFAIL\u001b[0m  b  — FAIL of 3")
            .And.Contain("  \u001b[33mWARN\u001b[0m  c").And.Contain("  \u001b[31mERROR\u001b[0m d");
        coloured.Replace("\u001b[32m", "").Replace("\u001b[31m", "").Replace("\u001b[33m", "").Replace("\u001b[0m", "").Should().Be(report);
    }

    [Fact]
    public void Live_line_shows_done_total_and_rate()
    {
        ProgressReporter.Describe(new WorkProgress("comparing entities", 30, 120, "entities"), TimeSpan.FromSeconds(10))
            .Should().Be("comparing entities: 30/120 entities, 3.0/s");
    }
}
