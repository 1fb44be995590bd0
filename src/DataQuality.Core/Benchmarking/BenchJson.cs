using System.Text.Encodings.Web;
using System.Text.Json;
using DataQuality.Core.Snapshots;

namespace DataQuality.Core.Benchmarking;

/// <summary>
/// <c>dq bench run --format json</c> and <c>result.json</c> in the bench folder (docs/bench.md "JSON"):
/// <c>{benchId, context, runs, runtime: {base, head, ratioP50, ratioP95}, comparison}</c>, the comparison
/// being exactly what <c>dq compare --format json</c> writes. Non-finite figures (no successful run) are
/// the strings "NaN"/"Infinity", never null.
/// </summary>
public static class BenchJson
{
    public const int SchemaVersion = 1;

    public static string Render(BenchResult result)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", SchemaVersion);
            w.WriteString("benchId", result.Context.BenchId);
            w.WritePropertyName("context");
            result.Context.Write(w);
            w.WriteStartArray("runs");
            foreach (var r in result.Runs)
            {
                w.WriteStartObject();
                w.WriteString("label", r.Label);
                w.WriteNumber("iteration", r.Iteration);
                w.WriteBoolean("warmUp", r.WarmUp);
                Number(w, "wallSeconds", r.WallSeconds);
                Number(w, "cpuSeconds", r.CpuSeconds);
                w.WriteNumber("peakRssBytes", r.PeakRssBytes);
                w.WriteNumber("exitCode", r.ExitCode);
                w.WriteBoolean("timedOut", r.TimedOut);
                if (!r.Succeeded) w.WriteString("stderrTail", r.StderrTail);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("runtime");
            Summary(w, "base", result.Base);
            Summary(w, "head", result.Head);
            Number(w, "ratioP50", result.RatioP50);
            Number(w, "ratioP95", result.RatioP95);
            w.WriteEndObject();
            if (result.Restore is { } restore)
            {
                w.WriteStartObject("restore");
                w.WriteNumber("objects", restore.Objects);
                w.WriteBoolean("identical", restore.Identical);
                w.WriteEndObject();
            }
            w.WriteNumber("exitCode", result.ExitCode);
            w.WritePropertyName("comparison");
            if (result.Comparison is null) w.WriteNullValue();
            else
            {
                using var doc = JsonDocument.Parse(ComparisonJson.Render(result.Comparison, new SnapshotRenderOptions { ScrubRoots = false }));
                doc.RootElement.WriteTo(w);
            }
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Summary(Utf8JsonWriter w, string name, RuntimeSummary s)
    {
        w.WriteStartObject(name);
        w.WriteNumber("runs", s.Runs);
        w.WriteNumber("succeeded", s.Succeeded);
        Number(w, "p50", s.P50);
        Number(w, "p95", s.P95);
        Number(w, "min", s.Min);
        Number(w, "max", s.Max);
        Number(w, "cpuP50", s.CpuP50);
        w.WriteNumber("peakRssBytes", s.PeakRssMax);
        Number(w, "successRate", s.SuccessRate);
        if (s.CostPerRun is { } cost) Number(w, "costPerRun", cost);
        else w.WriteNull("costPerRun");
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(name, Math.Round(value, 6));
        else w.WriteString(name, double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
    }
}
