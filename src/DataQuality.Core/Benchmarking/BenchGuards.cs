using System.Globalization;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Storage;

namespace DataQuality.Core.Benchmarking;

/// <summary>
/// The guardrails a hand-run branch benchmark gets wrong (issue 11): production touched, a floating
/// partition ("today") that makes base and head read different inputs, a namespace inside the outputs it
/// snapshots. Each is refused before anything runs.
/// </summary>
public static class BenchGuards
{
    private static readonly string[] FloatingWords = ["today", "yesterday", "tomorrow", "now", "latest", "current", "current_date"];

    public static void Check(BenchRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.RunCommand))
            throw new InputException(BenchErrors.InvalidArgument, "--run is empty: give the command that runs the pipeline, e.g. 'python pipeline.py --ds {ds} --out {outputs}'.");
        if (request.Env.Trim().ToLowerInvariant() is "prod" or "production" or "prd" && !request.AllowProd)
            throw new InputException(BenchErrors.ProdRefused, $"--env {request.Env}: a bench run purges and rewrites the target partition; refusing production without --allow-prod.");
        if (request.Partition.Count == 0)
            throw new InputException(BenchErrors.InvalidArgument, "--partition is required: a fixed partition such as ds=2026-02-11, the same for both branches.");
        foreach (var term in request.Partition) CheckPartition(term, request.Clock);
        if (request.Repeat is < 0 or > 1000)
            throw new InputException(BenchErrors.InvalidArgument, $"--repeat {request.Repeat}: give 1 to 1000 measured runs per branch (5 or more for a meaningful p95).");
        if (request.HourlyRate is { } rate && (rate < 0 || !double.IsFinite(rate)))
            throw new InputException(BenchErrors.InvalidArgument, $"--hourly-rate {rate.ToString(CultureInfo.InvariantCulture)}: give a cost per hour of 0 or more.");
        if (request.Layers.Count > 0 && !request.Layout.Variables.Contains("layer"))
            throw new InputException(BenchErrors.InvalidArgument, $"--layers needs a layout with {{layer}}; '{request.Layout.Pattern}' has none.");
        if (string.Equals(request.BaseBranch, request.HeadBranch, StringComparison.Ordinal))
            throw new InputException(BenchErrors.InvalidArgument, $"--base and --head are both '{request.BaseBranch}': a bench compares two branches.");

        var outputs = StorageUri.Parse(request.Outputs);
        var ns = StorageUri.Parse(request.Namespace);
        if (Overlaps(outputs, ns))
            throw new InputException(BenchErrors.Overlap, $"--namespace {request.Namespace} and --outputs {request.Outputs} overlap: snapshots would be purged with the partition, or the partition copied into itself. Use a namespace outside the outputs.");
    }

    /// <summary>A <c>column=value</c> term whose value is fixed: not a word that moves with the clock, not a shell substitution, not today's date.</summary>
    private static void CheckPartition(string term, TimeProvider clock)
    {
        var eq = term.IndexOf('=');
        if (eq <= 0 || eq == term.Length - 1)
            throw new InputException(BenchErrors.InvalidArgument, $"--partition '{term}' must look like column=value, e.g. ds=2026-02-11.");
        var value = term[(eq + 1)..].Trim();
        if (value.Contains(',', StringComparison.Ordinal))
            throw new InputException(BenchErrors.InvalidArgument, $"--partition '{term}': one value per column; a bench runs the pipeline into exactly one partition.");
        var lower = value.ToLowerInvariant();
        if (FloatingWords.Contains(lower) || lower.Contains("$(", StringComparison.Ordinal) || lower.Contains('`', StringComparison.Ordinal)
            || lower.Contains("{{", StringComparison.Ordinal) || lower.Contains("${", StringComparison.Ordinal) || lower.Contains("now()", StringComparison.Ordinal))
            throw new InputException(BenchErrors.FloatingPartition, $"--partition '{term}' moves with the clock: base and head would read different inputs. Pin a fixed value, e.g. {term[..eq]}=2026-02-11.");
        var today = clock.GetUtcNow().UtcDateTime.Date;
        if (DateTime.TryParseExact(value, ["yyyy-MM-dd", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date >= today)
            throw new InputException(BenchErrors.FloatingPartition, $"--partition '{term}' is today's (or a future) date, as a date computed at run time would be; its inputs may still be arriving. Pin a past partition whose inputs are complete.");
    }

    /// <summary>True when one location is the other or lies inside it (same bucket for S3, resolved paths locally).</summary>
    public static bool Overlaps(StorageUri a, StorageUri b)
    {
        if (a.IsS3 != b.IsS3 || a.Bucket != b.Bucket) return false;
        var x = a.IsS3 ? a.DirectoryPrefix : Resolve(a.Key);
        var y = b.IsS3 ? b.DirectoryPrefix : Resolve(b.Key);
        return x.StartsWith(y, StringComparison.Ordinal) || y.StartsWith(x, StringComparison.Ordinal);
    }

    private static string Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            // Follow a symlinked root so 'out' and a link to it count as the same place.
            if (Directory.Exists(full) && new DirectoryInfo(full).ResolveLinkTarget(returnFinalTarget: true) is { } target) full = target.FullName;
        }
        catch (IOException) { }
        return full.TrimEnd('/') + "/";
    }
}
