using System.CommandLine;
using System.Runtime.CompilerServices;
using DataQuality.Cli.Options;
using DataQuality.Core;
using DataQuality.Core.Storage;
using DataQuality.Core.Tests.TestSupport.S3rver;

namespace DataQuality.Cli.Tests;

public sealed class StorageCommandTests(S3rverFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The CLI reads keys the documented way (environment); tests pin s3rver's, and never reach instance metadata.</summary>
    [ModuleInitializer]
    internal static void UseS3rverKeys()
    {
        Environment.SetEnvironmentVariable("DQ_S3_ACCESS_KEY_ID", S3rverServer.AccessKey);
        Environment.SetEnvironmentVariable("DQ_S3_SECRET_ACCESS_KEY", S3rverServer.SecretKey);
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
    }

    [Fact]
    public async Task Ls_sync_and_rm_work_on_s3_with_endpoint_flag_and_partition_filter()
    {
        var server = await fixture.GetServerAsync();
        var bucket = await server.CreateBucketAsync("cli", Ct);
        using var store = S3ObjectStore.Create(server.Options());
        foreach (var key in new[] { "out/ds=1/a.csv", "out/ds=2/b.csv", "out/_SUCCESS" })
            await store.PutAsync(StorageUri.S3(bucket, key), "x"u8.ToArray(), Ct);

        var ls = await CliRunner.RunAsync("storage", "ls", $"s3://{bucket}/out", "--partition", "ds=2", "--endpoint-url", server.EndpointUrl);
        var sync = await CliRunner.RunAsync("storage", "sync", $"s3://{bucket}/out", $"s3://{bucket}/snap/run-1", "--endpoint-url", server.EndpointUrl);
        var rm = await CliRunner.RunAsync("storage", "rm", $"s3://{bucket}/out", "--partition", "ds=1", "--endpoint-url", server.EndpointUrl);
        var after = await CliRunner.RunAsync("storage", "ls", $"s3://{bucket}/", "--endpoint-url", server.EndpointUrl);

        ls.ExitCode.Should().Be(ExitCodes.Passed, ls.Error);
        ls.Out.Should().Contain($"s3://{bucket}/out/ds=2/b.csv").And.NotContain("ds=1");
        sync.Out.Should().Contain("copied 3");
        rm.Out.Should().Contain("deleted 1 object(s)");
        after.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(5);
        after.Out.Should().NotContain("out/ds=1/");
    }

    [Fact]
    public async Task Missing_bucket_is_one_diagnostic_line_with_exit_code_2()
    {
        var server = await fixture.GetServerAsync();

        var run = await CliRunner.RunAsync("storage", "ls", "s3://no-such-bucket-cli/x/", "--endpoint-url", server.EndpointUrl);

        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError);
        run.Error.Trim().Should().StartWith("s3://no-such-bucket-cli/x/: error DQ3003:");
        run.Error.Should().NotContain("   at ");
    }

    [Fact]
    public async Task Validate_reads_an_s3_dataset_through_the_storage_flags()
    {
        var server = await fixture.GetServerAsync();
        var bucket = await server.CreateBucketAsync("clivalidate", Ct);
        using var dir = new TestSupport.TempDirectory();
        using (var db = Core.Datasets.DuckDbSession.Open())
            db.Execute($"COPY (SELECT i AS id FROM range(1, 11) r(i)) TO {Core.Datasets.SqlText.Literal(dir.Combine("p.parquet"))} (FORMAT parquet)");
        using var store = S3ObjectStore.Create(server.Options());
        await store.UploadAsync(dir.Combine("p.parquet"), StorageUri.S3(bucket, "t/ds=1/p.parquet"), Ct);
        var suite = dir.Write("suite.json", """
            {"name": "t", "expectations": [{"type": "expect_table_row_count_to_be_between", "min_value": 10, "max_value": 10}, {"type": "expect_column_to_exist", "column": "ds"}]}
            """);

        var run = await CliRunner.RunAsync("validate", "--suite", suite, "--data", $"s3://{bucket}/t/", "--endpoint-url", server.EndpointUrl,
            "--cache-dir", dir.Combine("cache"), "--format", "json");

        run.ExitCode.Should().Be(ExitCodes.Passed, run.Error + run.Out);
        System.Text.Json.Nodes.JsonNode.Parse(run.Out)!["statistics"]!["successful_expectations"]!.GetValue<int>().Should().Be(2);
        Directory.EnumerateFiles(dir.Combine("cache"), "p.parquet", SearchOption.AllDirectories).Should().ContainSingle();
    }

    [Fact]
    public async Task Profile_and_compare_accept_s3_locations()
    {
        var server = await fixture.GetServerAsync();
        var bucket = await server.CreateBucketAsync("cliprofile", Ct);
        using var dir = new TestSupport.TempDirectory();
        using (var db = Core.Datasets.DuckDbSession.Open())
        {
            Directory.CreateDirectory(dir.Combine("base", "silver", "orders", "ds=2026-01-01"));
            Directory.CreateDirectory(dir.Combine("head", "silver", "orders", "ds=2026-01-01"));
            db.Execute($"COPY (SELECT i AS id, i * 2 AS amount FROM range(1, 21) r(i)) TO {Core.Datasets.SqlText.Literal(dir.Combine("base", "silver", "orders", "ds=2026-01-01", "p.parquet"))} (FORMAT parquet)");
            db.Execute($"COPY (SELECT i AS id, i * 2 AS amount FROM range(1, 23) r(i)) TO {Core.Datasets.SqlText.Literal(dir.Combine("head", "silver", "orders", "ds=2026-01-01", "p.parquet"))} (FORMAT parquet)");
        }
        using var store = S3ObjectStore.Create(server.Options());
        await StorageOperations.SyncAsync(LocalObjectStore.Instance, StorageUri.Local(dir.Combine("base")), store, StorageUri.S3(bucket, "main/"), cancellationToken: Ct);
        await StorageOperations.SyncAsync(LocalObjectStore.Instance, StorageUri.Local(dir.Combine("head")), store, StorageUri.S3(bucket, "feature/"), cancellationToken: Ct);
        string[] flags = ["--endpoint-url", server.EndpointUrl, "--cache-dir", dir.Combine("cache")];

        var profile = await CliRunner.RunAsync(["profile", $"s3://{bucket}/main/silver/orders/", "--format", "json", .. flags]);
        var compare = await CliRunner.RunAsync(["compare", "--base", $"s3://{bucket}/main", "--head", $"s3://{bucket}/feature", "--key", "orders=id", "--format", "json", .. flags]);

        profile.ExitCode.Should().Be(ExitCodes.Passed, profile.Error);
        profile.Out.Should().Contain("\"amount\"");
        compare.ExitCode.Should().BeOneOf([ExitCodes.Passed, ExitCodes.ChecksFailed], compare.Error);
        var orders = System.Text.Json.Nodes.JsonNode.Parse(compare.Out)!["entities"]![0]!;
        orders["name"]!.GetValue<string>().Should().Be("silver/orders");
        orders["rows"]!["added"]!["rows"]!.GetValue<long>().Should().Be(2);
        orders["rows"]!["identical"]!["rows"]!.GetValue<long>().Should().Be(20);
    }

    [Fact]
    public void Binder_layers_flags_over_environment()
    {
        var binder = new StorageOptionsBinder();
        var command = new RootCommand();
        binder.AddTo(command);
        var environment = S3StorageOptions.FromEnvironment(new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = "http://env:9000", ["AWS_REGION"] = "eu-west-1", ["DQ_CACHE_DIR"] = "/env/cache",
        });

        var bound = binder.Bind(command.Parse(["--endpoint-url", "http://flag:9000", "--no-cache", "--cache-max-size", "2GB", "--aws-profile", "dev"]), environment);

        bound.EndpointUrl.Should().Be("http://flag:9000");
        bound.Region.Should().Be("eu-west-1");
        bound.Profile.Should().Be("dev");
        bound.NoCache.Should().BeTrue();
        bound.CacheDirectory.Should().Be("/env/cache");
        bound.CacheMaxBytes.Should().Be(2L << 30);
    }
}
