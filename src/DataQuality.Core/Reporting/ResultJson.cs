using System.Text.Json.Nodes;
using DataQuality.Core.Checks;

namespace DataQuality.Core.Reporting;

/// <summary>
/// Results as GX-shaped JSON: <c>{success, statistics, results:[{expectation_type, kwargs, success,
/// severity, result:{...}, exception_info?}]}</c>, results in suite order, null fields omitted.
/// </summary>
public static class ResultJson
{
    public static JsonObject Report(ValidationReport report) => new()
    {
        ["suite"] = report.SuiteName,
        ["dataset"] = report.DatasetName,
        ["success"] = report.Success,
        ["statistics"] = Statistics(report.Statistics),
        ["results"] = new JsonArray(report.Results.Select(JsonNode (r) => Result(r)).ToArray()),
    };

    public static JsonObject Statistics(ValidationStatistics s) => new()
    {
        ["evaluated_expectations"] = s.Evaluated,
        ["successful_expectations"] = s.Successful,
        ["warned_expectations"] = s.Warned,
        ["unsuccessful_expectations"] = s.Failed,
        ["errored_expectations"] = s.Errored,
        ["success_percent"] = Math.Round(s.SuccessPercent, 6),
    };

    public static JsonObject Result(ExpectationResult r)
    {
        var obj = new JsonObject
        {
            ["expectation_type"] = r.Expectation.Type,
            ["kwargs"] = r.Expectation.Kwargs.DeepClone(),
            ["success"] = r.Success,
            ["status"] = r.Status.ToString().ToLowerInvariant(),
            ["severity"] = r.Expectation.Severity.ToString().ToLowerInvariant(),
            ["result"] = Details(r.Result),
        };
        if (r.Expectation.Meta is { } meta) obj["meta"] = meta.DeepClone();
        // Where the check was declared, so reports built from this file can point at the suite or contract line.
        if (r.Expectation.Location is { } at)
        {
            var declared = new JsonObject { ["path"] = at.Path };
            if (at.Line is { } line) declared["line"] = line;
            if (at.Column is { } column) declared["column"] = column;
            obj["declared_at"] = declared;
        }
        if (r.Exception is { } e)
            obj["exception_info"] = new JsonObject { ["raised_exception"] = true, ["code"] = e.Code, ["exception_message"] = e.Message };
        return obj;
    }

    public static JsonObject Details(ResultDetails d)
    {
        var obj = new JsonObject();
        void Add(string name, JsonNode? value) { if (value is not null) obj[name] = value; }
        Add("observed_value", d.ObservedValue?.DeepClone());
        Add("element_count", d.ElementCount);
        Add("unexpected_count", d.UnexpectedCount);
        Add("unexpected_percent", d.UnexpectedPercent);
        Add("unexpected_percent_total", d.UnexpectedPercentTotal);
        Add("unexpected_percent_nonmissing", d.UnexpectedPercentNonmissing);
        Add("missing_count", d.MissingCount);
        Add("missing_percent", d.MissingPercent);
        Add("partial_unexpected_list", d.PartialUnexpectedList?.DeepClone());
        Add("partial_unexpected_counts", d.PartialUnexpectedCounts?.DeepClone());
        Add("partial_unexpected_index_list", d.PartialUnexpectedIndexList?.DeepClone());
        Add("unexpected_list", d.UnexpectedList?.DeepClone());
        Add("unexpected_index_list", d.UnexpectedIndexList?.DeepClone());
        Add("unexpected_index_query", d.UnexpectedIndexQuery);
        Add("details", d.Details?.DeepClone());
        return obj;
    }

    private static void Add(this JsonObject obj, string name, long? value) { if (value is not null) obj[name] = value; }
}
