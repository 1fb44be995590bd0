using DataQuality.Core.Contracts.Reading;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Files;

namespace DataQuality.Core.Comparison;

/// <summary>
/// Compare keys from data contracts (<c>--keys-from contracts/</c>): each model's primary key (ODCS
/// <c>primaryKey</c>/<c>primaryKeyPosition</c> on properties, DCS <c>primaryKey</c> on the model or
/// <c>primaryKey</c>/<c>primary</c> on fields) keys the entity with the model's name.
/// </summary>
public static class ContractKeys
{
    /// <summary>Reads one contract file, or every <c>*.yaml</c>/<c>*.yml</c> under a folder (recursively, in path order).</summary>
    public static Dictionary<string, IReadOnlyList<string>> Load(string path)
    {
        var kind = FileStat.Of(path).Kind;
        var files = kind == FileKind.Directory
            ? LocalFileTree.List(path, f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)).ToList()
            : kind == FileKind.Regular ? [path]
            : kind == FileKind.Missing ? throw new InputException("DQ6013", $"--keys-from: '{path}' is neither a contract file nor a folder.", new SourceLocation(path))
            : throw LocalFileTree.KindError(path, kind, "a contract file or folder");
        if (files.Count == 0)
            throw new InputException("DQ6013", $"--keys-from: no contract (*.yaml, *.yml) in folder '{path}'.", new SourceLocation(path));

        var keys = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var from = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var contract = ContractLoader.Load(file);
            foreach (var schema in contract.Schemas)
            {
                if (schema.PrimaryKey.Count == 0) continue;
                if (keys.TryGetValue(schema.Name, out var earlier) && !earlier.SequenceEqual(schema.PrimaryKey, StringComparer.Ordinal))
                    throw new InputException("DQ6014",
                        $"--keys-from: model '{schema.Name}' has primary key ({string.Join(", ", schema.PrimaryKey)}) here and ({string.Join(", ", earlier)}) in {from[schema.Name]}.",
                        schema.At);
                keys[schema.Name] = schema.PrimaryKey;
                from[schema.Name] = schema.At;
            }
        }
        return keys;
    }
}
