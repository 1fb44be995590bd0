
[assembly: AssemblyFixture(typeof(DataQuality.Core.Tests.TestSupport.S3rver.S3rverFixture))]

namespace DataQuality.Core.Tests.TestSupport.S3rver;

/// <summary>
/// One s3rver per test run (xunit v3 assembly fixture), started on first use so tests that do not
/// touch S3 never need Node.js, and stopped when the run ends.
/// </summary>
public sealed class S3rverFixture : IAsyncDisposable
{
    private readonly Lazy<Task<S3rverServer>> _server = new(() => S3rverServer.StartAsync(), LazyThreadSafetyMode.ExecutionAndPublication);

    public Task<S3rverServer> GetServerAsync() => _server.Value;

    public async ValueTask DisposeAsync()
    {
        if (_server.IsValueCreated && _server.Value.IsCompletedSuccessfully)
            await _server.Value.Result.DisposeAsync().ConfigureAwait(false);
    }
}
