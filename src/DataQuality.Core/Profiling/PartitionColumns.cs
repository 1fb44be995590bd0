using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Profiling;

/// <summary>One hive partition key of a dataset: the kind DuckDB gives it and each file's value.</summary>
internal sealed class PartitionColumn(string key, ColumnKind kind, HiveValue?[] values, string?[] text)
{
    public string Key { get; } = key;

    public ColumnKind Kind { get; } = kind;

    /// <summary>DuckDB's type name, shown as the column's logical type.</summary>
    public string DuckDbType => Kind switch
    {
        ColumnKind.Integer => "BIGINT",
        ColumnKind.Date => "DATE",
        ColumnKind.Timestamp => "TIMESTAMP",
        _ => "VARCHAR",
    };

    /// <summary>The typed value of file <paramref name="file"/>, null for a NULL partition (always null for VARCHAR keys).</summary>
    public HiveValue? Value(int file) => values[file];

    /// <summary>The text value of file <paramref name="file"/> for VARCHAR keys (URL-decoded), null for a NULL partition.</summary>
    public string? Text(int file) => text[file];

    public ColumnProfile NewProfile(string path) => new()
    {
        Path = path,
        Kind = Kind,
        LogicalType = DuckDbType,
        Partition = true,
    };
}

/// <summary>
/// The hive partition columns of a set of files, as DuckDB's <c>read_parquet(..., hive_partitioning=true)</c>
/// derives them: keys from the first file in sorted (ordinal) order, every file must have the same keys
/// (else DQ5011, DuckDB's "Hive partition mismatch"), and per key one type over all files — each non-NULL
/// value is typed with <see cref="HiveValue.Detect"/> and disagreeing files make the key VARCHAR.
/// </summary>
internal static class PartitionColumns
{
    public static IReadOnlyList<PartitionColumn> Detect(IReadOnlyList<ProfileInput> inputs)
    {
        if (inputs.Count == 0) return [];
        var parsed = inputs.Select(i => HivePath.Parse(i.LogicalPath)).ToArray();
        var keys = parsed[0].Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        if (keys.Count == 0 && parsed.All(p => p.Count == 0)) return [];
        var raws = new string[keys.Count][];
        for (var k = 0; k < keys.Count; k++) raws[k] = new string[inputs.Count];
        for (var f = 0; f < inputs.Count; f++)
        {
            var partitions = parsed[f];
            foreach (var key in keys)
                if (!partitions.Any(p => p.Key == key))
                    throw Mismatch(inputs[0], inputs[f], $"key \"{key}\" not found in the second");
            if (partitions.Count != keys.Count)
                throw Mismatch(inputs[0], inputs[f], $"\"{partitions.First(p => !keys.Contains(p.Key)).Key}\" is only in the second");
            for (var k = 0; k < keys.Count; k++) raws[k][f] = partitions.First(p => p.Key == keys[k]).Value;
        }

        var result = new List<PartitionColumn>(keys.Count);
        for (var k = 0; k < keys.Count; k++)
        {
            var detected = new HiveValue?[inputs.Count];
            ColumnKind? kind = null;
            for (var f = 0; f < inputs.Count; f++)
            {
                if (HivePath.IsNull(raws[k][f])) continue;
                var value = HiveValue.Detect(raws[k][f]);
                detected[f] = value;
                kind = kind is null || kind == value.Kind ? value.Kind : ColumnKind.String;
            }
            var finalKind = kind ?? ColumnKind.String;
            var text = new string?[inputs.Count];
            if (finalKind == ColumnKind.String)
            {
                for (var f = 0; f < inputs.Count; f++)
                    text[f] = HivePath.IsNull(raws[k][f]) ? null : HivePath.Decode(raws[k][f]);
                Array.Clear(detected);
            }
            result.Add(new PartitionColumn(keys[k], finalKind, detected, text));
        }
        return result;
    }

    private static InputException Mismatch(ProfileInput first, ProfileInput other, string detail) =>
        new(ProfileErrors.HivePartitionMismatch,
            $"Hive partition mismatch between '{first.LogicalPath}' and '{other.LogicalPath}': {detail}. Every file of a hive-partitioned dataset needs the same key=value directories (DuckDB refuses such a tree too).",
            new SourceLocation(other.LogicalPath));
}
