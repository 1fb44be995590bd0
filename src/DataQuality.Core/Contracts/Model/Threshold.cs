using System.Globalization;
using System.Text.Json.Nodes;

namespace DataQuality.Core.Contracts.Model;

/// <summary>
/// A quality rule's comparison (ODCS operators). <c>mustBeBetween [a, b]</c> is inclusive and
/// <c>mustNotBeBetween [a, b]</c> is its complement (value &lt; a or value &gt; b); the ODCS text
/// calls Between exclusive while DCS and datacontract-cli treat it as inclusive, and we follow the
/// implementation users already run (documented in docs/contracts.md).
/// </summary>
public sealed record Threshold(string Operator, double Value, double? Value2 = null)
{
    public static readonly IReadOnlyList<string> Operators =
    [
        "mustBe", "mustNotBe", "mustBeGreaterThan", "mustBeGreaterOrEqualTo", "mustBeLessThan",
        "mustBeLessOrEqualTo", "mustBeBetween", "mustNotBeBetween",
    ];

    /// <summary>Older spellings accepted by DCS and datacontract-cli.</summary>
    public static readonly IReadOnlyDictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["mustBeGreaterThanOrEqualTo"] = "mustBeGreaterOrEqualTo",
        ["mustBeLessThanOrEqualTo"] = "mustBeLessOrEqualTo",
    };

    public bool Accepts(double observed) => Operator switch
    {
        "mustBe" => observed == Value,
        "mustNotBe" => observed != Value,
        "mustBeGreaterThan" => observed > Value,
        "mustBeGreaterOrEqualTo" => observed >= Value,
        "mustBeLessThan" => observed < Value,
        "mustBeLessOrEqualTo" => observed <= Value,
        "mustBeBetween" => observed >= Value && observed <= Value2,
        "mustNotBeBetween" => observed < Value || observed > Value2,
        _ => false,
    };

    /// <summary>Short form for messages and diagnostics: <c>= 0</c>, <c>between 1 and 5</c>.</summary>
    public string Describe() => Operator switch
    {
        "mustBe" => "= " + Format(Value),
        "mustNotBe" => "!= " + Format(Value),
        "mustBeGreaterThan" => "> " + Format(Value),
        "mustBeGreaterOrEqualTo" => ">= " + Format(Value),
        "mustBeLessThan" => "< " + Format(Value),
        "mustBeLessOrEqualTo" => "<= " + Format(Value),
        "mustBeBetween" => $"between {Format(Value)} and {Format(Value2 ?? 0)}",
        "mustNotBeBetween" => $"not between {Format(Value)} and {Format(Value2 ?? 0)}",
        _ => Operator,
    };

    /// <summary>As expectation kwargs: <c>operator</c>, <c>value</c>, optional <c>value2</c>.</summary>
    public void WriteTo(JsonObject kwargs)
    {
        kwargs["operator"] = Operator;
        kwargs["value"] = Value;
        if (Value2 is { } v2) kwargs["value2"] = v2;
    }

    public static Threshold? ReadFrom(JsonObject kwargs)
    {
        if (kwargs["operator"]?.GetValue<string>() is not { } op) return null;
        var value = kwargs["value"]?.GetValue<double>() ?? 0;
        double? value2 = kwargs["value2"] is { } v2 ? v2.GetValue<double>() : null;
        return new Threshold(op, value, value2);
    }

    private static string Format(double v) => v.ToString("0.############", CultureInfo.InvariantCulture);
}
