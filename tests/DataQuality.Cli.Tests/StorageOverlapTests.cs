using DataQuality.Cli.Tests.TestSupport;
using DataQuality.Core;
using DataQuality.Core.Storage;
using DataQuality.Core.Tests.TestSupport.S3rver;
using static DataQuality.Cli.Tests.TestSupport.BoundedCli;

namespace DataQuality.Cli.Tests;

/// <summary>
/// Issue 12 item 7: <c>dq storage sync b/sub b --delete</c> deleted its own source. A sync whose source
/// and destination overlap (either inside the other, also through a symbolic link, also on S3) is
/// refused with DQ3013 before anything is copied or deleted.
/// </summary>
public sealed class StorageOverlapTests(S3rverFixture fixture) : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static void AssertRefused(CliRun run)
    {
        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError, run.Out + run.Error);
        run.Error.Should().Contain("error DQ3013").And.Contain("overlap").And.NotContain("   at ");
    }

    private string[] Tree()
    {
        var b = _dir.Combine("b");
        _dir.Write("b/keep.csv", "id\n1\n");
        _dir.Write("b/sub/x.csv", "id\n2\n");
        return [b, Path.Combine(b, "sub")];
    }

    private List<string> Files() => Directory.EnumerateFiles(_dir.Combine("b"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task Sync_of_a_subfolder_into_its_parent_with_delete_keeps_the_source()
    {
        var (b, sub) = (Tree()[0], Tree()[1]);
        var before = Files();

        var run = await RunAsync("storage", "sync", sub, b, "--delete");

        AssertRefused(run);
        Files().Should().Equal(before);
    }

    [Fact]
    public async Task Sync_into_its_own_subfolder_and_onto_itself_are_refused()
    {
        var (b, sub) = (Tree()[0], Tree()[1]);
        var before = Files();

        AssertRefused(await RunAsync("storage", "sync", b, sub));
        AssertRefused(await RunAsync("storage", "sync", b, b + "/", "--delete"));
        AssertRefused(await RunAsync("storage", "sync", b, Path.Combine(sub, "new", "deeper")));
        AssertRefused(await RunAsync("storage", "sync", b + "/**/*.csv", Path.Combine(b, "snap")));
        Files().Should().Equal(before);
    }

    [Fact]
    public async Task Overlap_through_a_symbolic_link_is_refused()
    {
        var b = Tree()[0];
        Directory.CreateSymbolicLink(_dir.Combine("alias"), b);
        var before = Files();

        AssertRefused(await RunAsync("storage", "sync", _dir.Combine("alias", "sub"), b, "--delete"));
        AssertRefused(await RunAsync("storage", "sync", b, _dir.Combine("alias", "sub")));
        Files().Should().Equal(before);
    }

    [Fact]
    public async Task Siblings_with_a_common_name_prefix_still_sync()
    {
        var b = Tree()[0];

        var run = await RunAsync("storage", "sync", b, _dir.Combine("b2"));

        run.ExitCode.Should().Be(ExitCodes.Passed, run.Error);
        File.Exists(_dir.Combine("b2", "sub", "x.csv")).Should().BeTrue();
    }

    [Fact]
    public async Task Overlapping_s3_prefixes_in_one_bucket_are_refused()
    {
        var server = await fixture.GetServerAsync();
        var bucket = await server.CreateBucketAsync("overlap", TestContext.Current.CancellationToken);
        using var store = S3ObjectStore.Create(server.Options());
        foreach (var key in new[] { "b/keep.csv", "b/sub/x.csv" })
            await store.PutAsync(StorageUri.S3(bucket, key), "x"u8.ToArray(), TestContext.Current.CancellationToken);
        string[] endpoint = ["--endpoint-url", server.EndpointUrl];

        var up = await RunAsync(["storage", "sync", $"s3://{bucket}/b/sub", $"s3://{bucket}/b", "--delete", .. endpoint]);
        var down = await RunAsync(["storage", "sync", $"s3://{bucket}/b", $"s3://{bucket}/b/sub/copy", .. endpoint]);
        var whole = await RunAsync(["storage", "sync", $"s3://{bucket}/b", $"s3://{bucket}", .. endpoint]);
        var sibling = await RunAsync(["storage", "sync", $"s3://{bucket}/b", $"s3://{bucket}/b2", .. endpoint]);
        var ls = await RunAsync(["storage", "ls", $"s3://{bucket}/b/", .. endpoint]);

        AssertRefused(up);
        AssertRefused(down);
        AssertRefused(whole);
        sibling.ExitCode.Should().Be(ExitCodes.Passed, sibling.Error);
        ls.Out.Should().Contain($"s3://{bucket}/b/keep.csv").And.Contain($"s3://{bucket}/b/sub/x.csv").And.NotContain("copy");
    }
}
