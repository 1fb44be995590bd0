using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Storage;

/// <summary>
/// Selects objects of a hive-partitioned tree by partition values, e.g. <c>ds=2026-02-11</c>.
/// Several values of one column are alternatives (OR); different columns must all match (AND).
/// An object without a listed column in its path does not match.
/// </summary>
public sealed class PartitionFilter
{
    private readonly Dictionary<string, HashSet<string>> _allowed;

    private PartitionFilter(Dictionary<string, HashSet<string>> allowed) => _allowed = allowed;

    public static PartitionFilter None { get; } = new(new Dictionary<string, HashSet<string>>());

    public bool IsEmpty => _allowed.Count == 0;

    /// <summary>Parses terms like <c>ds=2026-02-11</c> or <c>region=eu,us</c> (comma = alternatives).</summary>
    public static PartitionFilter Parse(IEnumerable<string> terms)
    {
        var allowed = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            var eq = term.IndexOf('=');
            if (eq <= 0 || eq == term.Length - 1)
                throw new InputException(StorageErrorCodes.InvalidPartitionFilter, $"Partition filter '{term}' must look like column=value (e.g. ds=2026-02-11).");
            var column = term[..eq].Trim();
            if (!allowed.TryGetValue(column, out var values))
                allowed[column] = values = new HashSet<string>(StringComparer.Ordinal);
            foreach (var value in term[(eq + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                values.Add(value);
        }
        return new PartitionFilter(allowed);
    }

    /// <summary>The hive partitions (<c>column=value</c> directory segments) of a key; values are URL-decoded.</summary>
    public static IReadOnlyDictionary<string, string> PartitionsOf(string key)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var segments = key.Split('/');
        for (var i = 0; i < segments.Length - 1; i++) // the last segment is the file name
        {
            var eq = segments[i].IndexOf('=');
            if (eq > 0) result[segments[i][..eq]] = Uri.UnescapeDataString(segments[i][(eq + 1)..]);
        }
        return result;
    }

    public bool Matches(string key)
    {
        if (IsEmpty) return true;
        var partitions = PartitionsOf(key);
        foreach (var (column, values) in _allowed)
            if (!partitions.TryGetValue(column, out var value) || !values.Contains(value))
                return false;
        return true;
    }

    public override string ToString() =>
        string.Join(" AND ", _allowed.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} in ({string.Join(", ", p.Value.Order(StringComparer.Ordinal))})"));
}
