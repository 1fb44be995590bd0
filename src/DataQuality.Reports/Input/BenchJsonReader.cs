using System.Text.Json;
using System.Text.Json.Nodes;
using DataQuality.Core.Benchmarking;
using static DataQuality.Reports.Input.JsonRead;

namespace DataQuality.Reports.Input;

/// <summary>
/// Reads what <c>dq bench run --format json</c> and the bench folder's <c>result.json</c> hold
/// (<see cref="BenchJson"/>, docs/bench.md "JSON") back into a <see cref="BenchResult"/>. Non-finite
/// figures arrive as the strings "NaN"/"Infinity" (<see cref="JsonRead.Num"/> reads them); the
/// <c>comparison</c> member is read by <see cref="ComparisonJsonReader"/>, the same as a <c>--compare</c> file.
/// </summary>
public static class BenchJsonReader
{
    public static BenchResult Read(string json, string source)
    {
        var root = Parse(json, source) as JsonObject ?? throw Bad(source, "a bench result is a JSON object");
        if (root["context"] is not JsonObject context || root["runs"] is not JsonArray runs || root["runtime"] is not JsonObject runtime)
            throw Bad(source, "it has no 'context', 'runs' and 'runtime'; is it the output of 'dq bench run --format json' (or a bench's result.json)?");
        using var contextDoc = JsonDocument.Parse(context.ToJsonString());
        var restore = root["restore"] as JsonObject;
        return new BenchResult(
            BenchContext.Read(contextDoc.RootElement),
            runs.OfType<JsonObject>().Select(r => new RunMeasurement(
                Str(r["label"], ""), (int)Long(r["iteration"]), Bool(r["warmUp"]), Num(r["wallSeconds"]) ?? double.NaN, Num(r["cpuSeconds"]) ?? double.NaN,
                Long(r["peakRssBytes"]), (int)Long(r["exitCode"]), Bool(r["timedOut"]), Str(r["stderrTail"], ""))).ToList(),
            Summary(runtime["base"]),
            Summary(runtime["head"]),
            root["comparison"] is JsonObject comparison ? ComparisonJsonReader.Read(comparison, source) : null,
            restore is null ? null : new RestoreOutcome((int)Long(restore["objects"]), Bool(restore["identical"]), []));
    }

    private static RuntimeSummary Summary(JsonNode? s) => new(
        (int)Long(s?["runs"]), (int)Long(s?["succeeded"]), Num(s?["p50"]) ?? double.NaN, Num(s?["p95"]) ?? double.NaN,
        Num(s?["min"]) ?? double.NaN, Num(s?["max"]) ?? double.NaN, Num(s?["cpuP50"]) ?? double.NaN, Long(s?["peakRssBytes"]), Num(s?["costPerRun"]));
}
