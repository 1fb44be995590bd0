using System.Text.Json.Nodes;
using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Expectations.Readers;

/// <summary>
/// Shape rules both suite readers apply to kwargs whose shape no expectation can work around, so a
/// malformed suite is an input error (exit 2) at its line instead of a crash while planning SQL.
/// </summary>
internal static class SuiteValueRules
{
    public static void Check(ExpectationConfig expectation)
    {
        if (expectation.Kwargs["value_set"] is not JsonArray set) return;
        for (var i = 0; i < set.Count; i++)
            if (set[i] is JsonObject or JsonArray)
                throw new InputException("DQ4006",
                    $"{expectation.Type}: value_set[{i}] is a {(set[i] is JsonObject ? "mapping" : "list")}; value_set entries are single values (string, number, boolean or null).",
                    expectation.Location);
    }
}
