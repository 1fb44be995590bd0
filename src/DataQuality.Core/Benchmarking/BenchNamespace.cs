using System.Text;
using System.Text.Json;
using DataQuality.Core.Comparison;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Storage;

namespace DataQuality.Core.Benchmarking;

/// <summary>A finished (or interrupted) bench in the namespace: its id, context and, when it got that far, its exit code.</summary>
public sealed record BenchEntry(string BenchId, BenchContext Context, int? ExitCode);

/// <summary>
/// Reads what bench runs left in a namespace: <c>dq bench list/show/restore/compare</c>.
/// Layout: <c>&lt;namespace&gt;/&lt;bench id&gt;/{manifest.json, pre-benchmark/, base/, head/, logs/, result.json, report.md, runtime.svg}</c>.
/// </summary>
public sealed class BenchNamespace(IObjectStore store, StorageUri root)
{
    public async Task<IReadOnlyList<BenchEntry>> ListAsync(CancellationToken cancellationToken)
    {
        var manifests = new List<StorageObject>();
        await foreach (var item in store.ListAsync(root.WithKey(root.DirectoryPrefix), cancellationToken).ConfigureAwait(false))
        {
            var relative = ObjectSelection.RelativeKey(root.DirectoryPrefix, item.Uri.Key);
            if (relative.Count(c => c == '/') == 1 && relative.EndsWith("/manifest.json", StringComparison.Ordinal)) manifests.Add(item);
        }
        var result = new List<BenchEntry>();
        foreach (var manifest in manifests)
        {
            var id = ObjectSelection.RelativeKey(root.DirectoryPrefix, manifest.Uri.Key).Split('/')[0];
            result.Add(await GetAsync(id, cancellationToken).ConfigureAwait(false));
        }
        return result.OrderBy(e => e.BenchId, StringComparer.Ordinal).ToList();
    }

    public async Task<BenchEntry> GetAsync(string benchId, CancellationToken cancellationToken)
    {
        if (benchId.Length == 0 || benchId.Contains('/') || benchId.Contains('\\') || benchId is "." or "..")
            throw new InputException(BenchErrors.UnknownBench, $"'{benchId}' is not a bench id (yyyyMMdd-HHmmss-client-partition); list them with dq bench list --namespace {root}.");
        var manifest = await ReadTextAsync(Folder(benchId).Append("manifest.json"), cancellationToken).ConfigureAwait(false)
            ?? throw new InputException(BenchErrors.UnknownBench, $"No bench '{benchId}' in {root} (no manifest.json); list them with dq bench list --namespace {root}.", new SourceLocation(Folder(benchId).ToString()));
        using var doc = ParseJson(manifest, Folder(benchId).Append("manifest.json"));
        int? exit = null;
        if (await ReadTextAsync(Folder(benchId).Append("result.json"), cancellationToken).ConfigureAwait(false) is { } resultJson)
        {
            using var result = ParseJson(resultJson, Folder(benchId).Append("result.json"));
            if (result.RootElement.TryGetProperty("exitCode", out var code) && code.TryGetInt32(out var n)) exit = n;
        }
        return new BenchEntry(benchId, BenchContext.Read(doc.RootElement), exit);
    }

    public StorageUri Folder(string benchId) => root.Append(benchId);

    /// <summary>The object's text, or null when it does not exist.</summary>
    public async Task<string?> ReadTextAsync(StorageUri uri, CancellationToken cancellationToken)
    {
        StorageObject item;
        try
        {
            item = await store.HeadAsync(uri, cancellationToken).ConfigureAwait(false);
        }
        catch (DataQualityException ex) when (ex.Code == StorageErrorCodes.NotFound)
        {
            return null;
        }
        if (!uri.IsS3) return await File.ReadAllTextAsync(uri.Key, Encoding.UTF8, cancellationToken).ConfigureAwait(false);
        var temp = Path.Combine(Path.GetTempPath(), "dq-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            await store.DownloadAsync(item, temp, cancellationToken).ConfigureAwait(false);
            return await File.ReadAllTextAsync(temp, Encoding.UTF8, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            try { File.Delete(temp); } catch (IOException) { }
        }
    }

    /// <summary>The scope a bench's manifest names (partition, layers, layout), for restoring it.</summary>
    public static PartitionScope ScopeOf(BenchContext context) =>
        new(context.Partition, context.Layers, TreeLayout.Parse(context.Layout));

    private static JsonDocument ParseJson(string text, StorageUri uri)
    {
        try
        {
            return JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            throw new InputException(BenchErrors.UnknownBench, $"{uri} is not valid JSON: {ex.Message}", new SourceLocation(uri.ToString()), ex);
        }
    }
}
