using System.Text.Json.Nodes;
using DataQuality.Core.Contracts.Model;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Files;
using DataQuality.Core.Yaml;

namespace DataQuality.Core.Contracts.Reading;

/// <summary>Reads a contract file (ODCS 3.x or DCS 1.x) into the ODCS model, keeping node positions.</summary>
public static class ContractLoader
{
    public static DataContract Load(string path)
    {
        var document = LoadDocument(path);
        Lint.ContractLinter.RejectMisspelledKeys(document);
        return ContractParser.Parse(document);
    }

    public static ContractDocument LoadDocument(string path)
    {
        LocalFileTree.RequireRegularFile(path, () => new InputException("DQ1004", $"Contract file not found: '{path}'.", new SourceLocation(path)));
        return LoadDocument(File.ReadAllText(path), path);
    }

    public static ContractDocument LoadDocument(string text, string path)
    {
        var yaml = YamlJson.Load(text, path);
        RejectOverflowingNumbers(yaml);
        if (yaml.Root is not JsonObject root)
            throw new InputException("DQ1001", "A data contract must be a YAML mapping.", yaml.LocationOf(yaml.Root));
        var positions = new Dictionary<JsonNode, SourceLocation>(ReferenceEqualityComparer.Instance);
        foreach (var (node, location) in yaml.Positions) positions[node] = location;

        if (root.ContainsKey("dataContractSpecification"))
        {
            var odcs = DcsConverter.ToOdcs(root, new PositionedCopy(positions));
            return new ContractDocument(path, ContractStandard.Dcs, root, odcs, positions);
        }
        if (root.ContainsKey("apiVersion") || root.ContainsKey("kind") || root.ContainsKey("schema"))
            return new ContractDocument(path, ContractStandard.Odcs, root, root, positions);
        throw new InputException("DQ1001",
            "Not a data contract: expected ODCS ('apiVersion', 'kind: DataContract') or DCS ('dataContractSpecification') at the top level.",
            new SourceLocation(path, 1, 1));
    }

    /// <summary>
    /// A plain scalar such as <c>1e400</c> is a YAML number too large for a double and reads as an infinity.
    /// No contract value means that (a bound, a length, a count), and the checks, SQL and JSON built from it
    /// cannot hold it: refused where it is written, before either standard's reader sees it.
    /// </summary>
    private static void RejectOverflowingNumbers(YamlDocumentWithPositions yaml)
    {
        var first = yaml.Positions
            .Select(p => (Value: p.Key is JsonValue v && v.TryGetValue<double>(out var d) ? d : 0, Location: p.Value))
            .Where(p => !double.IsFinite(p.Value))
            .OrderBy(p => p.Location.Line ?? 0).ThenBy(p => p.Location.Column ?? 0)
            .FirstOrDefault();
        if (first.Location is null) return;
        var limit = double.MaxValue.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        throw new InputException("DQ1011",
            $"Number out of range: a contract number lies within ±{limit} (a double); this one is {(first.Value < 0 ? "below" : "above")} it.",
            first.Location);
    }
}
