using System.Globalization;
using DataQuality.Core.Comparison;
using DataQuality.Core.Diagnostics;

namespace DataQuality.Cli.Commands;

/// <summary>Parses the repeated <c>name=value</c> options of <c>dq compare</c> into typed maps, with DQ6005 for malformed ones.</summary>
internal static class CompareArguments
{
    /// <summary>
    /// <c>--key orders=order_id</c>, <c>--key silver/lines=order_id,line_no</c>; and <c>--key order_id</c> with no entity
    /// (<see cref="ComparisonOptions.OnlyEntity"/>), which the comparison accepts when it compares two files.
    /// </summary>
    public static Dictionary<string, IReadOnlyList<string>> Keys(IEnumerable<string> values)
    {
        var keys = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var (entity, columns) = value.Contains('=') ? Split(value, "--key", "entity=col1,col2") : (ComparisonOptions.OnlyEntity, value);
            var list = columns.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (list.Length == 0) throw Bad("--key", value, "entity=col1,col2");
            keys[entity] = list;
        }
        return keys;
    }

    /// <summary><c>--abs-tol amount=0.01</c>, <c>--rel-tol orders.amount=1e-6</c>, <c>--abs-tol default=0.001</c>.</summary>
    public static Dictionary<string, double> Tolerances(IEnumerable<string> values, string option)
    {
        var map = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var (column, number) = Split(value, option, "column=0.01");
            if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var tolerance) || tolerance < 0 || !double.IsFinite(tolerance))
                throw new InputException("DQ6005", $"{option} '{value}': the tolerance must be a non-negative number.");
            map[column] = tolerance;
        }
        return map;
    }

    private static (string Name, string Value) Split(string value, string option, string shape)
    {
        var eq = value.IndexOf('=');
        if (eq <= 0 || eq == value.Length - 1) throw Bad(option, value, shape);
        return (value[..eq].Trim(), value[(eq + 1)..].Trim());
    }

    private static InputException Bad(string option, string value, string shape) =>
        new("DQ6005", $"{option} '{value}' is not of the form {shape}.");
}
