using System.Globalization;
using DataQuality.Core;
using DataQuality.Core.Datasets;
using DataQuality.Core.Profiling;
using DataQuality.Core.Storage;
using DataQuality.Core.Tests.TestSupport.S3rver;
using YamlDotNet.RepresentationModel;

namespace DataQuality.Cli.Tests;

/// <summary>dq profile and dq suggest over a hive-partitioned tree: the partition columns validate sees.</summary>
public sealed class HivePartitionCliTests : IDisposable
{
    private readonly S3rverFixture _fixture;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "dq-cli-tests", Guid.NewGuid().ToString("N"));
    private readonly string _tree;

    public HivePartitionCliTests(S3rverFixture fixture)
    {
        _fixture = fixture;
        _tree = Path.Combine(_dir, "data", "orders");
        using var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });
        var n = 0;
        foreach (var ds in new[] { "2024-01-01", "2024-01-02", "2024-01-03" })
            foreach (var region in new[] { "eu", "us" })
            {
                var dir = Path.Combine(_tree, $"ds={ds}", $"region={region}");
                Directory.CreateDirectory(dir);
                db.Execute(string.Create(CultureInfo.InvariantCulture, $"""
                    COPY (SELECT (i + {n * 1000})::BIGINT AS order_id, ['new','paid','shipped'][1 + (i % 3)::INT] AS status, i * 1.5 AS amount
                          FROM range({100 + n * 10}) t(i))
                    TO {SqlText.Literal(Path.Combine(dir, "part-0.parquet"))} (FORMAT parquet)
                    """));
                n++;
            }
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Profile_json_with_columns_ds_shows_the_partition_column()
    {
        var run = await CliRunner.RunAsync("profile", _tree, "--columns", "ds", "--format", "json");

        run.ExitCode.Should().Be(ExitCodes.Passed, run.Error);
        run.Out.Should().Contain("\"partition\": true");
        var profile = ProfileJson.Deserialize(run.Out);
        profile.Columns.Select(c => c.Path).Should().Equal("ds");
        var ds = profile.Column("ds")!;
        (ds.Kind, ds.LogicalType, ds.Partition).Should().Be((ColumnKind.Date, "DATE", true));
        (ds.Min, ds.Max, ds.NullCount, ds.DistinctEstimate).Should().Be(("2024-01-01", "2024-01-03", 0L, 3.0));
        ds.RowCount.Should().Be(profile.RowCount).And.Be(6 * 100 + 10 * 15);
    }

    [Fact]
    public async Task Profile_of_the_tree_on_s3_has_the_same_partition_columns_as_on_disk()
    {
        var (server, bucket) = await UploadTreeAsync("cliprofile");

        var remote = await CliRunner.RunAsync("profile", $"s3://{bucket}/orders/", "--format", "json", "--endpoint-url", server.EndpointUrl,
            "--cache-dir", Path.Combine(_dir, "cache"));
        var local = await CliRunner.RunAsync("profile", _tree, "--format", "json");

        remote.ExitCode.Should().Be(ExitCodes.Passed, remote.Error);
        var fromS3 = ProfileJson.Deserialize(remote.Out);
        var fromDisk = ProfileJson.Deserialize(local.Out);
        fromS3.Columns.Select(c => (c.Path, c.Kind, c.Partition, c.NonNullCount, c.Min, c.Max, c.DistinctEstimate))
            .Should().Equal(fromDisk.Columns.Select(c => (c.Path, c.Kind, c.Partition, c.NonNullCount, c.Min, c.Max, c.DistinctEstimate)));
        fromS3.Column("region")!.Partition.Should().BeTrue();
    }

    [Fact]
    public async Task Profile_table_and_markdown_mark_partition_columns()
    {
        var table = await CliRunner.RunAsync("profile", _tree);
        table.ExitCode.Should().Be(ExitCodes.Passed, table.Error);
        table.Out.Should().Contain("5 columns").And.MatchRegex(@"\| ds \(partition\)\s+\| date\s+\|").And.MatchRegex(@"\| region \(partition\)\s+\| string\s+\|");

        var markdown = await CliRunner.RunAsync("profile", _tree, "--format", "markdown");
        markdown.Out.Should().Contain("| ds (partition) | date |").And.Contain("| region (partition) | string |");
    }

    [Fact]
    public async Task Suggested_contract_for_a_hive_tree_types_the_partition_columns_and_validates_green()
    {
        var contractPath = Path.Combine(_dir, "drafts", "orders.odcs.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(contractPath)!);
        var suggest = await CliRunner.RunAsync("suggest", _tree, "--output", contractPath);
        suggest.ExitCode.Should().Be(ExitCodes.Passed, suggest.Error);
        suggest.Out.Should().Contain("5 columns from 750 rows");

        var yaml = new YamlStream();
        yaml.Load(new StringReader(await File.ReadAllTextAsync(contractPath, TestContext.Current.CancellationToken)));
        var table = (YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)yaml.Documents[0].RootNode)["schema"])[0];
        var properties = ((YamlSequenceNode)table["properties"]).Cast<YamlMappingNode>().ToDictionary(p => ((YamlScalarNode)p["name"]).Value!);
        properties.Keys.Should().Equal("order_id", "status", "amount", "ds", "region");
        string Scalar(string column, string key) => ((YamlScalarNode)properties[column][key]).Value!;
        (Scalar("ds", "logicalType"), Scalar("ds", "physicalType"), Scalar("ds", "required")).Should().Be(("date", "DATE", "true"));
        (Scalar("region", "logicalType"), Scalar("region", "physicalType")).Should().Be(("string", "VARCHAR"));
        foreach (var partition in new[] { "ds", "region" })
        {
            // Ranges and enums over partition keys would fail on the next partition: none are drafted.
            properties[partition].Children.Should().NotContainKey(new YamlScalarNode("logicalTypeOptions"), partition);
            properties[partition].Children.Should().NotContainKey(new YamlScalarNode("quality"), partition);
            Scalar(partition, "description").Should().Contain("partition");
        }
        properties["amount"].Children.Should().ContainKey(new YamlScalarNode("logicalTypeOptions"), "file columns keep their ranges");

        // drafts/ is not a git repository, so the data beside it is outside the contract's folder unless allowed.
        var validate = await CliRunner.RunAsync("validate", "--contract", contractPath, "--format", "json", "--allow-path", _dir);
        validate.ExitCode.Should().Be(ExitCodes.Passed, validate.Out + validate.Error);
        validate.Out.Should().Contain("\"success\": true").And.NotContain("\"status\": \"failed\"").And.NotContain("\"status\": \"error\"");
    }

    [Fact]
    public async Task Suggest_of_the_tree_on_s3_drafts_the_same_schema_as_on_disk()
    {
        // dq suggest once read local data only: an s3:// path was refused although dq profile read it.
        var (server, bucket) = await UploadTreeAsync("clisuggest");

        var remote = await CliRunner.RunAsync("suggest", $"s3://{bucket}/orders/", "--name", "orders", "--endpoint-url", server.EndpointUrl,
            "--cache-dir", Path.Combine(_dir, "cache"), "--threads", "1", "--quiet");
        var local = await CliRunner.RunAsync("suggest", _tree, "--name", "orders", "--quiet");

        remote.ExitCode.Should().Be(ExitCodes.Passed, remote.Error);
        local.ExitCode.Should().Be(ExitCodes.Passed, local.Error);
        remote.Error.Should().BeEmpty();
        static string Schema(string yaml)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            var schema = ((YamlMappingNode)stream.Documents[0].RootNode)["schema"];
            var text = new StringWriter();
            new YamlStream(new YamlDocument(schema)).Save(text, assignAnchors: false);
            return text.ToString();
        }
        Schema(remote.Out).Should().Be(Schema(local.Out)).And.Contain("region");
        remote.Out.Should().Contain($"s3://{bucket}/orders/");
    }

    /// <summary>The tree under s3://BUCKET/orders/ on the loopback s3rver.</summary>
    private async Task<(S3rverServer Server, string Bucket)> UploadTreeAsync(string bucketName)
    {
        var server = await _fixture.GetServerAsync();
        var bucket = await server.CreateBucketAsync(bucketName, TestContext.Current.CancellationToken);
        using var store = S3ObjectStore.Create(server.Options());
        foreach (var file in Directory.EnumerateFiles(_tree, "*.parquet", SearchOption.AllDirectories))
            await store.UploadAsync(file, StorageUri.S3(bucket, "orders/" + Path.GetRelativePath(_tree, file).Replace('\\', '/')), TestContext.Current.CancellationToken);
        return (server, bucket);
    }
}
