using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.History;

/// <summary>
/// One validation run as stored in the history: one JSON line. <see cref="Source"/> names the suite
/// or contract model that ran, <see cref="Dataset"/> is the key history is looked up by.
/// </summary>
public sealed record HistoryRun(string RunId, DateTime TimeUtc, string SourceKind, string Source, string Dataset, IReadOnlyList<HistoryCheck> Checks)
{
    public const int FormatVersion = 1;

    public string ToJsonLine()
    {
        var checks = new JsonArray();
        foreach (var c in Checks)
        {
            var o = new JsonObject
            {
                ["key"] = c.Key,
                ["type"] = c.Type,
                ["column"] = c.Column,
                ["observed_value"] = c.ObservedValue?.DeepClone(),
                ["element_count"] = c.ElementCount,
                ["unexpected_count"] = c.UnexpectedCount,
                ["status"] = c.Status,
            };
            checks.Add((JsonNode)o);
        }
        var run = new JsonObject
        {
            ["version"] = FormatVersion,
            ["run_id"] = RunId,
            ["time_utc"] = TimeUtc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
            ["source_kind"] = SourceKind,
            ["source"] = Source,
            ["dataset"] = Dataset,
            ["checks"] = checks,
        };
        return run.ToJsonString(Reporting.JsonNumbers.Compact);
    }

    /// <summary>Parses one line; <paramref name="where"/> names the file and line for the error.</summary>
    public static HistoryRun Parse(string line, SourceLocation where)
    {
        try
        {
            var o = JsonNode.Parse(line) as JsonObject ?? throw new FormatException("not a JSON object");
            var version = o["version"]?.GetValue<int>() ?? throw new FormatException("no 'version'");
            if (version != FormatVersion) throw new FormatException($"unsupported version {version} (this dq reads {FormatVersion})");
            var checks = new List<HistoryCheck>();
            foreach (var node in o["checks"] as JsonArray ?? throw new FormatException("no 'checks' list"))
            {
                var c = node as JsonObject ?? throw new FormatException("a check is not an object");
                checks.Add(new HistoryCheck(
                    Str(c, "key") ?? throw new FormatException("a check has no 'key'"),
                    Str(c, "type") ?? "",
                    Str(c, "column"),
                    c["observed_value"]?.DeepClone(),
                    c["element_count"]?.GetValue<long>(),
                    c["unexpected_count"]?.GetValue<long>(),
                    Str(c, "status") ?? ""));
            }
            var time = DateTime.Parse(Str(o, "time_utc") ?? throw new FormatException("no 'time_utc'"), CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            return new HistoryRun(
                Str(o, "run_id") ?? throw new FormatException("no 'run_id'"), time,
                Str(o, "source_kind") ?? "", Str(o, "source") ?? "",
                Str(o, "dataset") ?? throw new FormatException("no 'dataset'"), checks);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            throw new InputException(HistoryErrorCodes.MalformedRecord, $"History record at {where} is not a dq run record: {ex.Message}", where, ex);
        }
    }

    private static string? Str(JsonObject o, string name) => o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    /// <summary>A run id that sorts by time (keys of S3 objects sort the same way) and is unique across writers.</summary>
    public static string NewRunId(DateTime timeUtc) =>
        timeUtc.ToString("yyyyMMdd'T'HHmmssfffffff'Z'", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..12];
}

/// <summary>One check's metrics in a run: its history key, observed value, counts and status.</summary>
public sealed record HistoryCheck(string Key, string Type, string? Column, JsonNode? ObservedValue, long? ElementCount, long? UnexpectedCount, string Status)
{
    /// <summary>The observed value as a number, when it is one (booleans as 0/1).</summary>
    public double? Number => ObservedValue switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => Checks.Planning.JsonNumber.TryGetDouble(v, out var d) ? d : null,
        JsonValue v when v.GetValueKind() == JsonValueKind.True => 1,
        JsonValue v when v.GetValueKind() == JsonValueKind.False => 0,
        _ => null,
    };
}
