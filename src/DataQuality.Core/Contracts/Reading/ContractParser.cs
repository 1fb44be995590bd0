using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataQuality.Core.Contracts.Model;
using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Contracts.Reading;

/// <summary>
/// Turns the ODCS-shaped JSON of a <see cref="ContractDocument"/> into the typed model. It is strict
/// about what the engine relies on (names, booleans, numbers, operators) and throws a typed
/// <see cref="InputException"/> at the offending node; everything else is left to <c>dq lint</c>.
/// </summary>
public static class ContractParser
{
    public static DataContract Parse(ContractDocument document)
    {
        var p = new Reader(document);
        var root = document.Root;
        var servers = p.List(root, "servers").Select(p.Server).ToList();
        var schemas = p.List(root, "schema").Select(p.Schema).ToList();
        var sla = p.List(root, "slaProperties").Select(p.Sla).ToList();
        return new DataContract(document.Path, document.Standard, p.String(root, "id"), p.Scalar(root, "version"), servers, schemas, sla, document);
    }

    public static double? NumberOf(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && Checks.Planning.JsonNumber.TryGetDouble(v, out var d) ? d : null;

    private sealed class Reader(ContractDocument doc)
    {
        public IEnumerable<JsonObject> List(JsonObject owner, string key)
        {
            var node = owner[key];
            if (node is null) yield break;
            if (node is not JsonArray array) throw WrongType(owner, key, "a list");
            foreach (var item in array)
            {
                if (item is JsonObject o) yield return o;
                else throw new InputException("DQ1011", $"Each entry of '{key}' must be a mapping.", doc.LocationOf(item ?? array));
            }
        }

        public ContractServer Server(JsonObject node) => new(
            String(node, "server") ?? throw Missing(node, "server"),
            String(node, "type"), String(node, "format"), String(node, "path"), String(node, "location"),
            String(node, "endpointUrl"), String(node, "region"), String(node, "delimiter"), doc.LocationOf(node))
        {
            Node = node,
            TargetAt = doc.LocationOf(node, node.ContainsKey("path") ? "path" : "location"),
        };

        public ContractSchema Schema(JsonObject node)
        {
            var name = String(node, "name") ?? throw Missing(node, "name");
            var properties = List(node, "properties").Select(Property).ToList();
            var primaryKey = node["primaryKey"] is JsonArray pk
                ? pk.Select(n => n?.ToString() ?? "").ToList()
                : properties.Where(x => x.PrimaryKey).OrderBy(x => x.PrimaryKeyPosition ?? int.MaxValue).Select(x => x.Name).ToList();
            return new ContractSchema(name, String(node, "physicalName"), properties, List(node, "quality").Select(Quality).ToList(), primaryKey, doc.LocationOf(node));
        }

        public ContractProperty Property(JsonObject node)
        {
            var name = String(node, "name") ?? throw Missing(node, "name");
            KnownType(node);
            var options = node["logicalTypeOptions"] switch
            {
                null => new JsonObject(),
                JsonObject o => o,
                _ => throw WrongType(node, "logicalTypeOptions", "a mapping"),
            };
            var optionLocations = options.ToDictionary(kv => kv.Key, kv => doc.LocationOf(options, kv.Key));
            var enumNode = options["enum"] ?? node["enum"];
            JsonArray? enumValues = enumNode switch
            {
                null => null,
                // ODCS 3.2 allows enum entries as objects with a value.
                JsonArray a => new JsonArray(a.Select(v => (v is JsonObject o ? o["value"] : v) switch
                {
                    JsonObject or JsonArray => throw new InputException("DQ1011", $"'enum' of property '{name}' lists a mapping or list; entries are single values.", doc.LocationOf(v)),
                    var value => value?.DeepClone(),
                }).ToArray()),
                _ => throw new InputException("DQ1011", $"'enum' of property '{name}' must be a list.", doc.LocationOf(enumNode)),
            };
            if (node["enum"] is not null) optionLocations["enum"] = doc.LocationOf(node, "enum");
            ContractProperty? items = node["items"] is JsonObject itemsNode
                ? Property(itemsNode.ContainsKey("name") ? itemsNode : WithName(itemsNode))
                : null;
            return new ContractProperty(
                name, String(node, "logicalType"), String(node, "physicalType"),
                Bool(node, "required"), Bool(node, "unique"), Bool(node, "primaryKey"), Int(node, "primaryKeyPosition"),
                options, enumValues, List(node, "quality").Select(Quality).ToList(), doc.LocationOf(node))
            {
                DcsType = String(node, "dcsType"),
                Items = items,
                OptionLocations = optionLocations,
            };
        }

        /// <summary>An unknown type is an error here as in lint (DQ1018): otherwise validate would run the property without a type check.</summary>
        private void KnownType(JsonObject node)
        {
            if (doc.Standard == ContractStandard.Dcs)
            {
                if (String(node, "dcsType") is { } dcsType && !ContractTypes.IsDcsType(dcsType))
                    throw new InputException("DQ1018", $"Unknown type '{dcsType}'; expected one of {string.Join(", ", ContractTypes.DcsTypes)}.", doc.LocationOf(node, "dcsType"));
            }
            else if (String(node, "logicalType") is { } logicalType && !ContractTypes.IsOdcsLogicalType(logicalType))
                throw new InputException("DQ1018", $"Unknown logicalType '{logicalType}'; expected one of {string.Join(", ", ContractTypes.OdcsLogicalTypes)}.", doc.LocationOf(node, "logicalType"));
        }

        private JsonObject WithName(JsonObject items)
        {
            var copy = new JsonObject { ["name"] = "items" };
            foreach (var (k, v) in items) copy[k] = v?.DeepClone();
            doc.Remember(copy, doc.LocationOf(items));
            return copy;
        }

        public QualityRule Quality(JsonObject node)
        {
            var metric = String(node, "metric") ?? LegacyRule(String(node, "rule"));
            var query = String(node, "query");
            var type = String(node, "type") ?? (metric is not null ? "library" : query is not null ? "sql" : "text");
            var arguments = node["arguments"] switch
            {
                null => new JsonObject(),
                JsonObject o => o,
                _ => throw WrongType(node, "arguments", "a mapping"),
            };
            return new QualityRule(type, metric, String(node, "name") ?? String(node, "id"), String(node, "description"), query,
                String(node, "engine"), arguments, Threshold(node), String(node, "unit"), String(node, "severity"), doc.LocationOf(node));
        }

        /// <summary>ODCS 3.0 <c>rule</c> names that became library metrics.</summary>
        private static string? LegacyRule(string? rule) => rule switch
        {
            null => null,
            "nullCheck" => "nullValues",
            "duplicateCount" or "uniqueCheck" => "duplicateValues",
            "validValues" => "invalidValues",
            _ => rule,
        };

        public Threshold? Threshold(JsonObject node)
        {
            var found = node.Where(kv => Model.Threshold.Operators.Contains(kv.Key) || Model.Threshold.Aliases.ContainsKey(kv.Key)).ToList();
            if (found.Count == 0) return null;
            if (found.Count > 1)
                throw new InputException("DQ1016", $"A quality rule takes one operator; found {string.Join(", ", found.Select(f => f.Key))}.", doc.LocationOf(node, found[1].Key));
            var (key, value) = found[0];
            var op = Model.Threshold.Aliases.TryGetValue(key, out var canonical) ? canonical : key;
            if (op is "mustBeBetween" or "mustNotBeBetween")
            {
                if (value is not JsonArray { Count: 2 } pair || Number(pair[0]) is not { } a || Number(pair[1]) is not { } b)
                    throw new InputException("DQ1011", $"'{key}' takes a list of two numbers [low, high].", doc.LocationOf(node, key));
                if (a > b)
                    throw new InputException("DQ1016", $"'{key}' bounds are reversed: {a.ToString(CultureInfo.InvariantCulture)} > {b.ToString(CultureInfo.InvariantCulture)}.", doc.LocationOf(node, key));
                return new Threshold(op, a, b);
            }
            return new Threshold(op, Number(value) ?? throw new InputException("DQ1011", $"'{key}' takes a number.", doc.LocationOf(node, key)));
        }

        public SlaProperty Sla(JsonObject node) =>
            new(String(node, "property") ?? throw Missing(node, "property"), node["value"], String(node, "unit"), String(node, "element"), doc.LocationOf(node));

        public string? String(JsonObject node, string key) => node[key] switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            JsonValue v when v.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.ToJsonString(),
            _ => throw WrongType(node, key, "a string"),
        };

        public string? Scalar(JsonObject node, string key) => node[key] is JsonValue v ? (v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString()) : null;

        private bool Bool(JsonObject node, string key) => node[key] switch
        {
            null => false,
            JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
            _ => throw WrongType(node, key, "true or false"),
        };

        private int? Int(JsonObject node, string key) => node[key] switch
        {
            null => null,
            JsonValue v when NumberOf(v) is { } d && d == Math.Floor(d) => (int)d,
            _ => throw WrongType(node, key, "an integer"),
        };

        public static double? Number(JsonNode? node) => NumberOf(node);


        private InputException WrongType(JsonObject owner, string key, string expected) =>
            new("DQ1011", $"'{key}' must be {expected}.", doc.LocationOf(owner, key));

        private InputException Missing(JsonObject owner, string key) =>
            new("DQ1012", $"Required key '{key}' is missing.", doc.LocationOf(owner));
    }
}
