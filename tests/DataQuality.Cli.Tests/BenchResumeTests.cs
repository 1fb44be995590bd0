using System.Diagnostics;
using DataQuality.Cli.Tests.TestSupport;
using DataQuality.Core;
using DataQuality.Core.Benchmarking;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Storage;

namespace DataQuality.Cli.Tests;

/// <summary>
/// <c>dq bench run --resume</c> after a real interruption (the dq process killed, with its whole process tree,
/// while the head branch runs), and the lock that stops two benches on one partition. Pipeline invocations are
/// counted by the pipeline itself, appending its label to a file.
/// </summary>
public sealed class BenchResumeTests
{
    [Fact]
    public async Task A_killed_bench_resumes_without_running_base_again_and_reports_what_an_uninterrupted_bench_reports()
    {
        using var repo = new BenchRepo();
        var snapshot = Path.Combine(repo.Root, "snapshots", "bench");
        // The uninterrupted bench's report is the approved snapshot the resumed one must match.
        (await CliRunner.RunAsync(repo.RunArgs("--snapshot", snapshot))).ExitCode.Should().Be(ExitCodes.ChecksFailed);
        (await CliRunner.RunAsync("accept", snapshot + ".received.md")).ExitCode.Should().Be(ExitCodes.Passed);

        var interruption = new Interruption(repo.Root);
        var args = repo.RunArgs().ToList();
        args[args.IndexOf("--run") + 1] = interruption.Command(repo.Command);
        var (id, pid) = await interruption.KillWhileHeadRunsAsync([.. args]);
        interruption.Calls().Should().Equal("base", "head");

        // A new bench meets the dead run's lock, which names its owner and start time and says it is stale.
        var blocked = await CliRunner.RunAsync([.. args]);
        blocked.ExitCode.Should().Be(ExitCodes.UsageOrInputError);
        blocked.Error.Should().Contain("DQ6206").And.Contain($"bench {id} by").And.Contain($"on host {Environment.MachineName} (pid {pid}), started 20")
            .And.Contain($"process {pid} is no longer running").And.Contain($"dq bench run --resume {id}");

        // Other arguments than the bench was started with: refused, naming what differs.
        var other = await CliRunner.RunAsync([.. repo.RunArgs("--resume", id)]);
        other.ExitCode.Should().Be(ExitCodes.UsageOrInputError);
        other.Error.Should().Contain("DQ6211").And.Contain("--run was 'echo {label}").And.Contain($"now '{repo.Command}'").And.NotContain("   at ");

        // A snapshot cut off half-way is not in the checkpoint: it is taken again, and what it held is gone.
        var half = Path.Combine(repo.Namespace, id, "head", "silver", "orders", BenchRepo.Partition, "part-9.parquet");
        Directory.CreateDirectory(Path.GetDirectoryName(half)!);
        File.WriteAllText(half, "half a file");

        var resumed = await CliRunner.RunAsync([.. args, "--resume", id, "--snapshot", snapshot, "--format", "json"]);

        resumed.ExitCode.Should().Be(ExitCodes.Passed, "the resumed report equals the uninterrupted one's approved snapshot: " + resumed.Error);
        resumed.Error.Should().Contain("(resumed; done: snapshot pre-benchmark, run base 1, snapshot base)").And.Contain("base run 1: done before the interruption, skipped");
        interruption.Calls().Should().Equal(["base", "head", "head"], "base ran once; only the interrupted head run ran again");
        File.Exists(half).Should().BeFalse();
        var json = System.Text.Json.Nodes.JsonNode.Parse(resumed.Out)!;
        json["benchId"]!.GetValue<string>().Should().Be(id);
        json["runs"]!.AsArray().Select(r => r!["label"]!.GetValue<string>()).Should().Equal("base", "head");
        Directory.EnumerateFiles(Path.Combine(repo.Namespace, ".locks")).Should().BeEmpty("the resumed bench took over the stale lock and released it");
        (await CliRunner.RunAsync("bench", "list", "--namespace", repo.Namespace)).Out.Should().Contain($"{id}  main -> feature/x").And.NotContain("incomplete");
    }

    [Fact]
    public async Task Of_benches_taking_the_lock_at_the_same_instant_exactly_one_wins_and_the_others_name_it()
    {
        using var dir = new TempDirectory();
        var ns = StorageUri.Local(dir.Path);
        using var start = new Barrier(12);
        var attempts = Enumerable.Range(0, 12).Select(i => Task.Run(async () =>
        {
            start.SignalAndWait(TestContext.Current.CancellationToken);
            try
            {
                return (Lock: await BenchLock.AcquireAsync(LocalObjectStore.Instance, ns, "/data/out", ["ds=2026-02-11"], $"bench-{i}", DateTimeOffset.UtcNow, null, TestContext.Current.CancellationToken), Error: (string?)null);
            }
            catch (InputException ex)
            {
                return (Lock: (BenchLock?)null, Error: $"{ex.Code} {ex.Message}");
            }
        })).ToList();
        var results = await Task.WhenAll(attempts);

        var winners = results.Where(r => r.Lock is not null).ToList();
        winners.Should().ContainSingle();
        var winner = Array.IndexOf(results, winners[0]);
        results.Where(r => r.Lock is null).Should().HaveCount(11).And.OnlyContain(r =>
            r.Error!.StartsWith("DQ6206") && r.Error.Contains($"bench bench-{winner} by") && r.Error.Contains($"(pid {Environment.ProcessId})") && !r.Error.Contains("stale"));
        await winners[0].Lock!.DisposeAsync();
        Directory.EnumerateFiles(Path.Combine(dir.Path, ".locks")).Should().BeEmpty();
    }
}

/// <summary>The same interruption and resume with the outputs and the namespace on s3rver.</summary>
public sealed class BenchResumeS3Tests(Core.Tests.TestSupport.S3rver.S3rverFixture fixture)
{
    [Fact]
    public async Task A_killed_bench_on_s3_resumes_from_its_checkpoint_in_the_namespace()
    {
        var ct = TestContext.Current.CancellationToken;
        var server = await fixture.GetServerAsync();
        var bucket = await server.CreateBucketAsync("resume", ct);
        using var repo = new BenchRepo();
        var dq = Path.Combine(AppContext.BaseDirectory, "dq");
        var pipeline = $"\"{dq}\" storage sync data/ {{outputs}}/silver/orders/ds={{ds}}/ --endpoint-url {server.EndpointUrl}";
        var interruption = new Interruption(repo.Root);
        string[] args = ["bench", "run", "--repo", repo.Repo, "--base", "main", "--head", "feature/x", "--run", interruption.Command(pipeline),
            "--outputs", $"s3://{bucket}/client-a", "--partition", BenchRepo.Partition, "--layers", "silver",
            "--namespace", $"s3://{bucket}/benchmark-runs", "--key", "orders=order_id", "--endpoint-url", server.EndpointUrl, "--cache-dir", Path.Combine(repo.Root, "cache")];

        var (id, _) = await interruption.KillWhileHeadRunsAsync(args);
        var resumed = await CliRunner.RunAsync([.. args, "--resume", id, "--format", "json"]);

        resumed.ExitCode.Should().Be(ExitCodes.Passed, resumed.Error);
        interruption.Calls().Should().Equal(["base", "head", "head"]);
        var json = System.Text.Json.Nodes.JsonNode.Parse(resumed.Out)!;
        json["benchId"]!.GetValue<string>().Should().Be(id);
        json["comparison"]!.ToJsonString().Should().Contain("\"changed\":{\"rows\":10").And.Contain("\"removed\":{\"rows\":5");
        using var store = S3ObjectStore.Create(server.Options());
        var locks = new List<string>();
        await foreach (var o in store.ListAsync(StorageUri.S3(bucket, "benchmark-runs/.locks/"), ct)) locks.Add(o.Uri.Key);
        locks.Should().BeEmpty();
    }
}

/// <summary>
/// Wraps a bench's pipeline command so that it appends its label to a calls file, and so that the head branch's
/// first run blocks until the test kills dq (started as a real process) together with the pipeline.
/// </summary>
internal sealed class Interruption(string root)
{
    private readonly string _calls = Path.Combine(root, "calls.txt");
    private readonly string _marker = Path.Combine(root, "head-started");

    public string Command(string pipeline) =>
        $"echo {{label}} >> '{_calls}' && if [ {{label}} = head ] && [ ! -f '{_marker}' ]; then touch '{_marker}'; sleep 120; fi; {pipeline}";

    public IReadOnlyList<string> Calls() => File.Exists(_calls) ? File.ReadAllLines(_calls) : [];

    /// <summary>Starts the bench as a dq process, kills its process tree once head runs; returns the bench id and dq's pid.</summary>
    public async Task<(string Id, int Pid)> KillWhileHeadRunsAsync(string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "dq")) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (stderr) stderr.AppendLine(e.Data); };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        for (var i = 0; i < 600 && !File.Exists(_marker) && !process.HasExited; i++)
            await Task.Delay(100, TestContext.Current.CancellationToken);
        File.Exists(_marker).Should().BeTrue("head's run should start within 60 s: " + stderr);
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        string log;
        lock (stderr) log = stderr.ToString();
        var id = System.Text.RegularExpressions.Regex.Match(log, @"dq bench: (\d{8}-\d{6}-[^:]+):").Groups[1].Value;
        id.Should().NotBeEmpty(log);
        return (id, process.Id);
    }
}
