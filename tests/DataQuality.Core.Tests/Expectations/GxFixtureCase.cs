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
/// Runs one case of a GX conformance fixture the way GX's runner does (a pk_index column, result
/// format COMPLETE keyed by pk_index) and says how our result differs from the case's "out".
/// The fixtures are found through DQ_CONFORMANCE_DIR or ../shared/conformance from the repo root.
/// </summary>
public static class GxFixtureCase
{
    public static string ConformanceDir()
    {
        var env = Environment.GetEnvironmentVariable("DQ_CONFORMANCE_DIR");
        if (!string.IsNullOrEmpty(env))
            return Directory.Exists(env) ? env : throw new InvalidOperationException($"DQ_CONFORMANCE_DIR={env} does not exist.");
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DataQuality.sln"))) dir = dir.Parent;
        var path = dir is null ? null : Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "conformance"));
        return path is not null && Directory.Exists(path)
            ? path
            : throw new InvalidOperationException("GX conformance fixtures not found: set DQ_CONFORMANCE_DIR or provide ../shared/conformance next to the repository.");
    }

    public static JsonObject LoadFile(string relative) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(ConformanceDir(), "gx", "tests", "test_definitions", relative)))!.AsObject();

    /// <summary>Case ids "file|dataset|test" of the backend-neutral cases (no only_for / suppress_test_for) in the given fixture files.</summary>
    public static IEnumerable<string> NeutralCases(params string[] files)
    {
        foreach (var file in files)
        {
            var doc = LoadFile(file);
            var datasets = doc["datasets"]!.AsArray();
            for (var d = 0; d < datasets.Count; d++)
            {
                if (datasets[d]!["only_for"] is not null || datasets[d]!["suppress_test_for"] is not null) continue;
                var tests = datasets[d]!["tests"]!.AsArray();
                for (var t = 0; t < tests.Count; t++)
                    if (tests[t]!["only_for"] is null && tests[t]!["suppress_test_for"] is null)
                        yield return $"{file}|{d}|{t}";
            }
        }
    }

    /// <summary>Runs the case; returns null when our result agrees with "out", else what differs.</summary>
    public static string? Check(string id)
    {
        var parts = id.Split('|');
        var doc = LoadFile(parts[0]);
        var dataset = doc["datasets"]![int.Parse(parts[1], CultureInfo.InvariantCulture)]!.AsObject();
        var test = dataset["tests"]![int.Parse(parts[2], CultureInfo.InvariantCulture)]!.AsObject();
        using var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });
        CreateTable(db, dataset["data"]!.AsObject());
        var kwargs = (test["in"] as JsonObject)?.DeepClone().AsObject() ?? [];
        var config = new ExpectationConfig(doc["expectation_type"]!.GetValue<string>(), kwargs);
        var format = new ResultFormat { Level = ResultFormatLevel.Complete, UnexpectedIndexColumnNames = ["pk_index"] };
        var result = new SuiteRunner(db).Run(new ExpectationSuite("fixture", [config]), new DataSource("t", "t", "pk_index"), format).Results[0];
        return Compare(test["out"]!.AsObject(), result, test["exact_match_out"]?.GetValue<bool>() == true, test["tolerance"]);
    }

    private static string? Compare(JsonObject expected, ExpectationResult actual, bool exact, JsonNode? tolerance)
    {
        var errors = new List<string>();
        var expectsError = expected["traceback_substring"] is not null || !expected.ContainsKey("success");
        if (expectsError)
            return actual.Status == CheckStatus.Error ? null : $"expected an error, got success={actual.Success}";
        if (actual.Status == CheckStatus.Error)
            return $"unexpected error {actual.Exception!.Code}: {actual.Exception.Message}";
        if (expected["success"]!.GetValue<bool>() != actual.Success) errors.Add($"success: expected {expected["success"]}, got {actual.Success}");

        var r = actual.Result;
        void Multiset(string name, JsonNode? want, JsonArray? got)
        {
            if (want is null) return;
            var w = want.AsArray().Select(Canonical).OrderBy(s => s, StringComparer.Ordinal).ToList();
            var g = (got ?? []).Select(Canonical).OrderBy(s => s, StringComparer.Ordinal).ToList();
            if (!w.SequenceEqual(g)) errors.Add($"{name}: expected {string.Join(",", w)}, got {string.Join(",", g)}");
        }
        Multiset("unexpected_list", expected["unexpected_list"], r.UnexpectedList);
        Multiset("unexpected_index_list", expected["unexpected_index_list"], r.UnexpectedIndexList);
        if (expected["observed_value"] is { } ov && Canonical(ov) != Canonical(r.ObservedValue))
            errors.Add($"observed_value: expected {ov.ToJsonString()}, got {r.ObservedValue?.ToJsonString()}");
        if (exact && expected["result"] is JsonObject res)
        {
            var rtol = tolerance is null ? 1e-9 : tolerance.GetValue<double>();
            void Num(string name, double? got)
            {
                if (res[name] is not { } want) return;
                var w = want.GetValue<double>();
                if (got is null || Math.Abs(got.Value - w) > rtol * Math.Max(1, Math.Abs(w))) errors.Add($"{name}: expected {w}, got {got}");
            }
            Num("element_count", r.ElementCount);
            Num("missing_count", r.MissingCount);
            Num("missing_percent", r.MissingPercent);
            Num("unexpected_count", r.UnexpectedCount);
            Num("unexpected_percent", r.UnexpectedPercent);
            Num("unexpected_percent_total", r.UnexpectedPercentTotal);
            Num("unexpected_percent_nonmissing", r.UnexpectedPercentNonmissing);
            Multiset("result.partial_unexpected_list", res["partial_unexpected_list"], r.PartialUnexpectedList);
            Multiset("result.unexpected_list", res["unexpected_list"], r.UnexpectedList);
            if (res["details"] is { } details && Canonical(details) != Canonical(r.Details))
                errors.Add($"details: expected {details.ToJsonString()}, got {r.Details?.ToJsonString()}");
        }
        return errors.Count == 0 ? null : string.Join("; ", errors);
    }

    /// <summary>JSON with sorted keys and numbers in one form, so 1 and 1.0 compare equal.</summary>
    public static string Canonical(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject o => "{" + string.Join(",", o.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"\"{kv.Key}\":{Canonical(kv.Value)}")) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Canonical)) + "]",
        JsonValue v when JsonNumber.TryGetDouble(v, out var d) => d.ToString("R", CultureInfo.InvariantCulture),
        _ => node.ToJsonString(),
    };

    /// <summary>A table like GX's pandas frame: column types inferred from the JSON values, plus pk_index.</summary>
    public static void CreateTable(DuckDbSession db, JsonObject data)
    {
        var columns = data.Select(kv => (Name: kv.Key, Values: kv.Value!.AsArray())).ToList();
        var rows = columns.Count == 0 ? 0 : columns.Max(c => c.Values.Count);
        var types = columns.Select(c => Infer(c.Values)).ToList();
        var ddl = "CREATE TABLE t (pk_index BIGINT" + string.Concat(columns.Select((c, i) => $", {SqlText.Identifier(c.Name)} {types[i]}")) + ")";
        db.Execute(ddl);
        if (rows == 0) return;
        var sb = new StringBuilder("INSERT INTO t VALUES ");
        for (var r = 0; r < rows; r++)
        {
            if (r > 0) sb.Append(", ");
            sb.Append('(').Append(r.ToString(CultureInfo.InvariantCulture));
            for (var c = 0; c < columns.Count; c++)
                sb.Append(", ").Append(ValueSql(r < columns[c].Values.Count ? columns[c].Values[r] : null, types[c]));
            sb.Append(')');
        }
        db.Execute(sb.ToString());
    }

    private static string Infer(JsonArray values)
    {
        var kinds = values.Where(v => v is not null).Select(v => v!.GetValueKind() switch
        {
            JsonValueKind.True or JsonValueKind.False => "BOOLEAN",
            JsonValueKind.Number => v!.ToJsonString().IndexOfAny(['.', 'e', 'E']) >= 0 ? "DOUBLE" : "BIGINT",
            _ => "VARCHAR",
        }).Distinct().ToList();
        return kinds switch
        {
            [var only] => only,
            _ when kinds.Count == 2 && kinds.Contains("BIGINT") && kinds.Contains("DOUBLE") => "DOUBLE",
            _ when kinds.Count == 0 => "VARCHAR",
            _ => "VARCHAR",
        };
    }

    private static string ValueSql(JsonNode? value, string type)
    {
        if (value is null) return "NULL";
        if (type == "VARCHAR")
            return SqlText.Literal(value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString());
        return value.ToJsonString() + "::" + type;
    }
}
