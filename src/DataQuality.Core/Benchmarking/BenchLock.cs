using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Storage;

namespace DataQuality.Core.Benchmarking;

/// <summary>
/// Stops a second bench run on the same outputs and partition while one is running: an object
/// <c>&lt;namespace&gt;/.locks/&lt;hash of outputs and partition&gt;.json</c> naming its owner and start time.
/// A run that died leaves it behind; the error says whose it is and how to remove it. (On S3 two runs
/// starting within the same instant can both miss each other's lock; the lock guards against the
/// common case, a second run started while the first is still going.)
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

    public static async Task<BenchLock> AcquireAsync(IObjectStore store, StorageUri ns, string outputs, IReadOnlyList<string> partition, string benchId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var scope = outputs.TrimEnd('/') + "|" + string.Join(",", partition.Order(StringComparer.Ordinal));
        var name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scope)))[..16];
        var uri = ns.Append($".locks/{name}.json");
        try
        {
            var existing = await store.HeadAsync(uri, cancellationToken).ConfigureAwait(false);
            var owner = await DescribeAsync(store, existing, cancellationToken).ConfigureAwait(false);
            throw new InputException(BenchErrors.Locked,
                $"Another bench run holds the lock on {outputs} [{string.Join(", ", partition)}]: {owner}. If that run is no longer going, remove the lock with: dq storage rm {uri}",
                new SourceLocation(uri.ToString()));
        }
        catch (DataQualityException ex) when (ex.Code == StorageErrorCodes.NotFound)
        {
        }
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("benchId", benchId);
            w.WriteString("owner", $"{Environment.UserName}@{Environment.MachineName} pid {Environment.ProcessId}");
            w.WriteString("startedAt", now.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("outputs", outputs);
            w.WriteString("partition", string.Join(",", partition));
            w.WriteEndObject();
        }
        await store.PutAsync(uri, buffer.ToArray(), cancellationToken).ConfigureAwait(false);
        return new BenchLock(store, uri);
    }

    private static async Task<string> DescribeAsync(IObjectStore store, StorageObject lockObject, CancellationToken cancellationToken)
    {
        var temp = Path.Combine(Path.GetTempPath(), "dq-lock-" + Guid.NewGuid().ToString("N"));
        try
        {
            await store.DownloadAsync(lockObject, temp, cancellationToken).ConfigureAwait(false);
            using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(temp, cancellationToken).ConfigureAwait(false));
            string Field(string name) => doc.RootElement.TryGetProperty(name, out var v) ? v.GetString() ?? "?" : "?";
            return $"bench {Field("benchId")} by {Field("owner")}, started {Field("startedAt")}";
        }
        catch (Exception ex) when (ex is JsonException or IOException)
        {
            return $"an unreadable lock written {lockObject.LastModified:O}";
        }
        finally
        {
            try { File.Delete(temp); } catch (IOException) { }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_released) return;
        _released = true;
        await _store.DeleteAsync([Uri], CancellationToken.None).ConfigureAwait(false);
    }
}
