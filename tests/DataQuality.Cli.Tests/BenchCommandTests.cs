using System.Text.Json.Nodes;
using DataQuality.Cli.Tests.TestSupport;
using DataQuality.Core;

namespace DataQuality.Cli.Tests;

/// <summary>
/// <c>dq bench</c> on a real git repository with real worktrees, a real shell pipeline and real Parquet
/// (issue 11): the whole recipe in one command, and every guardrail at the level a user meets it.
/// </summary>
public sealed class BenchCommandTests
{
    [Fact]
    public async Task One_command_runs_both_branches_snapshots_compares_times_and_restores_the_partition_byte_for_byte()
    {
        using var repo = new BenchRepo();
        var before = BenchRepo.Fingerprint(repo.Outputs);

        var page = Path.Combine(repo.Root, "bench.html");
        var run = await CliRunner.RunAsync(repo.RunArgs("--repeat", "2", "--restore", "--hourly-rate", "3.20", "--format", "json", "--html", page));

        run.ExitCode.Should().Be(ExitCodes.Passed, run.Error);
        BenchRepo.Fingerprint(repo.Outputs).Should().Equal(before, "--restore puts the pre-benchmark partition back, and nothing else was touched");
        var json = JsonNode.Parse(run.Out)!;
        var id = json["benchId"]!.GetValue<string>();
        id.Should().MatchRegex(@"^\d{8}-\d{6}-default-2026-02-11$");
        json["context"]!["base"]!["branch"]!.GetValue<string>().Should().Be("main");
        json["context"]!["head"]!["commit"]!.GetValue<string>().Should().MatchRegex("^[0-9a-f]{40}$");
        var runs = json["runs"]!.AsArray();
        runs.Select(r => (r!["label"]!.GetValue<string>(), r["iteration"]!.GetValue<int>(), r["warmUp"]!.GetValue<bool>()))
            .Should().Equal(("base", 0, true), ("head", 0, true), ("base", 1, false), ("head", 1, false), ("base", 2, false), ("head", 2, false));
        runs.Should().OnlyContain(r => r!["exitCode"]!.GetValue<int>() == 0 && r["wallSeconds"]!.GetValue<double>() > 0);
        var runtime = json["runtime"]!;
        runtime["base"]!["runs"]!.GetValue<int>().Should().Be(2);
        runtime["base"]!["successRate"]!.GetValue<double>().Should().Be(1);
        runtime["head"]!["costPerRun"]!.GetValue<double>().Should().BeApproximately(runtime["head"]!["p50"]!.GetValue<double>() / 3600 * 3.2, 1e-6);
        runtime["ratioP50"]!.GetValue<double>().Should().BeGreaterThan(0);
        json["restore"]!["identical"]!.GetValue<bool>().Should().BeTrue();

        var orders = json["comparison"]!["entities"]!.AsArray().Single(e => e!["name"]!.GetValue<string>() == "silver/orders")!;
        orders.ToJsonString().Should().Contain("\"changed\":{\"rows\":10").And.Contain("\"removed\":{\"rows\":5");

        // The namespace holds the whole run: manifest, the three snapshots laid out as the outputs, logs and reports.
        var stored = BenchRepo.Fingerprint(Path.Combine(repo.Namespace, id)).Keys.ToList();
        stored.Should().Contain(["manifest.json", "result.json", "report.md", "runtime.svg",
            "pre-benchmark/silver/orders/ds=2026-02-11/part-0.parquet", "pre-benchmark/silver/orders/ds=2026-02-11/_SUCCESS",
            "base/silver/orders/ds=2026-02-11/part-0.parquet", "head/gold/summary/ds=2026-02-11/part-0.parquet", "logs/head-2.stderr.log"]);
        stored.Should().NotContain(k => k.Contains("bronze") || k.Contains("ds=2026-02-10"), "only the target partition of the chosen layers is snapshotted");
        File.ReadAllText(Path.Combine(repo.Namespace, id, "logs", "head-2.stderr.log")).Should().Contain("pipeline: writing 2026-02-11");
        File.ReadAllText(Path.Combine(repo.Namespace, id, "runtime.svg")).Should().StartWith("<svg").And.Contain("head p95");

        // --html writes the report page; dq report renders the same bench from its stored result.json.
        run.Error.Should().Contain($"HTML report: {page}");
        var report = Path.Combine(repo.Root, "out", "report.html");
        var rendered = await CliRunner.RunAsync("report", "--bench", Path.Combine(repo.Namespace, id, "result.json"), "--output", report);
        rendered.ExitCode.Should().Be(ExitCodes.Passed, rendered.Error);
        foreach (var html in new[] { File.ReadAllText(page), File.ReadAllText(report) })
        {
            html.Should().Contain("<section id=\"bench\">").And.Contain("<svg class=\"chart\"").And.Contain("head / base: p50 <b>")
                .And.Contain("bench runs passed").And.Contain("<section id=\"comparison\">").And.Contain("silver/orders").And.Contain("feature/x");
            html.Split("<tr data-status=\"passed\"").Should().HaveCount(7, "six runs, warm-ups included, all succeeded");
        }
    }

    [Fact]
    public async Task Markdown_report_list_show_compare_and_the_approval_snapshot_work_on_a_stored_bench()
    {
        using var repo = new BenchRepo();
        var snapshot = Path.Combine(repo.Root, "snapshots", "bench");

        var run = await CliRunner.RunAsync(repo.RunArgs("--snapshot", snapshot));

        run.ExitCode.Should().Be(ExitCodes.ChecksFailed, "a first snapshot has nothing verified yet: " + run.Error);
        run.Out.Should().Contain("## Runtime").And.Contain("| base | 1 | 1 |").And.Contain("## Comparison").And.Contain("silver/orders");
        run.Out.Should().Contain("fewer than 5 runs per branch");
        File.Exists(snapshot + ".received.md").Should().BeTrue();
        var received = File.ReadAllText(snapshot + ".received.md");
        received.Should().NotMatchRegex(@"\d+\.\d{3} s|\d{8}-\d{6}", "timings and ids vary from run to run and stay out of the approved snapshot");

        (await CliRunner.RunAsync("accept", snapshot + ".received.md")).ExitCode.Should().Be(ExitCodes.Passed);
        run.Error.Should().Contain("dq bench: base (main) ").And.Contain("purged").And.Contain("dq bench: comparing base and head snapshots");
        var second = await CliRunner.RunAsync(repo.RunArgs("--snapshot", snapshot, "--quiet"));
        second.ExitCode.Should().Be(ExitCodes.Passed, second.Error);
        second.Error.Should().NotContain("purged").And.NotContain("comparing", "--quiet silences the stage lines")
            .And.Contain("report.md", "where the report went is the result, not progress");

        var list = await CliRunner.RunAsync("bench", "list", "--namespace", repo.Namespace);
        list.ExitCode.Should().Be(ExitCodes.Passed, list.Error);
        var ids = list.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        ids.Should().HaveCount(2).And.OnlyContain(l => l.Contains("main -> feature/x") && l.Contains("[ds=2026-02-11]") && l.EndsWith("passed"));
        var id = ids[0].Split(' ')[0];

        var show = await CliRunner.RunAsync("bench", "show", id, "--namespace", repo.Namespace);
        show.ExitCode.Should().Be(ExitCodes.Passed, show.Error);
        show.Out.Should().StartWith($"# Bench {id}");

        var compare = await CliRunner.RunAsync("bench", "compare", id, "--namespace", repo.Namespace, "--key", "orders=order_id", "--max-changed-rows", "3");
        compare.ExitCode.Should().Be(ExitCodes.ChecksFailed, "15 changed + removed orders breach a limit of 3: " + compare.Error);

        var unknown = await CliRunner.RunAsync("bench", "show", "20990101-000000-nope-1", "--namespace", repo.Namespace);
        unknown.ExitCode.Should().Be(ExitCodes.UsageOrInputError);
        unknown.Error.Should().Contain("DQ6209");
    }

    [Fact]
    public async Task A_failing_pipeline_is_exit_1_with_its_stderr_in_the_report_and_restore_still_puts_the_partition_back()
    {
        using var repo = new BenchRepo();
        repo.Git("checkout", "-q", "feature/x");
        File.WriteAllText(Path.Combine(repo.Repo, "fail-me"), "");
        repo.Git("add", "fail-me");
        repo.Git("commit", "-q", "-m", "feature: breaks the pipeline");
        repo.Git("checkout", "-q", "main");
        var before = BenchRepo.Fingerprint(repo.Outputs);

        var run = await CliRunner.RunAsync(repo.RunArgs("--restore"));

        run.ExitCode.Should().Be(ExitCodes.ChecksFailed, run.Error);
        run.Out.Should().Contain("### head run 1 failed: exit 7").And.Contain("pipeline: the join exploded").And.Contain("Not compared");
        BenchRepo.Fingerprint(repo.Outputs).Should().Equal(before);
    }

    [Fact]
    public async Task A_branch_that_writes_nothing_into_the_partition_is_a_clear_error_and_the_partition_is_restored()
    {
        using var repo = new BenchRepo();
        var before = BenchRepo.Fingerprint(repo.Outputs);

        var args = repo.RunArgs("--restore").ToList();
        args[args.IndexOf("--run") + 1] = "sh pipeline.sh {outputs} 2026-01-01";

        var run = await CliRunner.RunAsync([.. args]);

        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError);
        run.Error.Should().Contain("DQ6207").And.Contain("base branch (main)").And.Contain("wrote nothing into [ds=2026-02-11]").And.NotContain("   at ");
        var after = BenchRepo.Fingerprint(repo.Outputs);
        after.Where(p => !p.Key.Contains("ds=2026-01-01")).Should().Equal(before, "the canonical partition is as the pre-benchmark snapshot had it");
    }

    [Theory]
    [InlineData("--env", "prod", "DQ6201", "refusing production without --allow-prod")]
    [InlineData("--env", "Production", "DQ6201", "--allow-prod")]
    [InlineData("--partition", "ds=today", "DQ6202", "moves with the clock")]
    [InlineData("--partition", "ds=$(date +%F)", "DQ6202", "moves with the clock")]
    [InlineData("--head", "feature/nope", "DQ6205", "--head feature/nope: no such branch")]
    [InlineData("--run", "sh pipeline.sh {outputs} {dss}", "DQ6200", "did you mean '{ds}'?")]
    [InlineData("--namespace", "OUTPUTS/bench", "DQ6210", "overlap")]
    public async Task Guardrails_refuse_before_anything_runs(string option, string value, string code, string message)
    {
        using var repo = new BenchRepo();
        var before = BenchRepo.Fingerprint(repo.Outputs);
        var args = repo.RunArgs().ToList();
        var at = args.IndexOf(option);
        value = value.Replace("OUTPUTS", repo.Outputs, StringComparison.Ordinal);
        if (at >= 0 && option != "--partition") args[at + 1] = value;
        else if (at >= 0) args[at + 1] = value;
        else args.AddRange([option, value]);

        var run = await CliRunner.RunAsync([.. args]);

        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError, run.Out);
        run.Error.Should().Contain(code).And.Contain(message).And.NotContain("   at ");
        BenchRepo.Fingerprint(repo.Outputs).Should().Equal(before);
        Directory.Exists(Path.Combine(repo.Repo, ".worktrees")).Should().BeFalse("nothing is checked out before the arguments and branches pass");
    }

    [Fact]
    public async Task Todays_date_as_the_partition_is_refused_as_a_floating_date()
    {
        using var repo = new BenchRepo();
        var args = repo.RunArgs().ToList();
        args[args.IndexOf("--partition") + 1] = $"ds={DateTime.UtcNow:yyyy-MM-dd}";

        var run = await CliRunner.RunAsync([.. args]);

        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError);
        run.Error.Should().Contain("DQ6202").And.Contain("today's");
    }

    [Fact]
    public async Task A_worktree_folder_that_is_not_git_ignored_is_refused()
    {
        using var repo = new BenchRepo(ignoreWorktrees: false);

        var run = await CliRunner.RunAsync(repo.RunArgs());

        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError);
        run.Error.Should().Contain("DQ6203").And.Contain("is not git-ignored").And.Contain(".worktrees/");
    }

    [Fact]
    public async Task A_dirty_worktree_is_refused_and_a_held_lock_names_its_owner()
    {
        using var repo = new BenchRepo();
        (await CliRunner.RunAsync(repo.RunArgs())).ExitCode.Should().Be(ExitCodes.Passed);

        // A stale lock, as a crashed run leaves it.
        var locks = Path.Combine(repo.Namespace, ".locks");
        Directory.CreateDirectory(locks);
        var lockFile = Path.Combine(locks, "held.json");
        var run = await CliRunner.RunAsync(repo.RunArgs());
        run.ExitCode.Should().Be(ExitCodes.Passed, "the first run released its lock: " + run.Error);
        Directory.EnumerateFiles(locks).Should().BeEmpty();

        // Hold the lock the way a running bench does: run one whose pipeline waits, start a second.
        var slow = repo.RunArgs().ToList();
        slow[slow.IndexOf("--run") + 1] = "sleep 3 && sh pipeline.sh {outputs} {ds}";
        var first = CliRunner.RunAsync([.. slow]);
        await WaitForAsync(() => Directory.Exists(locks) && Directory.EnumerateFiles(locks).Any());
        var second = await CliRunner.RunAsync(repo.RunArgs());
        second.ExitCode.Should().Be(ExitCodes.UsageOrInputError);
        second.Error.Should().Contain("DQ6206").And.Contain("Another bench run holds the lock").And.Contain("started").And.Contain("dq storage rm");
        (await first).ExitCode.Should().Be(ExitCodes.Passed);

        File.AppendAllText(Path.Combine(repo.Repo, ".worktrees", "feature-x", "pipeline.sh"), "\n# local edit\n");
        var dirty = await CliRunner.RunAsync(repo.RunArgs());
        dirty.ExitCode.Should().Be(ExitCodes.UsageOrInputError);
        dirty.Error.Should().Contain("DQ6204").And.Contain("uncommitted changes").And.Contain("pipeline.sh");
        File.Exists(lockFile).Should().BeFalse();
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 300 && !condition(); i++) await Task.Delay(100, TestContext.Current.CancellationToken);
        condition().Should().BeTrue("the condition should hold within 30 s");
    }
}

/// <summary>The same recipe with the canonical outputs and the namespace on a real S3-compatible server (s3rver on loopback).</summary>
public sealed class BenchS3Tests(Core.Tests.TestSupport.S3rver.S3rverFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Bench_on_s3_snapshots_into_the_namespace_restores_by_etag_and_leaves_other_objects_alone()
    {
        var server = await fixture.GetServerAsync();
        var bucket = await server.CreateBucketAsync("bench", Ct);
        using var repo = new BenchRepo();
        using var store = Core.Storage.S3ObjectStore.Create(server.Options());
        // The canonical outputs on S3 start with the same neighbours as the local ones.
        await Core.Storage.StorageOperations.SyncAsync(Core.Storage.LocalObjectStore.Instance, Core.Storage.StorageUri.Local(repo.Outputs),
            store, Core.Storage.StorageUri.S3(bucket, "client-a/"), cancellationToken: Ct);
        var before = await ListAsync(store, bucket, "client-a/");
        var dq = Path.Combine(AppContext.BaseDirectory, "dq");
        // The pipeline writes to S3 with dq's own storage sync: a real process talking to the real server.
        var command = $"\"{dq}\" storage sync data/ {{outputs}}/silver/orders/ds={{ds}}/ --endpoint-url {server.EndpointUrl} && " +
                      $"\"{dq}\" storage sync data/ {{outputs}}/gold/summary/ds={{ds}}/ --endpoint-url {server.EndpointUrl}";

        var run = await CliRunner.RunAsync("bench", "run", "--repo", repo.Repo, "--base", "main", "--head", "feature/x", "--run", command,
            "--outputs", $"s3://{bucket}/client-a", "--partition", BenchRepo.Partition, "--layers", "silver,gold",
            "--namespace", $"s3://{bucket}/benchmark-runs", "--client", "client-a", "--restore", "--key", "orders=order_id", "--key", "summary=order_id",
            "--format", "json", "--endpoint-url", server.EndpointUrl, "--cache-dir", Path.Combine(repo.Root, "cache"));

        run.ExitCode.Should().Be(ExitCodes.Passed, run.Error);
        var json = System.Text.Json.Nodes.JsonNode.Parse(run.Out)!;
        json["restore"]!["identical"]!.GetValue<bool>().Should().BeTrue();
        json["comparison"]!.ToJsonString().Should().Contain("\"changed\":{\"rows\":10");
        (await ListAsync(store, bucket, "client-a/")).Should().Equal(before, "every object of the canonical root is as it was, by key, size and ETag");
        var id = json["benchId"]!.GetValue<string>();
        var stored = await ListAsync(store, bucket, $"benchmark-runs/{id}/");
        stored.Keys.Should().Contain([$"benchmark-runs/{id}/manifest.json", $"benchmark-runs/{id}/head/silver/orders/ds=2026-02-11/orders.parquet",
            $"benchmark-runs/{id}/pre-benchmark/silver/orders/ds=2026-02-11/part-0.parquet", $"benchmark-runs/{id}/report.md"]);

        var list = await CliRunner.RunAsync("bench", "list", "--namespace", $"s3://{bucket}/benchmark-runs", "--endpoint-url", server.EndpointUrl);
        list.Out.Should().Contain(id).And.Contain("passed");
    }

    private static async Task<Dictionary<string, string>> ListAsync(Core.Storage.IObjectStore store, string bucket, string prefix)
    {
        var result = new Dictionary<string, string>();
        await foreach (var o in store.ListAsync(Core.Storage.StorageUri.S3(bucket, prefix), Ct))
            result[o.Uri.Key] = $"{o.Size} {o.ETag}";
        return result;
    }
}
