using System.Text.Json.Nodes;
using DataQuality.Core.Checks;

namespace DataQuality.Core.Contracts.Running;

/// <summary>
/// The datacontract-cli style diagnostics of a contract check result: which count was measured
/// (missing_count, invalid_count, duplicate_count, row_count, ...), its value, the rows it was
/// measured over and the failed fraction. Null fields do not apply (schema checks).
/// </summary>
public sealed record CheckDiagnostics(string? Metric, double? Value, long? RowCount, double? FailedFraction)
{
    public static CheckDiagnostics From(ExpectationResult result)
    {
        var r = result.Result;
        if (r.Details?["metric"] is JsonValue metric)
        {
            return new CheckDiagnostics(
                metric.ToString(),
                Number(r.Details["value"]),
                r.Details["row_count"] is JsonValue rc && rc.TryGetValue<long>(out var rows) ? rows : null,
                Number(r.Details["failed_fraction"]));
        }
        if (r.UnexpectedCount is { } unexpected && r.ElementCount is { } elements)
        {
            var name = result.Expectation.Type is "expect_column_values_to_not_be_null" ? "missing_count" : "invalid_count";
            return new CheckDiagnostics(name, unexpected, elements, elements == 0 ? null : (double)unexpected / elements);
        }
        return new CheckDiagnostics(null, null, null, null);
    }

    private static double? Number(JsonNode? node) => node is JsonValue v && Checks.Planning.JsonNumber.TryGetDouble(v, out var d) ? d : null;
}
