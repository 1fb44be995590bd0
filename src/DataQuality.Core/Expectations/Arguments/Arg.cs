
namespace DataQuality.Core.Expectations.Arguments;

/// <summary>
/// Arguments several expectations declare with the same meaning, written once (a definition lists
/// them by reference). Arguments every expectation accepts are in <see cref="ExpectationArguments.Shared"/>.
/// </summary>
public static class Arg
{
    public static ExpectationArgument Required(string name, ArgumentKind kind, string description) => ExpectationArgument.Require(name, kind, description);

    public static ExpectationArgument Optional(string name, ArgumentKind kind, string description, string? defaultValue = null) =>
        ExpectationArgument.Optional(name, kind, description, defaultValue);

    public static readonly ExpectationArgument Column = Required("column", ArgumentKind.String, "The column checked.");
    public static readonly ExpectationArgument ColumnList = Required("column_list", ArgumentKind.StringList, "The columns checked.");
    public static readonly ExpectationArgument ColumnA = Required("column_A", ArgumentKind.String, "The first column of the pair.");
    public static readonly ExpectationArgument ColumnB = Required("column_B", ArgumentKind.String, "The second column of the pair.");

    /// <summary>GX <c>mostly</c>: the fraction of non-missing rows that must be expected (map expectations only).</summary>
    public static readonly ExpectationArgument Mostly = Optional("mostly", ArgumentKind.Number, "Fraction of non-missing rows that must pass, in [0, 1].", "1");

    public static readonly ExpectationArgument MinValue = Optional("min_value", ArgumentKind.Bound, "Lower bound (null: open).");
    public static readonly ExpectationArgument MaxValue = Optional("max_value", ArgumentKind.Bound, "Upper bound (null: open).");
    public static readonly ExpectationArgument StrictMin = Optional("strict_min", ArgumentKind.Boolean, "Exclude the lower bound itself.", "false");
    public static readonly ExpectationArgument StrictMax = Optional("strict_max", ArgumentKind.Boolean, "Exclude the upper bound itself.", "false");

    /// <summary>min_value, max_value, strict_min, strict_max: GX's between arguments.</summary>
    public static readonly IReadOnlyList<ExpectationArgument> Between = [MinValue, MaxValue, StrictMin, StrictMax];

    public static readonly ExpectationArgument ValueSet = Required("value_set", ArgumentKind.List, "The allowed values.");

    // Contract thresholds (ODCS operators, written by the contract deriver as operator/value/value2).
    public static readonly ExpectationArgument Operator = Optional("operator", ArgumentKind.String, "ODCS operator: mustBe, mustNotBe, mustBeGreaterThan, mustBeGreaterOrEqualTo, mustBeLessThan, mustBeLessOrEqualTo, mustBeBetween, mustNotBeBetween.", "mustBe");
    public static readonly ExpectationArgument Value = Optional("value", ArgumentKind.Number, "The operator's value.", "0");
    public static readonly ExpectationArgument Value2 = Optional("value2", ArgumentKind.Number, "The upper value of mustBeBetween / mustNotBeBetween.");

    /// <summary>operator, value, value2.</summary>
    public static readonly IReadOnlyList<ExpectationArgument> Threshold = [Operator, Value, Value2];

    public static readonly ExpectationArgument Unit = Optional("unit", ArgumentKind.String, "Count the metric in rows or percent.", "rows");
}
