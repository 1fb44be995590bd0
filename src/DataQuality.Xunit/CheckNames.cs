using DataQuality.Core.Expectations;

namespace DataQuality.Xunit;

/// <summary>Names a check the way a person reads it in a test list: <c>orders · order_id · unique</c>.</summary>
public static class CheckNames
{
    private static readonly string[] Prefixes = ["column_values_to_", "column_value_", "column_pair_values_", "multicolumn_", "column_", "table_", "compound_columns_", "select_column_values_"];

    /// <summary><c>expect_column_values_to_be_unique</c> → <c>unique</c>; <c>expect_table_row_count_to_be_between</c> → <c>row count between</c>.</summary>
    public static string Short(string type)
    {
        var name = ExpectationCatalog.Normalize(type);
        if (name.StartsWith("expect_", StringComparison.Ordinal)) name = name[7..];
        // Contract-derived checks (dq_duplicate_values, dq_column_is_present): the prefix says nothing to a reader.
        if (name.StartsWith("dq_", StringComparison.Ordinal)) name = name[3..];
        foreach (var prefix in Prefixes)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                name = name[prefix.Length..];
                break;
            }
        }
        name = name.Replace("_to_be_", "_", StringComparison.Ordinal).Replace("_to_", "_", StringComparison.Ordinal);
        if (name.StartsWith("to_", StringComparison.Ordinal)) name = name[3..];
        if (name.StartsWith("be_", StringComparison.Ordinal)) name = name[3..];
        if (name.StartsWith("not_be_", StringComparison.Ordinal)) name = "not_" + name[7..];
        return name.Replace('_', ' ');
    }

    public static string Display(string model, ExpectationConfig config) =>
        config.Column is { } column ? $"{model} · {column} · {Short(config.Type)}" : $"{model} · {Short(config.Type)}";

    /// <summary>Display names for every check of a dataset; repeats get <c> #2</c>, <c> #3</c> so each row stays distinct.</summary>
    public static IReadOnlyList<string> DisplayAll(string model, IReadOnlyList<ExpectationConfig> configs)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>(configs.Count);
        foreach (var config in configs)
        {
            var name = Display(model, config);
            seen[name] = seen.TryGetValue(name, out var n) ? n + 1 : 1;
            names.Add(seen[name] == 1 ? name : $"{name} #{seen[name]}");
        }
        return names;
    }
}
