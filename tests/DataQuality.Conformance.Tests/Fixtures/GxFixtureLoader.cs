using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DataQuality.Conformance.Tests.Fixtures;

/// <summary>
/// Reads every <c>&lt;category&gt;/&lt;file&gt;.json</c> under GX's test_definitions into cases, in a
/// stable order (file path, dataset, test), and classifies each by backend the way GX's
/// <c>test_expectations_v3_api.py</c> decides which backend generates it.
/// </summary>
public static partial class GxFixtureLoader
{
    /// <summary>GX backends we claim equivalence with: DuckDB is a SQL engine, and GX's SQL tests run on these.</summary>
    public static readonly IReadOnlyList<string> SqlBackends = ["postgresql", "sqlite"];

    public static IReadOnlyList<GxCase> Load(string testDefinitions)
    {
        var files = Directory.GetFiles(testDefinitions, "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(testDefinitions, f).Replace('\\', '/'))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        var cases = new List<GxCase>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var root = Parse(File.ReadAllText(Path.Combine(testDefinitions, file)), file);
            var type = root["expectation_type"]!.GetValue<string>();
            var category = file.Split('/')[0];
            var stem = Path.GetFileNameWithoutExtension(file);
            var datasets = root["datasets"]!.AsArray();
            for (var d = 0; d < datasets.Count; d++)
            {
                var dataset = datasets[d]!.AsObject();
                var tables = Tables(dataset, stem, d);
                var datasetName = Str(dataset["dataset_name"]) ?? tables[0].Name;
                // The same expectation has several files (…_between, …_between_tz_naive): keep ids apart.
                var label = stem == type || stem == "test_" + type ? datasetName : $"{stem}/{datasetName}";
                foreach (var test in dataset["tests"]!.AsArray().Select(t => t!.AsObject()))
                {
                    var baseId = $"{type} · {label} · {Str(test["title"])}";
                    var n = ids[baseId] = ids.GetValueOrDefault(baseId) + 1;
                    var id = n == 1 ? baseId : $"{baseId} #{n}";
                    var (scope, backend) = Classify(dataset, test);
                    cases.Add(new GxCase(id, file, category, type, datasetName, tables, test, scope, backend));
                }
            }
        }
        return cases;
    }

    private static List<GxTable> Tables(JsonObject dataset, string stem, int index)
    {
        if (dataset["data"] is JsonArray multi)
            return multi.Select((t, i) => new GxTable(Str(t!["dataset_name"]) ?? $"{stem}_{index + 1}_{i + 1}", t!["data"]!.AsObject(), t["schemas"] as JsonObject)).ToList();
        return [new GxTable(Str(dataset["dataset_name"]) ?? $"{stem}_{index + 1}", dataset["data"]!.AsObject(), dataset["schemas"] as JsonObject)];
    }

    /// <summary>
    /// Neutral: no tags anywhere. Otherwise the case counts as SQL-tagged when GX would generate and
    /// not skip it for postgresql or sqlite (only_for naming that dialect or "sqlalchemy"; suppress_test_for
    /// naming neither), else it belongs to other backends.
    /// </summary>
    public static (CaseScope Scope, string Backend) Classify(JsonObject dataset, JsonObject test)
    {
        var dsOnly = Tags(dataset["only_for"]);
        var dsSuppress = Tags(dataset["suppress_test_for"]);
        var only = Tags(test["only_for"]);
        var suppress = Tags(test["suppress_test_for"]);
        if (dsOnly.Count + dsSuppress.Count + only.Count + suppress.Count == 0)
            return (CaseScope.Neutral, SqlBackends[0]);

        foreach (var backend in SqlBackends)
        {
            if (dsSuppress.Contains(backend)) continue;
            if (dsOnly.Count > 0 && !dsOnly.Contains(backend)) continue;
            if (only.Count > 0 && !only.Contains("sqlalchemy") && !only.Contains(backend)) continue;
            if (suppress.Contains("sqlalchemy") || suppress.Contains(backend)) continue;
            return (CaseScope.SqlTagged, backend);
        }
        return (CaseScope.OtherBackends, SqlBackends[0]);
    }

    private static HashSet<string> Tags(JsonNode? node) => node switch
    {
        null => [],
        JsonArray a => a.Select(n => n!.GetValue<string>()).ToHashSet(StringComparer.Ordinal),
        JsonValue v => [v.GetValue<string>()],
        _ => [],
    };

    private static string? Str(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    /// <summary>The fixtures were written by Python's json module, which emits bare NaN/Infinity; quote them so System.Text.Json reads the file.</summary>
    private static JsonObject Parse(string text, string file)
    {
        var quoted = BareNonFinite().Replace(text, m => $"\"{m.Value}\"");
        return JsonNode.Parse(quoted)?.AsObject() ?? throw new InvalidDataException($"{file}: not a JSON object.");
    }

    [GeneratedRegex(@"(?<=[\[,:]\s*)-?(NaN|Infinity)(?=\s*[,\]}])")]
    private static partial Regex BareNonFinite();
}
