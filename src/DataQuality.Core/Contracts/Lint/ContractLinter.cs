using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Contracts.Model;
using DataQuality.Core.Contracts.Reading;
using DataQuality.Core.Contracts.Sql;
using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Contracts.Lint;

/// <summary>
/// Structure and semantics of a contract file, every finding with its line and column: unknown keys
/// (an error when the key is a misspelling of a known one, <see cref="EditDistance.IsMisspelling"/>; otherwise a
/// warning, with a did-you-mean), wrong value types, missing required keys, regexes that do not
/// compile, duplicate names, primary keys on missing properties, conflicting or malformed operators,
/// unknown types/metrics/units, SQL rules the guard rejects, SLA elements that name nothing.
/// </summary>
public static class ContractLinter
{
    private static readonly string[] Metrics = ["nullValues", "missingValues", "invalidValues", "duplicateValues", "rowCount", "distributionDrift"];
    private static readonly string[] QualityTypes = ["text", "sql", "custom", "library"];
    private static readonly string[] Severities = ["error", "warning", "warn", "info", "fail", "failure", "critical"];

    public static IReadOnlyList<LintDiagnostic> LintFile(string path)
    {
        try
        {
            return Lint(ContractLoader.LoadDocument(path));
        }
        catch (InputException ex)
        {
            return [new LintDiagnostic(ex.Location ?? new SourceLocation(path), LintSeverity.Error, ex.Code, ex.Message)];
        }
    }

    /// <summary>
    /// The first misspelled key (DQ1010 as an error: <c>requried</c>, <c>mustBeGreatherThan</c>) as an
    /// InputException, so validate, the test adapter and compare refuse the contract as lint does instead of
    /// running it without the constraint the key meant to add.
    /// </summary>
    internal static void RejectMisspelledKeys(ContractDocument doc)
    {
        var l = new Linter(doc);
        l.Walk(doc.Original, doc.Standard == ContractStandard.Dcs ? ContractShapes.Dcs : ContractShapes.Odcs);
        if (l.Diagnostics.FirstOrDefault(d => d is { Code: "DQ1010", Severity: LintSeverity.Error }) is { } typo)
            throw new InputException(typo.Code, typo.Message, typo.Location);
    }

    public static IReadOnlyList<LintDiagnostic> Lint(ContractDocument doc)
    {
        var l = new Linter(doc);
        l.Walk(doc.Original, doc.Standard == ContractStandard.Dcs ? ContractShapes.Dcs : ContractShapes.Odcs);
        l.Semantics();
        try
        {
            l.DerivedArguments(ContractParser.Parse(doc));
        }
        catch (InputException ex)
        {
            l.Report(ex.Location ?? new SourceLocation(doc.Path), LintSeverity.Error, ex.Code, ex.Message, dedupe: true);
        }
        return l.Diagnostics.OrderBy(d => d.Location.Line ?? 0).ThenBy(d => d.Location.Column ?? 0).ThenBy(d => d.Code, StringComparer.Ordinal).ToList();
    }

    private sealed class Linter(ContractDocument doc)
    {
        public List<LintDiagnostic> Diagnostics { get; } = [];

        public void Report(SourceLocation at, LintSeverity severity, string code, string message, bool dedupe = false)
        {
            if (dedupe && Diagnostics.Any(d => d.Location == at && d.Severity == LintSeverity.Error)) return;
            Diagnostics.Add(new LintDiagnostic(at, severity, code, message));
        }

        /// <summary>
        /// The checks the contract compiles to, against their definitions' declared arguments: what a rule
        /// passes through (arguments.history keys, for one) is checked here as a suite's kwargs are.
        /// </summary>
        public void DerivedArguments(DataContract contract)
        {
            var deriver = new Derivation.CheckDeriver(contract, checkTypes: true, (text, _) => text, Datasets.SqlText.Identifier) { ArgumentsOnly = true };
            foreach (var schema in contract.Schemas)
                foreach (var config in deriver.Derive(schema).Suite.Expectations)
                {
                    if (!Expectations.ExpectationCatalog.TryGet(config.Type, out var definition)) continue;
                    foreach (var problem in Expectations.Arguments.ExpectationArguments.Problems(config, definition))
                        Report(problem.Location ?? new SourceLocation(doc.Path), LintSeverity.Error, problem.Code, problem.Message, dedupe: true);
                }
        }

        private void Error(JsonNode? node, string code, string message) => Report(doc.LocationOf(node), LintSeverity.Error, code, message);
        private void Warning(JsonNode? node, string code, string message) => Report(doc.LocationOf(node), LintSeverity.Warning, code, message);

        public void Walk(JsonObject obj, Shape shape)
        {
            foreach (var (key, value) in obj)
            {
                if (key.StartsWith("x-", StringComparison.Ordinal)) continue;
                if (!shape.Keys.TryGetValue(key, out var spec))
                {
                    var suggestion = shape.Keys.Keys.FirstOrDefault(k => EditDistance.IsMisspelling(key, k));
                    if (suggestion is not null)
                        Error(value ?? obj, "DQ1010", $"Unknown key '{key}' in {shape.Name}; did you mean '{suggestion}'? As written it would be ignored, with what it says (an extension key starts with x-).");
                    else
                    {
                        suggestion = EditDistance.Suggest(key, shape.Keys.Keys);
                        Warning(value ?? obj, "DQ1010", $"Unknown key '{key}' in {shape.Name}" + (suggestion is null ? "." : $"; did you mean '{suggestion}'?"));
                    }
                    continue;
                }
                if (value is null) continue;
                if (!KindMatches(spec.Kind, value))
                {
                    Error(value, "DQ1011", $"'{key}' must be {Describe(spec.Kind)}, not {DescribeValue(value)}.");
                    continue;
                }
                if (spec.Inner is null) continue;
                if (spec.MapOfShape && value is JsonObject map)
                {
                    foreach (var (_, entry) in map)
                        if (entry is JsonObject e) Walk(e, spec.Inner);
                        else if (entry is not null) Error(entry, "DQ1011", $"Each entry of '{key}' must be a mapping.");
                }
                else if (value is JsonObject o) Walk(o, spec.Inner);
                else if (value is JsonArray list)
                    foreach (var item in list)
                        if (item is JsonObject e) Walk(e, spec.Inner);
                        else Error(item ?? list, "DQ1011", $"Each entry of '{key}' must be a mapping.");
            }
        }

        public void Semantics()
        {
            var root = doc.Root;
            if (doc.Standard == ContractStandard.Odcs)
            {
                foreach (var key in new[] { "apiVersion", "kind", "id", "version", "status" })
                    if (root[key] is null) Error(root, "DQ1012", $"Required key '{key}' is missing (ODCS).");
                if (root["kind"] is JsonValue kind && kind.ToString() != "DataContract")
                    Error(kind, "DQ1019", $"kind must be 'DataContract', not '{kind}'.");
                if (root["apiVersion"] is JsonValue api && !api.ToString().StartsWith("v3.", StringComparison.Ordinal))
                    Warning(api, "DQ1019", $"apiVersion '{api}' is not ODCS 3.x; dq reads v3.0.x and v3.1.x.");
            }
            else
            {
                if (doc.Original["id"] is null) Error(doc.Original, "DQ1012", "Required key 'id' is missing (DCS).");
                if (doc.Original["info"] is not JsonObject info) Error(doc.Original, "DQ1012", "Required key 'info' is missing (DCS).");
                else
                    foreach (var key in new[] { "title", "version" })
                        if (info[key] is null) Error(info, "DQ1012", $"Required key 'info.{key}' is missing (DCS).");
            }

            Duplicates(root["servers"] as JsonArray, "server", "server");
            foreach (var server in (root["servers"] as JsonArray ?? []).OfType<JsonObject>())
                if (server["format"] is JsonValue f && f.ToString().ToLowerInvariant() is not ("parquet" or "csv" or "json" or "delta" or "avro" or "iceberg"))
                    Warning(f, "DQ1021", $"Server format '{f}' is not one dq reads (parquet, csv, json).");

            var schemas = (root["schema"] as JsonArray ?? []).OfType<JsonObject>().ToList();
            Duplicates(root["schema"] as JsonArray, "name", "schema");
            foreach (var schema in schemas) Schema(schema);

            foreach (var sla in (root["slaProperties"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (sla["element"] is not JsonValue element) continue;
                var parts = element.ToString().Split('.');
                var target = schemas.FirstOrDefault(s => s["name"]?.ToString() == parts[0]);
                if (target is null)
                    Warning(element, "DQ1022", $"SLA element '{element}' names no schema object.");
                else if (parts.Length == 2 && !((target["properties"] as JsonArray) ?? []).OfType<JsonObject>().Any(p => p["name"]?.ToString() == parts[1]))
                    Warning(element, "DQ1022", $"SLA element '{element}' names no property of '{parts[0]}'.");
            }
        }

        private void Schema(JsonObject schema)
        {
            var properties = (schema["properties"] as JsonArray ?? []).OfType<JsonObject>().ToList();
            Duplicates(schema["properties"] as JsonArray, "name", "property");
            if (schema["primaryKey"] is JsonArray pk)
                foreach (var key in pk)
                    if (key is not null && !properties.Any(p => p["name"]?.ToString() == key.ToString()))
                    {
                        var suggestion = EditDistance.Suggest(key.ToString(), properties.Select(p => p["name"]?.ToString() ?? ""));
                        Error(key, "DQ1015", $"Primary key '{key}' is not a property of '{schema["name"]}'" + (suggestion is null ? "." : $"; did you mean '{suggestion}'?"));
                    }
            var positions = properties.Where(p => ContractParser.NumberOf(p["primaryKeyPosition"]) is > 0).GroupBy(p => p["primaryKeyPosition"]!.ToJsonString());
            foreach (var group in positions.Where(g => g.Count() > 1))
                Warning(group.Last()["primaryKeyPosition"], "DQ1015", $"primaryKeyPosition {group.Key} is used by more than one property.");
            foreach (var p in properties) Property(p, properties);
            foreach (var q in (schema["quality"] as JsonArray ?? []).OfType<JsonObject>()) Quality(q, null, properties);
        }

        /// <param name="siblings">The schema object's top-level properties, built once per schema (not per property).</param>
        private void Property(JsonObject p, List<JsonObject> siblings)
        {
            if (doc.Standard == ContractStandard.Dcs)
            {
                if (p["dcsType"] is JsonValue t && !ContractTypes.IsDcsType(t.ToString()))
                    Error(t, "DQ1018", $"Unknown type '{t}'" + Suggest(t.ToString(), ContractTypes.DcsTypes));
            }
            else if (p["logicalType"] is JsonValue lt && !ContractTypes.IsOdcsLogicalType(lt.ToString()))
                Error(lt, "DQ1018", $"Unknown logicalType '{lt}'" + Suggest(lt.ToString(), ContractTypes.OdcsLogicalTypes));

            if (p["logicalTypeOptions"] is JsonObject o)
            {
                if (o["pattern"] is JsonValue pattern) Regex(pattern);
                Conflict(o, "minLength", "maxLength");
                Conflict(o, "minimum", "maximum");
                Conflict(o, "exclusiveMinimum", "exclusiveMaximum");
                Conflict(o, "minItems", "maxItems");
                NumericBounds(o, p["logicalType"]?.ToString());
                if (o["format"] is JsonValue format && format.GetValueKind() == JsonValueKind.String
                    && p["logicalType"]?.ToString() == "string" && !Expectations.Catalog.Contract.DqValuesMatchFormat.Formats.Contains(format.ToString().ToLowerInvariant()))
                    Warning(format, "DQ1019", $"String format '{format}' is not checked (dq checks {string.Join(", ", Expectations.Catalog.Contract.DqValuesMatchFormat.Formats)}).");
            }
            foreach (var nested in (p["properties"] as JsonArray ?? []).OfType<JsonObject>()) Property(nested, siblings);
            foreach (var q in (p["quality"] as JsonArray ?? []).OfType<JsonObject>()) Quality(q, p, siblings);
        }

        /// <summary>
        /// A bound of a number or integer property that is not a number (<c>minimum: zero</c>, <c>maximum: .inf</c>)
        /// gives a check that cannot be planned when the data is read; lint says so before, at the bound.
        /// Dates and timestamps take their bounds as text, so only numeric types are checked.
        /// </summary>
        private void NumericBounds(JsonObject options, string? logicalType)
        {
            if (logicalType is not ("number" or "integer")) return;
            foreach (var key in new[] { "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" })
                if (options[key] is { } bound && ContractParser.NumberOf(bound) is null)
                    Error(bound, "DQ1011", $"'{key}' of {(logicalType == "integer" ? "an" : "a")} {logicalType} property must be a number, not {DescribeValue(bound)}.");
        }

        private void Quality(JsonObject q, JsonObject? property, List<JsonObject> properties)
        {
            var operators = q.Where(kv => Threshold.Operators.Contains(kv.Key) || Threshold.Aliases.ContainsKey(kv.Key)).ToList();
            if (operators.Count > 1)
                Error(q[operators[1].Key] ?? q, "DQ1016", $"Conflicting operators {string.Join(" and ", operators.Select(o => o.Key))}: a rule takes one.");
            foreach (var (key, value) in operators.Where(o => o.Key is "mustBeBetween" or "mustNotBeBetween"))
                if (value is JsonArray { Count: 2 } pair && ContractParser.NumberOf(pair[0]) is { } a && ContractParser.NumberOf(pair[1]) is { } b && a > b)
                    Error(value, "DQ1016", $"'{key}' bounds are reversed: [{a}, {b}].");
            var metric = q["metric"]?.ToString() ?? q["rule"]?.ToString();
            var type = q["type"]?.ToString() ?? (metric is not null ? "library" : q["query"] is not null ? "sql" : "text");
            if (!QualityTypes.Contains(type))
                Error(q["type"], "DQ1017", $"Unknown quality type '{type}'" + Suggest(type, QualityTypes));
            if (type == "library" || (q["type"] is null && metric is not null))
            {
                // arguments.history (docs/history.md) compares with earlier runs: no operator, and dq's history metrics (mean, ...) are allowed.
                var history = q["arguments"]?["history"] is JsonObject;
                if (metric is null) Error(q, "DQ1017", "A library rule needs a metric.");
                else if (!Metrics.Contains(metric) && q["rule"] is null && !(history && Expectations.Catalog.History.HistoryMetric.Names.Contains(metric)))
                    Error(q["metric"], "DQ1017", $"Unknown metric '{metric}'" + Suggest(metric, Metrics));
                else if (property is null && metric is "nullValues" or "missingValues" or "invalidValues" or "distributionDrift")
                    Error(q["metric"], "DQ1017", $"Metric '{metric}' applies to a property, not a schema object.");
                else if (property is not null && metric == "rowCount")
                    Error(q["metric"], "DQ1017", "Metric 'rowCount' applies to a schema object, not a property.");
                if (operators.Count == 0 && !history) Warning(q, "DQ1023", $"Metric '{metric}' has no operator (mustBe, mustBeLessThan, ...): it is not executed.");
                if (q["arguments"] is JsonObject args)
                {
                    if (args["pattern"] is JsonValue pattern) Regex(pattern);
                    if (metric == "duplicateValues" && property is null && args["properties"] is JsonArray cols)
                        foreach (var c in cols)
                            if (c is not null && !properties.Any(p => p["name"]?.ToString() == c.ToString()))
                                Error(c, "DQ1015", $"'{c}' is not a property of this schema object.");
                }
                if (metric == "duplicateValues" && property is null && q["arguments"]?["properties"] is null)
                    Error(q, "DQ1012", "Schema-level duplicateValues needs arguments.properties.");
            }
            if (type == "sql")
            {
                if (q["query"] is not JsonValue query) Error(q, "DQ1012", "An SQL rule needs a query.");
                else if (SqlRuleGuard.Check(query.ToString()) is { } reason) Error(query, "DQ1020", $"SQL rule rejected: {reason}");
                if (operators.Count == 0) Warning(q, "DQ1023", "An SQL rule without an operator cannot pass or fail: it is not executed.");
            }
            if (q["unit"] is JsonValue unit && unit.ToString() is not ("rows" or "percent" or "percentage" or "%"))
                Error(unit, "DQ1019", $"unit must be 'rows' or 'percent', not '{unit}'.");
            else if (q["unit"]?.ToString() is "percent" or "percentage" or "%" && metric == "rowCount")
                Error(q["unit"], "DQ1019", "unit 'percent' does not apply to rowCount.");
            if (q["severity"] is JsonValue severity && !Severities.Contains(severity.ToString().ToLowerInvariant()))
                Error(severity, "DQ1019", $"Unknown severity '{severity}': use error, warning or info.");
        }

        private void Regex(JsonValue pattern)
        {
            try
            {
                _ = new Regex(pattern.ToString(), RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException ex)
            {
                Error(pattern, "DQ1013", $"Pattern does not compile: {ex.Message}");
            }
        }

        private void Conflict(JsonObject o, string minKey, string maxKey)
        {
            if (ContractParser.NumberOf(o[minKey]) is { } min && ContractParser.NumberOf(o[maxKey]) is { } max && min > max)
                Error(o[minKey], "DQ1016", $"{minKey} ({min}) is greater than {maxKey} ({max}): no value can satisfy both.");
        }

        private void Duplicates(JsonArray? list, string nameKey, string what)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in (list ?? []).OfType<JsonObject>())
                if (item[nameKey] is JsonValue name && !seen.Add(name.ToString()))
                    Error(name, "DQ1014", $"Duplicate {what} name '{name}'.");
        }

        private static string Suggest(string value, IEnumerable<string> candidates) =>
            EditDistance.Suggest(value, candidates) is { } s ? $"; did you mean '{s}'?" : ".";

        private static bool KindMatches(ValueKind kind, JsonNode value) => kind switch
        {
            ValueKind.Any => true,
            ValueKind.String => value is JsonValue v && v.GetValueKind() == JsonValueKind.String,
            ValueKind.Number => value is JsonValue v && v.GetValueKind() == JsonValueKind.Number,
            ValueKind.Bool => value is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
            ValueKind.Scalar => value is JsonValue,
            ValueKind.Object => value is JsonObject,
            ValueKind.List => value is JsonArray,
            ValueKind.StringList => value is JsonArray a && a.All(x => x is JsonValue s && s.GetValueKind() == JsonValueKind.String),
            ValueKind.NumberPair => value is JsonArray { Count: 2 } p && p.All(x => x is JsonValue n && n.GetValueKind() == JsonValueKind.Number),
            _ => true,
        };

        private static string Describe(ValueKind kind) => kind switch
        {
            ValueKind.String => "a string",
            ValueKind.Number => "a number",
            ValueKind.Bool => "true or false",
            ValueKind.Scalar => "a single value",
            ValueKind.Object => "a mapping",
            ValueKind.List => "a list",
            ValueKind.StringList => "a list of strings",
            ValueKind.NumberPair => "a list of two numbers [low, high]",
            _ => "a value",
        };

        private static string DescribeValue(JsonNode value) => value switch
        {
            JsonObject => "a mapping",
            JsonArray => "a list",
            JsonValue v => v.GetValueKind() switch
            {
                JsonValueKind.String => $"the string '{v}'",
                JsonValueKind.Number => $"the number {v.ToJsonString()}",
                JsonValueKind.True or JsonValueKind.False => v.ToJsonString(),
                _ => v.ToJsonString(),
            },
            _ => "null",
        };
    }
}
