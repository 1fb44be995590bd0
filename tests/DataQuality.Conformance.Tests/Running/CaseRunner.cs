using System.Text.Json;
using System.Text.Json.Nodes;
using DataQuality.Conformance.Tests.Fixtures;
using DataQuality.Core.Checks;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Datasets;
using DataQuality.Core.Expectations;

namespace DataQuality.Conformance.Tests.Running;

/// <summary>
/// Runs fixture cases through the real engine the way GX's runner does: the dataset as a table
/// (with pk_index for map categories), the case's <c>in</c> as kwargs, result_format COMPLETE with
/// unexpected_index_column_names [pk_index] unless the case sets its own, then compares with <c>out</c>.
/// </summary>
public static class CaseRunner
{
    /// <summary>Distributional expectations we do not implement; they are "not supported" even if a name exists.</summary>
    public static readonly IReadOnlySet<string> Distributional = new HashSet<string>(StringComparer.Ordinal)
    {
        "expect_column_pair_cramers_phi_value_to_be_less_than",
    };

    // Runner-level kwargs of GX that are not expectation arguments.
    private static readonly string[] RunnerKwargs = ["result_format", "catch_exceptions", "include_config"];

    public static IReadOnlyList<CaseOutcome> RunAll(IReadOnlyList<GxCase> cases)
    {
        var outcomes = new List<CaseOutcome>(cases.Count);
        // One DuckDB per dataset: its tables are built once and shared by the dataset's cases.
        foreach (var group in cases.GroupBy(c => (c.File, c.DatasetName, c.Tables)))
        {
            using var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });
            var built = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var gxCase in group)
                outcomes.Add(Run(gxCase, db, built));
        }
        return outcomes;
    }

    public static CaseOutcome Run(GxCase gxCase, DuckDbSession db, Dictionary<string, string?> built)
    {
        if (gxCase.Scope == CaseScope.OtherBackends)
            return new CaseOutcome(gxCase, Verdict.OtherBackend, "tagged for other backends only");
        if (Distributional.Contains(gxCase.ExpectationType))
            return new CaseOutcome(gxCase, Verdict.NotSupported, "distributional, not implemented (Cramér's phi)");
        if (!ExpectationCatalog.TryGet(gxCase.ExpectationType, out _))
            return new CaseOutcome(gxCase, Verdict.NotSupported, "expectation type not in the catalog");
        if (gxCase.In is not JsonObject input)
            return new CaseOutcome(gxCase, Verdict.Failed, "positional arguments ('in' is a list) are not supported");

        var table = gxCase.Backend + "_" + gxCase.Tables[0].Name;
        if (!built.TryGetValue(gxCase.Backend, out var loadError))
        {
            loadError = null;
            try
            {
                foreach (var (t, i) in gxCase.Tables.Select((t, i) => (t, i)))
                    FixtureTable.Create(db, i == 0 ? table : t.Name, t, gxCase.Backend, gxCase.PkColumn && i == 0);
            }
            catch (System.Data.Common.DbException ex)
            {
                loadError = "dataset could not be loaded: " + ex.Message.Split('\n')[0];
            }
            built[gxCase.Backend] = loadError;
        }
        if (loadError is not null) return new CaseOutcome(gxCase, Verdict.Failed, loadError);

        var kwargs = (JsonObject)input.DeepClone();
        foreach (var k in RunnerKwargs) kwargs.Remove(k);
        ResultFormat format;
        try
        {
            format = input.TryGetPropertyValue("result_format", out var rf) && rf is not null
                ? ParseResultFormat(rf)
                : new ResultFormat { Level = ResultFormatLevel.Complete, UnexpectedIndexColumnNames = gxCase.PkColumn ? [FixtureTable.PkColumn] : [] };
        }
        catch (ArgumentException ex)
        {
            return new CaseOutcome(gxCase, Verdict.Failed, ex.Message);
        }

        var suite = new ExpectationSuite(gxCase.Id, [new ExpectationConfig(gxCase.ExpectationType, kwargs)]);
        var source = new DataSource(gxCase.Tables[0].Name, Core.Datasets.SqlText.Identifier(table), gxCase.PkColumn ? Core.Datasets.SqlText.Identifier(FixtureTable.PkColumn) : null);
        ExpectationResult result;
        try
        {
            result = new SuiteRunner(db).Run(suite, source, format).Results[0];
        }
        catch (Exception ex)
        {
            // The engine promises an error result, never a crash: a throw is a miss whatever was expected.
            return new CaseOutcome(gxCase, Verdict.Failed, $"engine threw {ex.GetType().Name}: {ex.Message.Split('\n')[0]}");
        }

        var mismatch = ResultComparer.Compare(gxCase, result, format.UnexpectedIndexColumnNames.Contains(FixtureTable.PkColumn));
        return new CaseOutcome(gxCase, mismatch is null ? Verdict.Passed : Verdict.Failed, mismatch);
    }

    /// <summary>GX result_format: a level name, or a dict with result_format / partial_unexpected_count / unexpected_index_column_names.</summary>
    public static ResultFormat ParseResultFormat(JsonNode node)
    {
        static ResultFormatLevel Level(string s) => s.ToUpperInvariant() switch
        {
            "BOOLEAN_ONLY" => ResultFormatLevel.BooleanOnly,
            "BASIC" => ResultFormatLevel.Basic,
            "SUMMARY" => ResultFormatLevel.Summary,
            "COMPLETE" => ResultFormatLevel.Complete,
            _ => throw new ArgumentException($"unknown result_format '{s}'"),
        };
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String) return new ResultFormat { Level = Level(v.GetValue<string>()) };
        if (node is not JsonObject o) throw new ArgumentException($"result_format must be a string or an object, got {node.ToJsonString()}");
        var format = new ResultFormat { Level = o["result_format"] is JsonValue l ? Level(l.GetValue<string>()) : ResultFormatLevel.Summary };
        if (o["partial_unexpected_count"] is JsonValue p) format = format with { PartialUnexpectedCount = p.GetValue<int>() };
        if (o["unexpected_index_column_names"] is JsonArray names) format = format with { UnexpectedIndexColumnNames = names.Select(n => n!.GetValue<string>()).ToList() };
        return format;
    }
}
