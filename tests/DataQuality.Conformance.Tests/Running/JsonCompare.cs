using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataQuality.Core.Checks.Planning;

namespace DataQuality.Conformance.Tests.Running;

/// <summary>
/// Python-style equality of JSON values as GX's checker sees them after to_json_dict: numbers
/// compare by value (1 == 1.0), objects by keys, arrays in order. Doubles that went through
/// different arithmetic may differ in the last bits, so "equal" numbers allow a 1e-9 relative
/// difference; np.allclose-style comparisons take their own tolerances.
/// </summary>
public static class JsonCompare
{
    public const double EqualityRtol = 1e-9;

    public static bool Equal(JsonNode? a, JsonNode? b) => Close(a, b, EqualityRtol, 0);

    /// <summary>np.allclose: |a − b| ≤ atol + rtol·|b| elementwise; non-numbers must be equal.</summary>
    public static bool Close(JsonNode? a, JsonNode? b, double rtol, double atol)
    {
        if (a is null || b is null) return a is null && b is null;
        if (TryNumber(a, out var x) && TryNumber(b, out var y))
        {
            if (double.IsNaN(x) || double.IsNaN(y)) return double.IsNaN(x) && double.IsNaN(y);
            if (double.IsInfinity(x) || double.IsInfinity(y)) return x.Equals(y);
            return Math.Abs(x - y) <= atol + rtol * Math.Abs(y);
        }
        switch (a, b)
        {
            case (JsonArray xa, JsonArray ya):
                return xa.Count == ya.Count && xa.Zip(ya).All(p => Close(p.First, p.Second, rtol, atol));
            case (JsonObject xo, JsonObject yo):
                return xo.Count == yo.Count && xo.All(kv => yo.TryGetPropertyValue(kv.Key, out var other) && Close(kv.Value, other, rtol, atol));
            case (JsonValue xv, JsonValue yv):
                if (xv.GetValueKind() != yv.GetValueKind()) return false;
                var (xs, ys) = (Scalar(xv), Scalar(yv));
                // sqlite hands timestamps back as "1970-01-01 12:00:01", the others as ISO "…T…": same instant, same value.
                return xs == ys || (TryTimestamp(xs, out var tx) && TryTimestamp(ys, out var ty) && tx == ty);
            default:
                return false;
        }
    }

    /// <summary>Order-insensitive list equality (GX sorts both lists before comparing).</summary>
    public static bool SameMultiset(JsonArray? ours, JsonArray expected)
    {
        if (ours is null) return expected.Count == 0;
        if (ours.Count != expected.Count) return false;
        var remaining = ours.ToList();
        foreach (var e in expected)
        {
            var i = remaining.FindIndex(o => Equal(o, e));
            if (i < 0) return false;
            remaining.RemoveAt(i);
        }
        return true;
    }

    public static bool TryNumber(JsonNode node, out double value)
    {
        value = 0;
        if (node is not JsonValue v) return false;
        if (v.GetValueKind() == JsonValueKind.Number) return JsonNumber.TryGetDouble(v, out value);
        if (v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is "NaN" or "Infinity" or "-Infinity")
        {
            value = double.Parse(v.GetValue<string>(), CultureInfo.InvariantCulture);
            return true;
        }
        return false;
    }

    private static bool TryTimestamp(string s, out DateTime value)
    {
        value = default;
        return s.Length >= 19 && s[4] == '-' && s[7] == '-' && s[10] is 'T' or ' '
            && DateTime.TryParse(s.Replace(' ', 'T'), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out value);
    }

    private static string Scalar(JsonValue v) => v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString();

    /// <summary>Short text for mismatch messages.</summary>
    public static string Show(JsonNode? node)
    {
        var s = node?.ToJsonString() ?? "null";
        return s.Length > 160 ? s[..157] + "..." : s;
    }
}
