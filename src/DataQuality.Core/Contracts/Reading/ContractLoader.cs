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
}
