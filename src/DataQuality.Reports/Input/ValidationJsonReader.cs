using System.Text.Json.Nodes;
using DataQuality.Core.Checks;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Expectations;

namespace DataQuality.Reports.Input;

/// <summary>
/// Reads what <c>dq validate --format json</c> writes (<see cref="Core.Reporting.ResultJson"/>): one
/// GX-shaped report object, or <c>{success, reports:[...]}</c> for several, back into <see cref="ValidationReport"/>s.
/// </summary>
public static class ValidationJsonReader
{
    public static IReadOnlyList<ValidationReport> Read(string json, string source)
    {
        var root = JsonRead.Parse(json, source) as JsonObject ?? throw JsonRead.Bad(source, "a validation result is a JSON object");
        if (root["reports"] is JsonArray many)
            return JsonRead.Items(many).Select(r => Report(r as JsonObject ?? throw JsonRead.Bad(source, "each of 'reports' must be an object"), source)).ToList();
        if (root["results"] is not JsonArray)
            throw JsonRead.Bad(source, "it has no 'results' list; is it the output of 'dq validate --format json'?");
        return [Report(root, source)];
    }

    private static ValidationReport Report(JsonObject o, string source)
    {
        if (o["results"] is not JsonArray results) throw JsonRead.Bad(source, "a report has no 'results' list");
        var list = JsonRead.Items(results).Select(r => Result(r as JsonObject ?? throw JsonRead.Bad(source, "each result must be an object"))).ToList();
        return new ValidationReport(JsonRead.Str(o["suite"], "suite"), JsonRead.Str(o["dataset"], "dataset"), list);
    }

    private static ExpectationResult Result(JsonObject r)
    {
        var severity = JsonRead.Str(r["severity"]) == "warn" ? Severity.Warn : Severity.Error;
        var success = JsonRead.Bool(r["success"]);
        var status = JsonRead.Str(r["status"]) switch
        {
            "passed" => CheckStatus.Passed,
            "warned" => CheckStatus.Warned,
            "failed" => CheckStatus.Failed,
            "error" => CheckStatus.Error,
            // Plain GX output has no status: derive it the way the engine does.
            _ => r["exception_info"] is JsonObject { } e && JsonRead.Bool(e["raised_exception"]) ? CheckStatus.Error : ExpectationResult.StatusFor(success, severity),
        };
        var location = r["declared_at"] is JsonObject at && JsonRead.Str(at["path"]) is { } path
            ? new SourceLocation(path, (int?)JsonRead.LongOrNull(at["line"]), (int?)JsonRead.LongOrNull(at["column"]))
            : null;
        var config = new ExpectationConfig(
            JsonRead.Str(r["expectation_type"] ?? r["type"], "expectation"),
            r["kwargs"] is JsonObject k ? (JsonObject)k.DeepClone() : [],
            severity,
            r["meta"] is JsonObject m ? (JsonObject)m.DeepClone() : null,
            location);
        var d = r["result"] as JsonObject ?? [];
        ExceptionInfo? exception = r["exception_info"] is JsonObject ex && JsonRead.Bool(ex["raised_exception"], true)
            ? new ExceptionInfo(JsonRead.Str(ex["code"], "error"), JsonRead.Str(ex["exception_message"], ""))
            : null;
        return new ExpectationResult
        {
            Expectation = config,
            Success = success,
            Status = status,
            Exception = exception,
            Result = new ResultDetails
            {
                ObservedValue = d["observed_value"]?.DeepClone(),
                ElementCount = JsonRead.LongOrNull(d["element_count"]),
                UnexpectedCount = JsonRead.LongOrNull(d["unexpected_count"]),
                UnexpectedPercent = JsonRead.Num(d["unexpected_percent"]),
                UnexpectedPercentTotal = JsonRead.Num(d["unexpected_percent_total"]),
                UnexpectedPercentNonmissing = JsonRead.Num(d["unexpected_percent_nonmissing"]),
                MissingCount = JsonRead.LongOrNull(d["missing_count"]),
                MissingPercent = JsonRead.Num(d["missing_percent"]),
                PartialUnexpectedList = d["partial_unexpected_list"]?.DeepClone() as JsonArray,
                PartialUnexpectedCounts = d["partial_unexpected_counts"]?.DeepClone() as JsonArray,
                PartialUnexpectedIndexList = d["partial_unexpected_index_list"]?.DeepClone() as JsonArray,
                UnexpectedList = d["unexpected_list"]?.DeepClone() as JsonArray,
                UnexpectedIndexList = d["unexpected_index_list"]?.DeepClone() as JsonArray,
                UnexpectedIndexQuery = JsonRead.Str(d["unexpected_index_query"]),
                Details = d["details"]?.DeepClone() as JsonObject,
            },
        };
    }
}
