using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataQuality.Core.Checks;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Datasets;
using DataQuality.Core.Expectations;

namespace DataQuality.Core.Tests.Expectations;

/// <summary>
/// Runs the GX 1.2 fixture cases of one expectation type through the engine (small loader for the
/// aggregate and table families; the project-wide scoreboard is the conformance harness). Cases
/// tagged only_for non-SQL backends are left out; SQL-tagged ones (sqlalchemy, sqlite, postgresql)
/// are run because DuckDB is a SQL backend.
/// </summary>
internal static class GxFixtureCases
{
    private static readonly string[] SqlBackends = ["sqlalchemy", "sqlite", "postgresql"];

    public static string Directory() => DataQuality.Tests.Shared.ConformanceData.Require("gx", "tests", "test_definitions");

    /// <summary>Every failing case as "title: why"; empty when all pass. Also returns how many cases ran.</summary>
    public static (int Ran, List<string> Failures) Run(string category, string type, IReadOnlySet<string>? skip = null)
    {
        var fixture = JsonNode.Parse(File.ReadAllText(Path.Combine(Directory(), category, type + ".json")))!;
        var failures = new List<string>();
        var ran = 0;
        foreach (var dataset in fixture["datasets"]!.AsArray())
        {
            if (!Applies(dataset!)) continue;
            foreach (var test in dataset!["tests"]!.AsArray())
            {
                var title = test!["title"]!.GetValue<string>();
                if (!Applies(test) || (skip?.Contains(title) ?? false)) continue;
                ran++;
                using var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });
                var table = Load(db, dataset["data"]!);
                var why = Check(db, table, type, test);
                if (why is not null) failures.Add($"{title}: {why}");
            }
        }
        return (ran, failures);
    }

    private static bool Applies(JsonNode node)
    {
        if (node["only_for"] is JsonArray only && !only.Any(b => SqlBackends.Contains(b!.GetValue<string>()))) return false;
        return !(node["suppress_test_for"] is JsonArray suppress && suppress.Any(b => b!.GetValue<string>() is "sqlalchemy"));
    }

    /// <summary>Creates the table(s); returns the name of the one under test (the first for multi-table fixtures).</summary>
    private static string Load(DuckDbSession db, JsonNode data)
    {
        if (data is JsonArray tables)
        {
            foreach (var t in tables) CreateTable(db, t!["dataset_name"]!.GetValue<string>(), t["data"]!.AsObject());
            return tables[0]!["dataset_name"]!.GetValue<string>();
        }
        CreateTable(db, "t", data.AsObject());
        return "t";
    }

    private static void CreateTable(DuckDbSession db, string name, JsonObject columns)
    {
        var cols = columns.Select(c => (Name: c.Key, Values: c.Value!.AsArray(), Type: TypeOf(c.Value!.AsArray()))).ToList();
        db.Execute($"CREATE TABLE {SqlText.Identifier(name)} ({string.Join(", ", cols.Select(c => $"{SqlText.Identifier(c.Name)} {c.Type}"))})");
        var rows = cols.Count == 0 ? 0 : cols.Max(c => c.Values.Count);
        if (rows == 0) return;
        var sb = new StringBuilder($"INSERT INTO {SqlText.Identifier(name)} VALUES ");
        for (var r = 0; r < rows; r++)
        {
            if (r > 0) sb.Append(", ");
            sb.Append('(').Append(string.Join(", ", cols.Select(c => r < c.Values.Count ? Literal(c.Values[r]) : "NULL"))).Append(')');
        }
        db.Execute(sb.ToString());
    }

    private static string TypeOf(JsonArray values)
    {
        var kinds = values.Where(v => v is not null).Select(v => v!.GetValueKind()).Distinct().ToList();
        if (kinds.Count == 0) return "BIGINT";
        if (kinds.All(k => k is JsonValueKind.True or JsonValueKind.False)) return "BOOLEAN";
        if (kinds.All(k => k == JsonValueKind.Number))
            return values.Where(v => v is not null).All(v => !v!.ToJsonString().Contains('.') && !v.ToJsonString().Contains('e')) ? "BIGINT" : "DOUBLE";
        return "VARCHAR";
    }

    private static string Literal(JsonNode? v) => v switch
    {
        null => "NULL",
        JsonValue s when s.GetValueKind() == JsonValueKind.String => SqlText.Literal(s.GetValue<string>()),
        _ => v.ToJsonString(),
    };

    private static string? Check(DuckDbSession db, string table, string type, JsonNode test)
    {
        var kwargs = test["in"]!.AsObject().DeepClone().AsObject();
        var level = ResultFormatLevel.Complete;
        if (kwargs["result_format"] is JsonValue rf) level = Enum.Parse<ResultFormatLevel>(rf.GetValue<string>().Replace("_", ""), ignoreCase: true);
        kwargs.Remove("result_format");
        kwargs.Remove("catch_exceptions");
        var suite = new ExpectationSuite("gx", [new ExpectationConfig(type, kwargs)]);
        var result = new SuiteRunner(db).Run(suite, new DataSource(table, SqlText.Identifier(table)), ResultFormat.Default with { Level = level }).Results[0];
        var output = test["out"]!.AsObject();
        var errorSubstring = output["traceback_substring"]?.GetValue<string>() ?? test["error"]?["traceback_substring"]?.GetValue<string>();
        if (errorSubstring is not null)
        {
            if (result.Status != CheckStatus.Error) return $"expected an error containing '{errorSubstring}', got success={result.Success}";
            return result.Exception!.Message.Contains(errorSubstring, StringComparison.OrdinalIgnoreCase) ? null : $"error '{result.Exception.Message}' lacks '{errorSubstring}'";
        }
        if (output.Count == 0) return null;
        if (result.Status == CheckStatus.Error) return $"error {result.Exception!.Code}: {result.Exception.Message}";
        var tolerance = test["tolerance"] is JsonValue tv ? tv.GetValue<double>() : 1e-9;
        foreach (var (key, expected) in output)
        {
            var why = key switch
            {
                "success" => result.Success == expected!.GetValue<bool>() ? null : $"success {result.Success}, expected {expected}",
                "observed_value" => Same(result.Result.ObservedValue, expected, tolerance) ? null : $"observed {result.Result.ObservedValue?.ToJsonString() ?? "null"}, expected {expected?.ToJsonString() ?? "null"}",
                "details" => Same(result.Result.Details, expected, tolerance) ? null : $"details {result.Result.Details?.ToJsonString()}, expected {expected!.ToJsonString()}",
                "value_counts" => expected!.AsArray().All(vc => result.Result.Details?["value_counts"]?.AsArray().Any(a => Same(a, vc, 0)) ?? false)
                    ? null : $"value_counts {result.Result.Details?["value_counts"]?.ToJsonString()}, expected {expected.ToJsonString()}",
                "result" => CompareResult(result.Result, expected!.AsObject(), tolerance),
                _ => $"unsupported out key '{key}'",
            };
            if (why is not null) return why;
        }
        return null;
    }

    private static string? CompareResult(ResultDetails actual, JsonObject expected, double tolerance)
    {
        var json = new JsonObject
        {
            ["observed_value"] = actual.ObservedValue?.DeepClone(),
            ["element_count"] = actual.ElementCount,
            ["missing_count"] = actual.MissingCount,
            ["missing_percent"] = actual.MissingPercent,
            ["details"] = actual.Details?.DeepClone(),
        };
        foreach (var (key, value) in expected)
            if (!Same(json[key], value, tolerance)) return $"result.{key} {json[key]?.ToJsonString() ?? "null"}, expected {value?.ToJsonString() ?? "null"}";
        foreach (var key in new[] { "element_count", "missing_count", "missing_percent", "details" })
            if (json[key] is not null && !expected.ContainsKey(key)) return $"result.{key} present but GX has none";
        return null;
    }

    public static bool Same(JsonNode? a, JsonNode? b, double rtol)
    {
        if (a is null || b is null) return a is null && b is null;
        if (a is JsonArray xa && b is JsonArray xb) return xa.Count == xb.Count && xa.Zip(xb).All(p => Same(p.First, p.Second, rtol));
        if (a is JsonObject oa && b is JsonObject ob)
            return oa.Count == ob.Count && oa.All(kv => ob.ContainsKey(kv.Key) && Same(kv.Value, ob[kv.Key], rtol));
        if (JsonNumber.TryGetDouble(a, out var da) && JsonNumber.TryGetDouble(b, out var db))
            return da == db || Math.Abs(da - db) <= 1e-8 + rtol * Math.Abs(db);
        return a.ToJsonString() == b.ToJsonString();
    }

    public static string Describe(List<string> failures) => string.Join(Environment.NewLine, failures.Prepend(failures.Count.ToString(CultureInfo.InvariantCulture) + " failing:"));
}
