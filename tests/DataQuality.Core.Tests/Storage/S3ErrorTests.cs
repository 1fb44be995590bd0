using System.Net;
using System.Net.Sockets;
using DataQuality.Core.Datasets;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Storage;
using DataQuality.Core.Tests.TestSupport;
using DataQuality.Core.Tests.TestSupport.S3rver;

namespace DataQuality.Core.Tests.Storage;

/// <summary>Every failure a user can cause is a typed InputException (exit 2) naming the URI.</summary>
public sealed class S3ErrorTests(S3rverFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<InputException> FetchFailsAsync(S3StorageOptions options, string uri)
    {
        using var dir = new TempDirectory();
        using var fetcher = new S3DatasetFetcher(options with { CacheDirectory = dir.Path });
        var act = async () => await new DatasetResolver(fetcher).ResolveAsync(DatasetRef.Parse(uri), Ct);
        var error = (await act.Should().ThrowAsync<InputException>()).Which;
        error.ExitCode.Should().Be(ExitCodes.UsageOrInputError);
        error.ToDiagnosticString().Should().Contain(uri);
        return error;
    }

    [Fact]
    public async Task Missing_object_is_DQ3002_when_named_exactly()
    {
        var server = await fixture.GetServerAsync();
        var bucket = await server.CreateBucketAsync("notfound", Ct);
        using var store = S3ObjectStore.Create(server.Options());

        var act = async () => await store.HeadAsync(StorageUri.Parse($"s3://{bucket}/missing.parquet"), Ct);

        var error = (await act.Should().ThrowAsync<InputException>()).Which;
        error.Code.Should().Be(StorageErrorCodes.NotFound);
        error.ToDiagnosticString().Should().Contain($"s3://{bucket}/missing.parquet");
    }

    [Fact]
    public async Task Missing_bucket_is_DQ3003()
    {
        var server = await fixture.GetServerAsync();

        var error = await FetchFailsAsync(server.Options(), "s3://no-such-bucket-dq/orders/");

        error.Code.Should().Be(StorageErrorCodes.NoSuchBucket);
        error.Message.Should().Contain("no-such-bucket-dq");
    }

    [Fact]
    public async Task Wrong_keys_are_DQ3004_access_denied()
    {
        var server = await fixture.GetServerAsync();
        var bucket = await server.CreateBucketAsync("denied", Ct);

        var error = await FetchFailsAsync(server.Options() with { AccessKeyId = "WRONG", SecretAccessKey = "WRONG" }, $"s3://{bucket}/orders/");

        error.Code.Should().Be(StorageErrorCodes.AccessDenied);
    }

    [Fact]
    public void Unknown_profile_is_DQ3005_no_credentials()
    {
        using var dir = new TempDirectory();
        var credentials = dir.Combine("credentials");
        File.WriteAllText(credentials, "[other]\naws_access_key_id = A\naws_secret_access_key = B\n");
        var options = new S3StorageOptions { EndpointUrl = "http://127.0.0.1:9", Profile = "missing", CredentialsFile = credentials };

        var act = () => S3ClientFactory.Create(options);

        var error = act.Should().Throw<InputException>().Which;
        error.Code.Should().Be(StorageErrorCodes.NoCredentials);
        error.Message.Should().Contain("'missing'");
    }

    [Fact]
    public async Task Profile_from_a_credentials_file_authenticates()
    {
        var server = await fixture.GetServerAsync();
        var bucket = await server.CreateBucketAsync("profile", Ct);
        using var dir = new TempDirectory();
        var credentials = dir.Combine("credentials");
        File.WriteAllText(credentials, $"[s3rver]\naws_access_key_id = {TestSupport.S3rver.S3rverServer.AccessKey}\naws_secret_access_key = {TestSupport.S3rver.S3rverServer.SecretKey}\n");
        using var store = S3ObjectStore.Create(new S3StorageOptions { EndpointUrl = server.EndpointUrl, Profile = "s3rver", CredentialsFile = credentials });

        await store.PutAsync(StorageUri.Parse($"s3://{bucket}/p.txt"), "x"u8.ToArray(), Ct);

        (await store.HeadAsync(StorageUri.Parse($"s3://{bucket}/p.txt"), Ct)).Size.Should().Be(1);
    }

    [Fact]
    public async Task Default_chain_without_any_credentials_is_DQ3005()
    {
        using var dir = new TempDirectory();
        var names = new[] { "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE",
            "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI" };
        var saved = names.ToDictionary(n => n, Environment.GetEnvironmentVariable);
        try
        {
            foreach (var name in names) Environment.SetEnvironmentVariable(name, null);
            Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", dir.Combine("none"));
            Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", dir.Combine("none-config"));

            var error = await FetchFailsAsync(new S3StorageOptions { EndpointUrl = "http://127.0.0.1:9", MaxRetries = 0 }, "s3://some-bucket/orders/");

            error.Code.Should().Be(StorageErrorCodes.NoCredentials);
        }
        finally
        {
            foreach (var (name, value) in saved) Environment.SetEnvironmentVariable(name, value);
        }
    }

    [Fact]
    public async Task Unreachable_endpoint_is_DQ3006_naming_endpoint_and_uri()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there now: connections are refused

        var error = await FetchFailsAsync(new S3StorageOptions { EndpointUrl = $"http://127.0.0.1:{port}", AccessKeyId = "A", SecretAccessKey = "B", MaxRetries = 1 },
            "s3://bucket/orders/");

        error.Code.Should().Be(StorageErrorCodes.Unreachable);
        error.Message.Should().Contain($"127.0.0.1:{port}");
    }

    [Fact]
    public void Invalid_uris_and_endpoints_are_DQ3001_and_DQ3010()
    {
        var badScheme = () => StorageUri.Parse("gs://bucket/key");
        var badBucket = () => StorageUri.Parse("s3://a/key");
        var badEndpoint = () => S3ClientFactory.Create(new S3StorageOptions { EndpointUrl = "localhost:9000", AccessKeyId = "A", SecretAccessKey = "B" });

        badScheme.Should().Throw<InputException>().Which.Code.Should().Be(StorageErrorCodes.InvalidUri);
        badBucket.Should().Throw<InputException>().Which.Code.Should().Be(StorageErrorCodes.InvalidUri);
        badEndpoint.Should().Throw<InputException>().Which.Code.Should().Be(StorageErrorCodes.InvalidOptions);
    }
}
