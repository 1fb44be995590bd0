using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Storage;

namespace DataQuality.Core.Benchmarking;

/// <summary>
/// Stops a second bench run on the same outputs and partition while one is running: an object
/// <c>&lt;namespace&gt;/.locks/&lt;hash of outputs and partition&gt;.json</c> naming its owner (user, host, pid) and
/// start time, created only if absent (<see cref="IObjectStore.CreateNewAsync"/>), so of two runs started at the
/// same instant exactly one gets it: locally by O_EXCL, on S3 by <c>If-None-Match: *</c>. A server that ignores
/// that header (s3rver) lets the later PUT overwrite; reading the lock back then tells the earlier writer it
/// lost, which leaves a window of one round trip (docs/bench.md). A run that died leaves its lock behind: the
/// error names the owner, says when the owner's process is gone from this machine, and how to go on.
/// </summary>
public sealed class BenchLock : IAsyncDisposable
{
    private readonly IObjectStore _store;
    private bool _released;

    private BenchLock(IObjectStore store, StorageUri uri)
    {
        _store = store;
        Uri = uri;
    }

    public StorageUri Uri { get; }

    /// <summary>
    /// Takes the lock, or throws DQ6206 naming who holds it. With <paramref name="resumeOf"/> (dq bench run
    /// --resume) a lock left by that same bench whose process is gone from this machine is taken over.
    /// </summary>
    public static async Task<BenchLock> AcquireAsync(IObjectStore store, StorageUri ns, string outputs, IReadOnlyList<string> partition, string benchId,
        DateTimeOffset now, string? resumeOf, CancellationToken cancellationToken)
    {
        var scope = outputs.TrimEnd('/') + "|" + string.Join(",", partition.Order(StringComparer.Ordinal));
        var name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scope)))[..16];
        var uri = ns.Append($".locks/{name}.json");
        var me = new LockHolder(benchId, Environment.UserName, Environment.MachineName, Environment.ProcessId, now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), Guid.NewGuid().ToString("N"));
        for (var attempt = 0; ; attempt++)
        {
            if (await store.CreateNewAsync(uri, me.ToJson(outputs, partition), cancellationToken).ConfigureAwait(false) is not null)
            {
                // Where the store may have let a racing writer overwrite it, the lock is ours only if it still names us.
                var holder = uri.IsS3 ? await ReadAsync(store, uri, cancellationToken).ConfigureAwait(false) : me;
                if (holder?.Token == me.Token) return new BenchLock(store, uri);
                throw Held(uri, outputs, partition, holder);
            }
            var existing = await ReadAsync(store, uri, cancellationToken).ConfigureAwait(false);
            if (attempt == 0 && resumeOf is not null && existing is { } stale && stale.BenchId == resumeOf && stale.IsGone)
            {
                await store.DeleteAsync([uri], cancellationToken).ConfigureAwait(false);
                continue;
            }
            throw Held(uri, outputs, partition, existing);
        }
    }

    private static InputException Held(StorageUri uri, string outputs, IReadOnlyList<string> partition, LockHolder? holder)
    {
        var owner = holder is null ? "a lock that is unreadable or was removed while it was read" : holder.Describe();
        var resume = holder is { IsGone: true } ? $" resume it with dq bench run --resume {holder.BenchId} (same arguments), or" : "";
        return new InputException(BenchErrors.Locked,
            $"Another bench run holds the lock on {outputs} [{string.Join(", ", partition)}]: {owner}. If that run is no longer going,{resume} remove the lock with: dq storage rm {uri}",
            new SourceLocation(uri.ToString()));
    }

    private static async Task<LockHolder?> ReadAsync(IObjectStore store, StorageUri uri, CancellationToken cancellationToken)
    {
        // A lock being created locally can be read empty for an instant: read it again before calling it unreadable.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var temp = Path.Combine(Path.GetTempPath(), "dq-lock-" + Guid.NewGuid().ToString("N"));
            try
            {
                var item = await store.HeadAsync(uri, cancellationToken).ConfigureAwait(false);
                await store.DownloadAsync(item, temp, cancellationToken).ConfigureAwait(false);
                using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(temp, cancellationToken).ConfigureAwait(false));
                return LockHolder.Read(doc.RootElement);
            }
            catch (DataQualityException ex) when (ex.Code == StorageErrorCodes.NotFound)
            {
                return null;
            }
            catch (Exception ex) when (ex is JsonException or IOException or DataQualityException)
            {
                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                try { File.Delete(temp); } catch (IOException) { }
            }
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_released) return;
        _released = true;
        await _store.DeleteAsync([Uri], CancellationToken.None).ConfigureAwait(false);
    }
}
