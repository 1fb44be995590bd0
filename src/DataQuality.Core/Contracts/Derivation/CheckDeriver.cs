using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DataQuality.Core.Contracts.Model;
using DataQuality.Core.Datasets;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Expectations;
using DataQuality.Core.Expectations.Catalog.Contract;

namespace DataQuality.Core.Contracts.Derivation;

/// <summary>
/// Compiles one contract model into <see cref="ExpectationConfig"/>s for the shared engine. GX
/// expectations are used where they have the contract's semantics (not_null, in_set, between with
/// strict bounds, regex and lengths when the catalog has them); <c>dq_*</c> definitions cover the
/// rest. Every check carries a display name (<c>orders · order_id · unique</c>), a stable key, its
/// severity and the location of the contract element it came from.
/// </summary>
public sealed partial class CheckDeriver
{
    private readonly DataContract _contract;
    private readonly bool _checkTypes;
    private readonly Func<string, SourceLocation, string> _resolveVariables;
    private readonly Func<string, string> _relationName;

    /// <param name="checkTypes">False for CSV/JSON servers, whose column types are inferred rather than stored.</param>
    /// <param name="resolveVariables">Replaces <c>${var}</c> in SQL rules; throws for unresolved names.</param>
    /// <param name="relationName">The SQL name a model is queried by in SQL rules.</param>
    public CheckDeriver(DataContract contract, bool checkTypes, Func<string, SourceLocation, string> resolveVariables, Func<string, string> relationName)
    {
        _contract = contract;
        _checkTypes = checkTypes;
        _resolveVariables = resolveVariables;
        _relationName = relationName;
    }

    /// <summary>
    /// Only the checks' types, arguments and locations, for <c>dq lint</c>'s argument check: no display
    /// names, keys or meta. Meta is most of derivation's cost (a JSON object per check, 128,000 of them
    /// for a 32,000-property contract), and lint never reads it.
    /// </summary>
    internal bool ArgumentsOnly { get; init; }

    public DerivedChecks Derive(ContractSchema schema)
    {
        var b = new Builder(schema.Name, ArgumentsOnly);
        var keyIsComposite = schema.PrimaryKey.Count > 1;
        foreach (var p in schema.Properties) DeriveProperty(b, schema, p, keyIsComposite);
        if (keyIsComposite)
        {
            var columns = new JsonArray(schema.PrimaryKey.Select(c => JsonValue.Create(c)).ToArray());
            var k = new JsonObject { ["column_list"] = columns };
            new Threshold("mustBe", 0).WriteTo(k);
            b.Add("dq_duplicate_values", k, $"{string.Join(", ", schema.PrimaryKey)} · primary key unique", "primary_key_unique", schema.At);
        }
        foreach (var rule in schema.Quality) DeriveRule(b, schema, null, rule);
        foreach (var sla in _contract.Sla) DeriveSla(b, schema, sla);
        var suite = new ExpectationSuite(schema.Name, b.Checks, schema.At) { PrimaryKey = schema.PrimaryKey };
        return new DerivedChecks(schema, suite, b.NotExecuted);
    }

    private void DeriveProperty(Builder b, ContractSchema schema, ContractProperty p, bool keyIsComposite)
    {
        var name = p.Name;
        JsonObject Col() => new() { ["column"] = name };
        SourceLocation At(string option) => p.OptionLocations.TryGetValue(option, out var l) ? l : p.At;

        b.Add("dq_column_is_present", Col(), $"{name} · present", $"{name}__field_is_present", p.At);

        if (_checkTypes)
        {
            if (p.PhysicalType is { } physical && _contract.Standard == ContractStandard.Odcs)
                b.Add("dq_column_physical_type", With(Col(), "physical_type", physical), $"{name} · physical type {physical}", $"{name}__field_physical_type", p.At);
            else if (TypeCheckLogical(p) is { } logical)
                b.Add("dq_column_logical_type", With(Col(), "logical_type", logical), $"{name} · type {p.DcsType ?? p.LogicalType}", $"{name}__field_type", p.At);
        }

        if (p.Required)
            b.Add("expect_column_values_to_not_be_null", Col(), $"{name} · required", $"{name}__field_required", p.At);
        if (p.Unique)
            b.Add("dq_duplicate_values", Zero(Col()), $"{name} · unique", $"{name}__field_unique", p.At);
        if (p.PrimaryKey && !keyIsComposite)
        {
            if (!p.Required) b.Add("expect_column_values_to_not_be_null", Col(), $"{name} · primary key required", $"{name}__field_primary_key_required", p.At);
            if (!p.Unique) b.Add("dq_duplicate_values", Zero(Col()), $"{name} · primary key unique", $"{name}__field_primary_key_unique", p.At);
        }
        else if (p.PrimaryKey && !p.Required)
            b.Add("expect_column_values_to_not_be_null", Col(), $"{name} · primary key required", $"{name}__field_primary_key_required", p.At);

        var o = p.Options;
        if (Number(o["minLength"]) is { } minLength)
            b.Add("expect_column_value_lengths_to_be_between", With(Col(), "min_value", minLength), $"{name} · min length {Fmt(minLength)}", $"{name}__field_min_length", At("minLength"));
        if (Number(o["maxLength"]) is { } maxLength)
            b.Add("expect_column_value_lengths_to_be_between", With(Col(), "max_value", maxLength), $"{name} · max length {Fmt(maxLength)}", $"{name}__field_max_length", At("maxLength"));

        // ODCS 3.0 wrote exclusiveMinimum: true next to minimum; 3.1 and DCS write the bound itself.
        var exclusiveMinFlag = o["exclusiveMinimum"] is JsonValue emf && emf.GetValueKind() == JsonValueKind.True;
        var exclusiveMaxFlag = o["exclusiveMaximum"] is JsonValue eMf && eMf.GetValueKind() == JsonValueKind.True;
        if (Bound(o["minimum"]) is { } minimum)
            b.Add("expect_column_values_to_be_between", Between(Col(), "min_value", minimum, "strict_min", exclusiveMinFlag), $"{name} · minimum {Show(minimum)}", $"{name}__field_minimum", At("minimum"));
        if (Bound(o["maximum"]) is { } maximum)
            b.Add("expect_column_values_to_be_between", Between(Col(), "max_value", maximum, "strict_max", exclusiveMaxFlag), $"{name} · maximum {Show(maximum)}", $"{name}__field_maximum", At("maximum"));
        if (!exclusiveMinFlag && Bound(o["exclusiveMinimum"]) is { } exMin)
            b.Add("expect_column_values_to_be_between", Between(Col(), "min_value", exMin, "strict_min", true), $"{name} · exclusive minimum {Show(exMin)}", $"{name}__field_exclusive_minimum", At("exclusiveMinimum"));
        if (!exclusiveMaxFlag && Bound(o["exclusiveMaximum"]) is { } exMax)
            b.Add("expect_column_values_to_be_between", Between(Col(), "max_value", exMax, "strict_max", true), $"{name} · exclusive maximum {Show(exMax)}", $"{name}__field_exclusive_maximum", At("exclusiveMaximum"));

        if (o["pattern"] is JsonValue pattern && pattern.GetValueKind() == JsonValueKind.String)
            b.Add("expect_column_values_to_match_regex", With(Col(), "regex", pattern.GetValue<string>()), $"{name} · pattern", $"{name}__field_regex", At("pattern"));
        if (p.Enum is { Count: > 0 } values)
            b.Add("expect_column_values_to_be_in_set", With(Col(), "value_set", values.DeepClone()), $"{name} · enum", $"{name}__field_enum", At("enum"));
        if (o["format"] is JsonValue format && DqValuesMatchFormat.Formats.Contains(format.ToString().ToLowerInvariant()))
            b.Add("dq_values_match_format", With(Col(), "format", format.ToString().ToLowerInvariant()), $"{name} · format {format}", $"{name}__field_format", At("format"));
        if (Number(o["minItems"]) is { } minItems)
            b.Add("dq_array_items_between", With(Col(), "min_items", minItems), $"{name} · min items {Fmt(minItems)}", $"{name}__field_min_items", At("minItems"));
        if (Number(o["maxItems"]) is { } maxItems)
            b.Add("dq_array_items_between", With(Col(), "max_items", maxItems), $"{name} · max items {Fmt(maxItems)}", $"{name}__field_max_items", At("maxItems"));

        foreach (var rule in p.Quality) DeriveRule(b, schema, p, rule);
    }

    /// <summary>
    /// The logical type a type check compares with, or null for no type check. Objects (struct, map,
    /// record) are checked for presence only: their shape lives in nested properties, which are not
    /// derived into checks (as datacontract-cli does for file servers).
    /// </summary>
    private static string? TypeCheckLogical(ContractProperty p)
    {
        if (p.DcsType?.ToLowerInvariant() is "bytes" or "binary") return "bytes";
        var logical = p.LogicalType?.ToLowerInvariant();
        return logical is null or "object" || !DqColumnLogicalType.LogicalTypes.Contains(logical) ? null : logical;
    }

    private void DeriveRule(Builder b, ContractSchema schema, ContractProperty? p, QualityRule rule)
    {
        var index = b.NextRuleIndex(p?.Name);
        var label = rule.Name ?? rule.Metric ?? (rule.Type == "sql" ? "sql" : rule.Type);
        var display = p is null ? $"quality {label}" : $"{p.Name} · quality {label}";
        var key = p is null ? $"quality_{rule.Type}_{index}" : $"{p.Name}__quality_{rule.Type}_{index}";
        var severity = rule.Severity is { } s ? Expectations.Readers.SeverityParser.Parse(JsonValue.Create(s), rule.At) : Severity.Error;
        switch (rule.Type)
        {
            case "text":
                b.Skip(display, "type: text is documentation only; it is not executed.", rule.At);
                return;
            case "custom":
                b.Skip(display, $"type: custom (engine {rule.Engine ?? "unspecified"}) is not executed by dq.", rule.At);
                return;
            case "sql":
                if (rule.Query is null) { b.Skip(display, "an SQL rule without a query.", rule.At); return; }
                if (rule.Threshold is null) { b.Skip(display, "an SQL rule without an operator (mustBe, mustBeLessThan, ...) cannot pass or fail.", rule.At); return; }
                var kwargs = new JsonObject { ["query"] = Placeholders(_resolveVariables(rule.Query, rule.At), schema, p) };
                rule.Threshold.WriteTo(kwargs);
                b.Add("dq_sql_rule", kwargs, display, key, rule.At, severity);
                return;
            case "library":
                break;
            default:
                b.Skip(display, $"unknown quality type '{rule.Type}'.", rule.At);
                return;
        }
        if (rule.Arguments["history"] is JsonObject history)
        {
            DeriveHistoryRule(b, p, rule, history, display, key, severity);
            return;
        }
        if (rule.Threshold is null) { b.Skip(display, $"metric {rule.Metric} has no operator (mustBe, mustBeLessThan, ...).", rule.At); return; }
        var k = new JsonObject();
        if (p is not null) k["column"] = p.Name;
        rule.Threshold.WriteTo(k);
        if (rule.Unit is { } unit) k["unit"] = unit is "percentage" or "%" ? "percent" : unit;
        string? type = rule.Metric switch
        {
            "rowCount" => p is null ? "dq_row_count" : null,
            "nullValues" => p is null ? null : "dq_null_values",
            "missingValues" => p is null ? null : "dq_missing_values",
            "invalidValues" => p is null ? null : "dq_invalid_values",
            "duplicateValues" => "dq_duplicate_values",
            "distributionDrift" => p is null ? null : "dq_column_distribution_drift",
            _ => null,
        };
        if (type is null)
        {
            b.Skip(display, p is null && rule.Metric is "nullValues" or "missingValues" or "invalidValues" or "distributionDrift"
                ? $"metric {rule.Metric} applies to a property, not a schema."
                : $"unknown or misplaced metric '{rule.Metric}'.", rule.At);
            return;
        }
        switch (rule.Metric)
        {
            case "missingValues" when rule.Arguments["missingValues"] is JsonArray missing:
                k["missing_values"] = missing.DeepClone();
                break;
            case "invalidValues":
                if (rule.Arguments["validValues"] is JsonArray valid) k["valid_values"] = valid.DeepClone();
                if (rule.Arguments["pattern"] is JsonValue pat) k["pattern"] = pat.DeepClone();
                break;
            case "distributionDrift":
                // Our extension (docs/contracts.md "Extensions"): drift against a `dq profile --format json --output` JSON.
                if (rule.Arguments["referenceProfile"] is not JsonValue reference) { b.Skip(display, "distributionDrift needs arguments.referenceProfile (a dq profile JSON).", rule.At); return; }
                k["reference_profile"] = reference.DeepClone();
                if (rule.Arguments["method"] is JsonValue method) k["method"] = method.DeepClone();
                break;
            case "duplicateValues" when p is null:
                if (rule.Arguments["properties"] is not JsonArray props) { b.Skip(display, "schema-level duplicateValues needs arguments.properties.", rule.At); return; }
                k["column_list"] = props.DeepClone();
                display = $"{string.Join(", ", props.Select(x => x?.ToString()))} · quality {label}";
                break;
        }
        b.Add(type, k, display, key, rule.At, severity);
    }

    /// <summary>
    /// A library rule with <c>arguments.history</c> compares its metric with earlier runs instead of a fixed
    /// number (<c>dq_metric_within_history</c>, docs/history.md): ODCS metric names map to ours, and the
    /// history object's camelCase keys (<c>maxDecreasePercent</c>) become the check's kwargs.
    /// </summary>
    private static void DeriveHistoryRule(Builder b, ContractProperty? p, QualityRule rule, JsonObject history, string display, string key, Severity severity)
    {
        var metric = rule.Metric switch
        {
            "rowCount" => "row_count",
            "nullValues" => rule.Unit is "percent" or "percentage" or "%" ? "null_percent" : "null_count",
            "distinctValues" or "uniqueValues" => "distinct_count",
            { } other => other,
            null => null,
        };
        if (metric is null) { b.Skip(display, "a history rule needs a metric (rowCount, nullValues, mean, ...).", rule.At); return; }
        var k = new JsonObject { ["metric"] = metric };
        if (p is not null) k["column"] = p.Name;
        foreach (var (name, value) in history)
            k[SnakeCase(name)] = value?.DeepClone();
        // The history key names the contract check, so two rules on one metric keep separate series.
        k["key"] ??= key;
        b.Add("dq_metric_within_history", k, $"{display} · within history", key, rule.At, severity);
    }

    private static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));

    private static void DeriveSla(Builder b, ContractSchema schema, SlaProperty sla)
    {
        if (sla.Property is not ("freshness" or "retention") || sla.Element is null) return;
        var parts = sla.Element.Split('.');
        if (parts.Length != 2 || parts[0] != schema.Name) return;
        var seconds = Seconds(sla.Value, sla.Unit);
        if (seconds is null)
        {
            b.Skip($"{parts[1]} · {sla.Property}", $"cannot read the {sla.Property} value '{sla.Value?.ToJsonString()}' with unit '{sla.Unit}'.", sla.At);
            return;
        }
        var k = new JsonObject { ["column"] = parts[1], ["max_age_seconds"] = seconds };
        b.Add(sla.Property == "freshness" ? "dq_freshness" : "dq_retention", k, $"{parts[1]} · {sla.Property} {sla.Value?.ToString()}{sla.Unit}", $"servicelevel_{sla.Property}", sla.At);
    }

    /// <summary>An SLA value as seconds: a number with a unit (d, h, m, s, y, month), or an ISO 8601 duration.</summary>
    public static long? Seconds(JsonNode? value, string? unit)
    {
        if (Reading.ContractParser.NumberOf(value) is { } n)
        {
            long? multiplier = (unit ?? "d").ToLowerInvariant() switch
            {
                "y" or "yr" or "year" or "years" => 365 * 86400L,
                "month" or "months" or "mo" => 30 * 86400L,
                "d" or "day" or "days" => 86400L,
                "h" or "hr" or "hour" or "hours" => 3600L,
                "m" or "min" or "minute" or "minutes" => 60L,
                "s" or "sec" or "second" or "seconds" => 1L,
                _ => null,
            };
            return multiplier is null ? null : (long)(n * multiplier.Value);
        }
        if (value is JsonValue s && s.GetValueKind() == JsonValueKind.String)
        {
            var text = s.GetValue<string>().Trim();
            var m = IsoDuration().Match(text.ToUpperInvariant());
            if (m.Success && m.Length > 1)
            {
                long Part(int g, long mult) => m.Groups[g].Success ? long.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture) * mult : 0;
                return Part(1, 365 * 86400L) + Part(2, 30 * 86400L) + Part(3, 7 * 86400L) + Part(4, 86400L) + Part(5, 3600L) + Part(6, 60L) + Part(7, 1L);
            }
            var simple = SimpleDuration().Match(text);
            if (simple.Success) return Seconds(JsonValue.Create(double.Parse(simple.Groups[1].Value, CultureInfo.InvariantCulture)), simple.Groups[2].Value);
        }
        return null;
    }

    /// <summary>ODCS <c>{object}</c>/<c>{property}</c>, DCS <c>{model}</c>/<c>{field}</c> and the CLI's aliases, optionally quoted or <c>$</c>-prefixed.</summary>
    private string Placeholders(string query, ContractSchema schema, ContractProperty? p)
    {
        var relation = _relationName(schema.Name);
        query = ModelPlaceholder().Replace(query, _ => relation);
        if (p is not null) query = FieldPlaceholder().Replace(query, _ => SqlText.Identifier(p.Name));
        return query;
    }


    private static JsonObject With(JsonObject k, string key, JsonNode? value) { k[key] = value; return k; }
    private static JsonObject With(JsonObject k, string key, double value)
    {
        k[key] = value == Math.Floor(value) && Math.Abs(value) < 1e15 ? JsonValue.Create((long)value) : JsonValue.Create(value);
        return k;
    }
    private static JsonObject With(JsonObject k, string key, string value) { k[key] = value; return k; }

    private static JsonObject Between(JsonObject k, string key, JsonNode bound, string strictKey, bool strict)
    {
        k[key] = bound;
        if (strict) k[strictKey] = true;
        return k;
    }

    private static JsonObject Zero(JsonObject k)
    {
        new Threshold("mustBe", 0).WriteTo(k);
        return k;
    }

    private static double? Number(JsonNode? node) => Reading.ContractParser.NumberOf(node);

    /// <summary>A numeric or date bound as written (booleans are ODCS 3.0 flags, not bounds).</summary>
    private static JsonNode? Bound(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() is JsonValueKind.Number or JsonValueKind.String ? v.DeepClone() : null;

    private static string Show(JsonNode node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : node.ToJsonString();

    private static string Fmt(double v) => v.ToString("0.############", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"[""']?\$?\{(model|table|object|schema)\}[""']?")]
    private static partial Regex ModelPlaceholder();

    [GeneratedRegex(@"[""']?\$?\{(field|column|property)\}[""']?")]
    private static partial Regex FieldPlaceholder();

    [GeneratedRegex(@"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$")]
    private static partial Regex IsoDuration();

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*([A-Za-z]+)$")]
    private static partial Regex SimpleDuration();

    private sealed class Builder(string model, bool argumentsOnly)
    {
        private readonly Dictionary<string, int> _ruleIndexes = new(StringComparer.Ordinal);
        private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
        public List<ExpectationConfig> Checks { get; } = [];
        public List<NotExecutedRule> NotExecuted { get; } = [];

        public int NextRuleIndex(string? property)
        {
            var k = property ?? "";
            _ruleIndexes[k] = _ruleIndexes.TryGetValue(k, out var i) ? i + 1 : 0;
            return _ruleIndexes[k];
        }

        public void Add(string type, JsonObject kwargs, string display, string key, SourceLocation at, Severity severity = Severity.Error)
        {
            if (argumentsOnly)
            {
                Checks.Add(new ExpectationConfig(type, kwargs, severity, null, at));
                return;
            }
            var fullKey = $"{model}__{key}";
            var unique = fullKey;
            for (var n = 2; !_keys.Add(unique); n++) unique = $"{fullKey}_{n.ToString(CultureInfo.InvariantCulture)}";
            var meta = new JsonObject
            {
                ["display_name"] = $"{model} · {display}",
                ["contract_key"] = unique,
                ["model"] = model,
                ["contract_location"] = at.ToString(),
            };
            Checks.Add(new ExpectationConfig(type, kwargs, severity, meta, at));
        }

        public void Skip(string display, string reason, SourceLocation at) => NotExecuted.Add(new NotExecutedRule($"{model} · {display}", reason, at));
    }
}
