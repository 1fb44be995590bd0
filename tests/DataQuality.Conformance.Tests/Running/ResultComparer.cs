using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DataQuality.Conformance.Tests.Fixtures;
using DataQuality.Core.Checks;

namespace DataQuality.Conformance.Tests.Running;

/// <summary>
/// Compares our result with a case's <c>out</c> the way GX's <c>check_json_test_result</c> does,
/// returning null on a match or the first mismatch as text. Differences from GX, all stricter:
/// an expected error (traceback_substring, test-level "error") must be an error result (the
/// Python traceback text itself is not compared); an error result where none was expected is a
/// miss; a non-empty expected unexpected_index_list must be present (GX skips the check when the
/// result has none); exact_match_out compares every key of out.result rather than only common keys,
/// except GX's pandas artefact details.partial_unexpected_counts_error.
/// </summary>
public static partial class ResultComparer
{
    // GX self_check/util.py: RTOL, ATOL and RX_FLOAT for observed_value comparisons.
    private const double Rtol = 1e-7;
    private const double Atol = 5e-2;

    public static string? Compare(GxCase gxCase, ExpectationResult result, bool pkColumn)
    {
        if (gxCase.ExpectsError)
            return result.Status == CheckStatus.Error ? null : $"expected an error, got success={Lower(result.Success)} ({result.Status})";
        if (result.Status == CheckStatus.Error)
            return $"error {result.Exception?.Code}: {result.Exception?.Message}";

        var ours = GxResultJson.Result(result.Result);
        var output = gxCase.Out;
        return gxCase.ExactMatch ? CompareExact(output, result, ours) : CompareKeys(gxCase, output, result, ours, pkColumn);
    }

    private static string? CompareKeys(GxCase gxCase, JsonObject output, ExpectationResult result, JsonObject ours, bool pkColumn)
    {
        foreach (var (key, expected) in output)
        {
            string? miss = key switch
            {
                "success" => SuccessMiss(expected, result),
                "observed_value" => ObservedMiss(gxCase, expected, ours["observed_value"]),
                "observed_value_list" => expected is JsonArray options && options.Any(o => JsonCompare.Equal(ours["observed_value"], o))
                    ? null : $"observed_value {JsonCompare.Show(ours["observed_value"])} not one of {JsonCompare.Show(expected)}",
                "unexpected_index_list" => pkColumn ? IndexListMiss(expected as JsonArray ?? [], ours["unexpected_index_list"] as JsonArray) : null,
                "unexpected_list" or "partial_unexpected_list" => JsonCompare.SameMultiset(ours[key] as JsonArray, expected as JsonArray ?? [])
                    ? null : $"{key} {JsonCompare.Show(ours[key])}, expected {JsonCompare.Show(expected)}",
                "details" => JsonCompare.Equal(ours["details"], expected) ? null : $"details {JsonCompare.Show(ours["details"])}, expected {JsonCompare.Show(expected)}",
                // GX's checker ignores unexpected_count in non-exact cases.
                "unexpected_count" => null,
                "value_counts" => (expected as JsonArray ?? []).All(vc => (ours["details"]?["value_counts"] as JsonArray ?? []).Any(o => JsonCompare.Equal(o, vc)))
                    ? null : $"details.value_counts {JsonCompare.Show(ours["details"]?["value_counts"])} lacks {JsonCompare.Show(expected)}",
                "observed_partition" or "expected_partition" => PartitionMiss(key, expected, ours["details"]?[key]),
                _ when key.StartsWith("observed_cdf_x_", StringComparison.Ordinal) => CdfMiss(key, expected, ours["details"]?["observed_cdf"]?["x"] as JsonArray),
                _ => $"out key '{key}' is not compared by this harness",
            };
            if (miss is not null) return miss;
        }
        return null;
    }

    private static string? CompareExact(JsonObject output, ExpectationResult result, JsonObject ours)
    {
        if (output["success"] is { } s && SuccessMiss(s, result) is { } miss) return miss;
        if (output["result"] is not JsonObject expected) return null;
        foreach (var (key, value) in expected)
        {
            var actual = ours[key];
            if (key == "details" && value is JsonObject d && d.Count == 1 && d.ContainsKey("partial_unexpected_counts_error")) continue;
            var ok = key switch
            {
                "observed_value" when value is JsonValue && JsonCompare.TryNumber(value, out _) => actual is not null && JsonCompare.Close(actual, value, Rtol, Atol),
                "unexpected_list" or "partial_unexpected_list" => value is JsonArray list && JsonCompare.SameMultiset(actual as JsonArray, list),
                "unexpected_index_list" when value is JsonArray list => IndexListMiss(list, actual as JsonArray) is null,
                _ => ours.ContainsKey(key) ? JsonCompare.Equal(actual, value) : value is null,
            };
            if (!ok) return $"result.{key} {(ours.ContainsKey(key) ? JsonCompare.Show(actual) : "not reported")}, expected {JsonCompare.Show(value)}";
        }
        return null;
    }

    private static string? SuccessMiss(JsonNode? expected, ExpectationResult result) =>
        expected is JsonValue v && v.TryGetValue<bool>(out var want) && want == result.Success ? null : $"success={Lower(result.Success)}, expected {JsonCompare.Show(expected)}";

    // GX's checker: np.allclose on the partition's bins, weights and (when present) tail_weights.
    private static string? PartitionMiss(string key, JsonNode? expected, JsonNode? actual)
    {
        if (expected is not JsonObject e) return null;
        foreach (var part in new[] { "bins", "values", "weights", "tail_weights" })
        {
            if (e[part] is not JsonArray want) continue;
            if (actual?[part] is not JsonArray got || !JsonCompare.Close(got, want, 1e-5, 1e-8))
                return $"details.{key}.{part} {JsonCompare.Show(actual?[part])}, expected {JsonCompare.Show(want)}";
        }
        return null;
    }

    // GX's checker: observed_cdf_x_<0|-1>_<lt|gt|eq> compares the first/last observed CDF x with the value.
    private static string? CdfMiss(string key, JsonNode? expected, JsonArray? xs)
    {
        var parts = key["observed_cdf_x_".Length..].Split('_');
        if (xs is null || xs.Count == 0 || parts.Length != 2 || !JsonCompare.TryNumber(expected!, out var want)) return $"{key}: no details.observed_cdf.x to compare";
        var node = parts[0] == "0" ? xs[0] : xs[^1];
        if (!JsonCompare.TryNumber(node!, out var x)) return $"{key}: observed_cdf x is not a number";
        var ok = parts[1] switch { "lt" => x < want, "gt" => x > want, _ => Math.Abs(x - want) <= 1e-8 + 1e-5 * Math.Abs(want) };
        return ok ? null : $"{key}: observed_cdf x = {x}, expected {parts[1]} {want}";
    }

    private static string? ObservedMiss(GxCase gxCase, JsonNode? expected, JsonNode? actual)
    {
        bool ok;
        if (gxCase.Test["tolerance"] is JsonValue tol && JsonCompare.TryNumber(tol, out var rtol))
            ok = expected is JsonObject eo
                ? actual is JsonObject ao && ao.Count == eo.Count && eo.All(kv => JsonCompare.Close(ao[kv.Key], kv.Value, rtol, 1e-8))
                : JsonCompare.Close(actual, expected, rtol, 1e-8);
        else if (expected is JsonObject withValues && withValues.ContainsKey("values"))
            ok = JsonCompare.Close(actual?["values"], withValues["values"], Rtol, Atol) || JsonCompare.Equal(actual, expected);
        else if (expected is not null && FloatRepr().IsMatch(expected.ToJsonString()))
            ok = JsonCompare.Close(actual, expected, Rtol, Atol);
        else
            ok = JsonCompare.Equal(actual, expected);
        return ok ? null : $"observed_value {JsonCompare.Show(actual)}, expected {JsonCompare.Show(expected)}";
    }

    /// <summary>GX sorts our index list by pk_index and compares it with the expected list.</summary>
    private static string? IndexListMiss(JsonArray expected, JsonArray? actual)
    {
        if ((actual?.Count ?? 0) == 0 && expected.Count == 0) return null;
        var sorted = actual is null ? [] : new JsonArray(actual.OrderBy(e => JsonCompare.TryNumber(e?["pk_index"]!, out var k) ? k : double.MaxValue).Select(e => e?.DeepClone()).ToArray());
        return JsonCompare.Equal(sorted, expected) ? null : $"unexpected_index_list {JsonCompare.Show(actual)}, expected {JsonCompare.Show(expected)}";
    }

    private static string Lower(bool b) => b ? "true" : "false";

    // GX's RX_FLOAT = r".*\d\.\d+.*" applied to repr(value): any decimal point between digits.
    [GeneratedRegex(@"\d\.\d")]
    private static partial Regex FloatRepr();
}
