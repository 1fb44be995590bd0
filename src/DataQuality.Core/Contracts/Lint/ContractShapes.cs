namespace DataQuality.Core.Contracts.Lint;

/// <summary>What a key's value must be.</summary>
internal enum ValueKind
{
    Any,
    String,
    Number,
    Bool,
    Scalar,
    Object,
    List,
    StringList,
    NumberPair,
}

/// <summary>A key's expected value: its kind and, for mappings or lists of mappings, the shape inside.</summary>
internal sealed record KeySpec(ValueKind Kind, Shape? Inner = null, bool MapOfShape = false);

/// <summary>The known keys of one kind of mapping. Keys starting with <c>x-</c> are extensions and always allowed.</summary>
internal sealed class Shape(string name)
{
    public string Name { get; } = name;
    public Dictionary<string, KeySpec> Keys { get; } = new(StringComparer.Ordinal);

    public Shape Add(ValueKind kind, params string[] keys)
    {
        foreach (var k in keys) Keys[k] = new KeySpec(kind);
        return this;
    }

    public Shape Add(string key, KeySpec spec)
    {
        Keys[key] = spec;
        return this;
    }
}

/// <summary>The ODCS 3.x and DCS 1.x structures lint knows, as key tables.</summary>
internal static class ContractShapes
{
    private static readonly string[] Operators =
        ["mustBe", "mustNotBe", "mustBeGreaterThan", "mustBeGreaterOrEqualTo", "mustBeLessThan", "mustBeLessOrEqualTo",
         "mustBeGreaterThanOrEqualTo", "mustBeLessThanOrEqualTo"];

    private static Shape Quality(string name)
    {
        var q = new Shape(name)
            .Add(ValueKind.String, "id", "name", "type", "description", "dimension", "metric", "rule", "unit", "query", "engine", "severity",
                "businessImpact", "method", "schedule", "scheduler", "dialect", "toolRuleName", "code", "column")
            .Add(ValueKind.Any, "implementation", "customProperties", "authoritativeDefinitions", "tags", "validValues", "specification")
            .Add(ValueKind.Object, "arguments")
            .Add(ValueKind.Number, Operators)
            .Add(ValueKind.NumberPair, "mustBeBetween", "mustNotBeBetween");
        return q;
    }

    public static Shape Odcs { get; } = BuildOdcs();
    public static Shape Dcs { get; } = BuildDcs();

    private static Shape BuildOdcs()
    {
        var options = new Shape("logicalTypeOptions")
            .Add(ValueKind.Number, "minLength", "maxLength", "multipleOf", "minItems", "maxItems", "minProperties", "maxProperties")
            .Add(ValueKind.String, "pattern", "format", "defaultTimezone")
            .Add(ValueKind.Scalar, "timezone")
            .Add(ValueKind.Scalar, "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")
            .Add(ValueKind.Bool, "uniqueItems")
            .Add(ValueKind.Any, "required", "enum");
        var property = new Shape("property")
            .Add(ValueKind.String, "id", "name", "physicalName", "physicalType", "logicalType", "description", "businessName", "classification",
                "encryptedName", "transformLogic", "transformDescription", "dcsType")
            .Add(ValueKind.Bool, "required", "unique", "primaryKey", "partitioned", "criticalDataElement")
            .Add(ValueKind.Number, "primaryKeyPosition", "partitionKeyPosition")
            .Add(ValueKind.Any, "examples", "authoritativeDefinitions", "tags", "customProperties", "transformSourceObjects", "relationships", "enum")
            .Add("logicalTypeOptions", new KeySpec(ValueKind.Object, options))
            .Add("quality", new KeySpec(ValueKind.List, Quality("quality rule")));
        property.Add("properties", new KeySpec(ValueKind.List, property));
        property.Add("items", new KeySpec(ValueKind.Object, property));
        var schema = new Shape("schema object")
            .Add(ValueKind.String, "id", "name", "physicalName", "physicalType", "logicalType", "description", "businessName", "dataGranularityDescription")
            .Add(ValueKind.Any, "authoritativeDefinitions", "tags", "customProperties", "relationships", "primaryKey")
            .Add("properties", new KeySpec(ValueKind.List, property))
            .Add("quality", new KeySpec(ValueKind.List, Quality("quality rule")));
        var server = new Shape("server")
            .Add(ValueKind.String, "id", "server", "type", "description", "environment", "format", "path", "location", "endpointUrl", "region",
                "delimiter", "account", "catalog", "database", "dataset", "host", "project", "schema", "stagingDir", "warehouse", "serviceName",
                "driver", "topic", "regionName", "url", "http_path", "token", "dataProductId", "outputPortId")
            .Add(ValueKind.Scalar, "port")
            .Add(ValueKind.Any, "roles", "customProperties");
        var sla = new Shape("SLA property")
            .Add(ValueKind.String, "id", "property", "unit", "element", "driver", "description", "scheduler", "schedule")
            .Add(ValueKind.Any, "value", "valueExt");
        var description = new Shape("description")
            .Add(ValueKind.String, "purpose", "limitations", "usage")
            .Add(ValueKind.Any, "authoritativeDefinitions", "customProperties");
        return new Shape("ODCS contract")
            .Add(ValueKind.String, "apiVersion", "kind", "id", "name", "status", "tenant", "domain", "dataProduct", "slaDefaultElement", "contractCreatedTs")
            .Add(ValueKind.Scalar, "version")
            .Add(ValueKind.Any, "tags", "support", "price", "team", "roles", "authoritativeDefinitions", "customProperties", "type")
            .Add("description", new KeySpec(ValueKind.Object, description))
            .Add("servers", new KeySpec(ValueKind.List, server))
            .Add("schema", new KeySpec(ValueKind.List, schema))
            .Add("slaProperties", new KeySpec(ValueKind.List, sla));
    }

    private static Shape BuildDcs()
    {
        var field = new Shape("field")
            .Add(ValueKind.String, "type", "title", "description", "references", "format", "pattern", "classification", "$ref", "name", "domain")
            .Add(ValueKind.Bool, "required", "unique", "primaryKey", "pii")
            .Add(ValueKind.Number, "precision", "scale", "minLength", "maxLength", "minItems", "maxItems")
            .Add(ValueKind.Scalar, "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "example", "default")
            .Add(ValueKind.Any, "enum", "examples", "tags", "links", "lineage", "config", "keys", "values", "namespace")
            .Add("quality", new KeySpec(ValueKind.List, Quality("quality rule")));
        field.Add("fields", new KeySpec(ValueKind.Object, field, MapOfShape: true));
        field.Add("items", new KeySpec(ValueKind.Object, field));
        var model = new Shape("model")
            .Add(ValueKind.String, "type", "description", "title", "namespace")
            .Add(ValueKind.Bool, "additionalFields")
            .Add(ValueKind.StringList, "primaryKey")
            .Add(ValueKind.Any, "examples", "config", "tags", "links")
            .Add("fields", new KeySpec(ValueKind.Object, field, MapOfShape: true))
            .Add("quality", new KeySpec(ValueKind.Any));
        var server = new Shape("server")
            .Add(ValueKind.String, "type", "description", "environment", "format", "path", "location", "endpointUrl", "region", "delimiter",
                "account", "database", "schema", "host", "project", "dataset", "catalog", "topic", "driver", "http_path", "token", "dataProductId",
                "outputPortId", "serviceName", "stagingDir", "warehouse")
            .Add(ValueKind.Scalar, "port")
            .Add(ValueKind.Any, "roles");
        var info = new Shape("info")
            .Add(ValueKind.String, "title", "status", "description", "owner")
            .Add(ValueKind.Scalar, "version")
            .Add(ValueKind.Any, "contact", "links");
        return new Shape("DCS contract")
            .Add(ValueKind.Scalar, "dataContractSpecification")
            .Add(ValueKind.String, "id")
            .Add(ValueKind.Any, "terms", "servicelevels", "links", "tags", "examples", "quality")
            .Add("info", new KeySpec(ValueKind.Object, info))
            .Add("servers", new KeySpec(ValueKind.Object, server, MapOfShape: true))
            .Add("models", new KeySpec(ValueKind.Object, model, MapOfShape: true))
            .Add("definitions", new KeySpec(ValueKind.Object, field, MapOfShape: true));
    }
}
