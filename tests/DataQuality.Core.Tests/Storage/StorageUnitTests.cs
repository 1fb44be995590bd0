using DataQuality.Core.Diagnostics;
using DataQuality.Core.Storage;
using DataQuality.Core.Tests.TestSupport;

namespace DataQuality.Core.Tests.Storage;

/// <summary>URI parsing, partition filters, sizes, options and cache layout: no server needed.</summary>
public sealed class StorageUnitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("s3://bucket/a/b.parquet", "bucket", "a/b.parquet", false)]
    [InlineData("s3://bucket", "bucket", "", false)]
    [InlineData("S3://bucket/", "bucket", "", false)]
    [InlineData("s3a://spark-out/x/part-*.parquet", "spark-out", "x/part-*.parquet", true)]
    public void S3_uris_split_into_bucket_and_key(string text, string bucket, string key, bool glob)
    {
        var uri = StorageUri.Parse(text);

        uri.IsS3.Should().BeTrue();
        uri.Bucket.Should().Be(bucket);
        uri.Key.Should().Be(key);
        uri.IsGlob.Should().Be(glob);
        uri.ToString().Should().Be($"s3://{bucket}/{key}");
    }

    [Fact]
    public void Local_paths_and_file_uris_become_absolute_keys()
    {
        using var dir = new TempDirectory();

        var plain = StorageUri.Parse(dir.Combine("x", "y.csv"));
        var file = StorageUri.Parse("file://" + dir.Combine("x"));

        plain.IsS3.Should().BeFalse();
        plain.Key.Should().Be(dir.Combine("x", "y.csv").Replace('\\', '/'));
        file.Append("z.csv").Key.Should().Be(dir.Combine("x", "z.csv").Replace('\\', '/'));
    }

    [Fact]
    public void Glob_literal_prefix_stops_at_the_directory_of_the_first_wildcard()
    {
        StorageUri.Parse("s3://bkt/orders/ds=*/part-?.parquet").LiteralPrefix.Should().Be("orders/");
        StorageUri.Parse("s3://bkt/**/*.csv").LiteralPrefix.Should().Be("");
        StorageUri.Parse("s3://bkt/a/b").LiteralPrefix.Should().Be("a/b");
    }

    [Fact]
    public void Partition_filter_ands_columns_ors_values_and_decodes_hive_escapes()
    {
        var filter = PartitionFilter.Parse(["ds=2026-02-10,2026-02-11", "city=New York"]);

        filter.Matches("ds=2026-02-10/city=New%20York/p.parquet").Should().BeTrue();
        filter.Matches("ds=2026-02-12/city=New%20York/p.parquet").Should().BeFalse();
        filter.Matches("ds=2026-02-10/p.parquet").Should().BeFalse("a missing column does not match");
        filter.Matches("p/city=New York.parquet").Should().BeFalse("the file name is not a partition");
        PartitionFilter.None.Matches("anything").Should().BeTrue();
        var bad = () => PartitionFilter.Parse(["ds"]);
        bad.Should().Throw<InputException>().Which.Code.Should().Be(StorageErrorCodes.InvalidPartitionFilter);
    }

    [Theory]
    [InlineData("10GB", 10L << 30)]
    [InlineData("512 MiB", 512L << 20)]
    [InlineData("1.5k", 1536)]
    [InlineData("1048576", 1048576)]
    public void Sizes_parse_with_binary_units(string text, long bytes) => ByteSize.Parse(text, "size").Should().Be(bytes);

    [Fact]
    public void Environment_overrides_are_read_as_documented()
    {
        var options = S3StorageOptions.FromEnvironment(new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = "http://generic:1", ["AWS_ENDPOINT_URL_S3"] = "http://s3-specific:2",
            ["AWS_DEFAULT_REGION"] = "eu-central-1", ["AWS_PROFILE"] = "ci", ["DQ_S3_PATH_STYLE"] = "false",
            ["DQ_CACHE_DIR"] = "/c", ["DQ_CACHE_MAX_SIZE"] = "1GB", ["DQ_NO_CACHE"] = "1", ["DQ_S3_MAX_RETRIES"] = "7",
        });

        options.EndpointUrl.Should().Be("http://s3-specific:2");
        options.Region.Should().Be("eu-central-1");
        options.Profile.Should().Be("ci");
        options.ForcePathStyle.Should().BeFalse();
        options.ResolvedCacheDirectory.Should().Be("/c");
        options.CacheMaxBytes.Should().Be(1L << 30);
        options.NoCache.Should().BeTrue();
        options.MaxRetries.Should().Be(7);
        options.OverrideWith(new S3StorageOverrides { EndpointUrl = "http://contract:3" }).EndpointUrl.Should().Be("http://contract:3");
    }

    [Fact]
    public void Custom_endpoint_implies_path_style_and_aws_defaults_to_virtual_hosts()
    {
        using var custom = (Amazon.S3.AmazonS3Client)S3ClientFactory.Create(new S3StorageOptions { EndpointUrl = "http://127.0.0.1:9000", AccessKeyId = "a", SecretAccessKey = "b" });
        using var aws = (Amazon.S3.AmazonS3Client)S3ClientFactory.Create(new S3StorageOptions { Region = "eu-west-1", AccessKeyId = "a", SecretAccessKey = "b" });

        ((Amazon.S3.AmazonS3Config)custom.Config).ForcePathStyle.Should().BeTrue();
        custom.Config.ServiceURL.Should().StartWith("http://127.0.0.1:9000");
        ((Amazon.S3.AmazonS3Config)aws.Config).ForcePathStyle.Should().BeFalse();
        aws.Config.RegionEndpoint.SystemName.Should().Be("eu-west-1");
    }

    [Fact]
    public void Cache_paths_keep_hive_directories_and_file_names_and_cannot_escape_the_root()
    {
        using var dir = new TempDirectory();
        var cache = new S3ObjectCache(dir.Path, 1000);
        var hive = new StorageObject(StorageUri.S3("b", "orders/ds=2026-02-11/part-0.csv.gz"), 10, "\"abc\"", default);
        var evil = new StorageObject(StorageUri.S3("b", "../../etc/passwd"), 10, "\"abc\"", default);
        var changed = hive with { ETag = "\"def\"" };

        var hivePath = cache.PathFor(hive);
        var evilPath = Path.GetFullPath(cache.PathFor(evil));

        hivePath.Should().Contain(Path.Combine("b", "orders", "ds=2026-02-11")).And.EndWith("part-0.csv.gz");
        evilPath.Should().StartWith(dir.Path);
        cache.PathFor(changed).Should().NotBe(hivePath, "the ETag is part of the key");
    }

    [Fact]
    public async Task Local_store_lists_puts_and_deletes_like_s3_and_hides_temp_files()
    {
        using var dir = new TempDirectory();
        var store = LocalObjectStore.Instance;
        var root = StorageUri.Local(dir.Combine("t"));
        await store.PutAsync(root.Append("ds=1/a.csv"), "a"u8.ToArray(), Ct);
        await store.PutAsync(root.Append("ds=2/b.csv"), "bb"u8.ToArray(), Ct);
        File.WriteAllText(dir.Combine("t", "ds=1", "c.csv.dq-tmp-123"), "partial");
        Directory.CreateDirectory(dir.Combine("t_other"));
        File.WriteAllText(dir.Combine("t_other", "x.csv"), "x");

        var all = await ObjectSelection.SelectListAsync(store, root, null, Ct);
        var deleted = await StorageOperations.DeleteAsync(store, root, PartitionFilter.Parse(["ds=2"]), Ct);
        var left = await ObjectSelection.SelectListAsync(store, root, null, Ct);

        all.Select(o => ObjectSelection.RelativeKey(root.Key, o.Uri.Key)).Should().Equal("ds=1/a.csv", "ds=2/b.csv");
        all.Select(o => o.Size).Should().Equal(1, 2);
        deleted.Should().Be(1);
        left.Should().ContainSingle().Which.Uri.Key.Should().EndWith("ds=1/a.csv");
    }
}
