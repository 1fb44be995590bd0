using System.Globalization;

namespace DataQuality.Core.Datasets;

/// <summary>Quoting for SQL text we generate. Every identifier and literal goes through here.</summary>
public static class SqlText
{
    /// <summary>A double-quoted identifier: <c>"order id"</c>.</summary>
    public static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";

    /// <summary>A single-quoted string literal.</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''") + "'";

    /// <summary>A number literal in invariant culture, round-trippable.</summary>
    public static string Literal(double value) => double.IsFinite(value)
        ? value.ToString("R", CultureInfo.InvariantCulture)
        : $"'{(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity")}'::DOUBLE";

    public static string Literal(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A DuckDB list literal of strings: <c>['a', 'b']</c>.</summary>
    public static string List(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Literal)) + "]";
}
