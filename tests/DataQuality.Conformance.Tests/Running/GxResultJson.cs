using System.Text.Json.Nodes;
using DataQuality.Core.Checks;

namespace DataQuality.Conformance.Tests.Running;

/// <summary>Our result as GX's <c>result</c> dict (snake_case keys; fields we do not report are absent).</summary>
public static class GxResultJson
{
    public static JsonObject Result(ResultDetails r)
    {
        var o = new JsonObject();
        void Add(string key, JsonNode? value, bool present)
        {
            if (present) o[key] = value?.DeepClone();
        }
        Add("observed_value", r.ObservedValue, r.ObservedValue is not null);
        Add("element_count", r.ElementCount, r.ElementCount is not null);
        Add("unexpected_count", r.UnexpectedCount, r.UnexpectedCount is not null);
        Add("unexpected_percent", r.UnexpectedPercent, r.UnexpectedPercent is not null);
        Add("unexpected_percent_total", r.UnexpectedPercentTotal, r.UnexpectedPercentTotal is not null);
        Add("unexpected_percent_nonmissing", r.UnexpectedPercentNonmissing, r.UnexpectedPercentNonmissing is not null);
        Add("missing_count", r.MissingCount, r.MissingCount is not null);
        Add("missing_percent", r.MissingPercent, r.MissingPercent is not null);
        Add("partial_unexpected_list", r.PartialUnexpectedList, r.PartialUnexpectedList is not null);
        Add("partial_unexpected_counts", r.PartialUnexpectedCounts, r.PartialUnexpectedCounts is not null);
        Add("partial_unexpected_index_list", r.PartialUnexpectedIndexList, r.PartialUnexpectedIndexList is not null);
        Add("unexpected_list", r.UnexpectedList, r.UnexpectedList is not null);
        Add("unexpected_index_list", r.UnexpectedIndexList, r.UnexpectedIndexList is not null);
        Add("unexpected_index_query", r.UnexpectedIndexQuery, r.UnexpectedIndexQuery is not null);
        Add("details", r.Details, r.Details is not null);
        return o;
    }
}
