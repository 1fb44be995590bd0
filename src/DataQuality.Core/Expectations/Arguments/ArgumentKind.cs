namespace DataQuality.Core.Expectations.Arguments;

/// <summary>
/// What an argument's value must be, as far as it can be told without the data. Checked when a suite
/// or contract is linted and before an expectation is planned; finer rules (a bound's type against
/// the column's, a regex that compiles) stay with the definition, which knows the schema.
/// </summary>
public enum ArgumentKind
{
    /// <summary>A string.</summary>
    String,

    /// <summary>A number.</summary>
    Number,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>A list.</summary>
    List,

    /// <summary>A list of strings (column names, patterns).</summary>
    StringList,

    /// <summary>A mapping.</summary>
    Object,

    /// <summary>A bound: a number, a date or string, or a GX suite parameter (<c>{"$PARAMETER": ...}</c>).</summary>
    Bound,

    /// <summary>Any value (GX passes these through: <c>result_format</c>, <c>meta</c>).</summary>
    Any,
}
