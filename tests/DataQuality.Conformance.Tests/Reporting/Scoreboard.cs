using System.Globalization;
using System.Text;
using DataQuality.Conformance.Tests.Fixtures;
using DataQuality.Conformance.Tests.Running;

namespace DataQuality.Conformance.Tests.Reporting;

/// <summary>
/// Renders docs/conformance.md from a run: deterministic (no dates, no timings, stable order), so
/// the file only changes when a result changes.
/// </summary>
public static class Scoreboard
{
    public const double NeutralTarget = 0.98;

    /// <summary>Backend-neutral cases of expectations we implement (i.e. excluding "not supported").</summary>
    public static (int Passed, int Total) NeutralImplemented(ConformanceRun run) =>
        (run.Count(CaseScope.Neutral, Verdict.Passed), run.Count(CaseScope.Neutral, Verdict.Passed) + run.Count(CaseScope.Neutral, Verdict.Failed));

    public static string Render(ConformanceRun run)
    {
        var o = run.Outcomes;
        var sb = new StringBuilder();
        var (np, nt) = NeutralImplemented(run);
        var neutralAll = o.Count(x => x.Case.Scope == CaseScope.Neutral);
        sb.AppendLine("# GX conformance scoreboard");
        sb.AppendLine();
        sb.AppendLine("Written by `tests/DataQuality.Conformance.Tests` on every run (do not edit by hand). Every case of the");
        sb.AppendLine($"Great Expectations 1.2.0 fixtures (`tests/conformance/gx`, {o.Select(x => x.Case.File).Distinct().Count()} files, {o.Count} cases) is run through");
        sb.AppendLine("`SuiteRunner` on an in-memory DuckDB table and compared with the fixture's `out` as GX's `check_json_test_result` does.");
        sb.AppendLine();
        sb.AppendLine("## Totals");
        sb.AppendLine();
        sb.AppendLine("| cases | passed | failed | not supported | total |");
        sb.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var (label, scope) in new[] { ("backend-neutral", CaseScope.Neutral), ("SQL-tagged (sqlalchemy / sqlite / postgresql)", CaseScope.SqlTagged) })
            sb.AppendLine(Inv($"| {label} | {run.Count(scope, Verdict.Passed)} | {run.Count(scope, Verdict.Failed)} | {run.Count(scope, Verdict.NotSupported)} | {o.Count(x => x.Case.Scope == scope)} |"));
        sb.AppendLine(Inv($"| other backends only (pandas, spark, other dialects; not run) | – | – | – | {o.Count(x => x.Case.Scope == CaseScope.OtherBackends)} |"));
        sb.AppendLine();
        sb.AppendLine(Inv($"**Backend-neutral cases of the implemented expectations: {np} / {nt} passed ({Percent(np, nt)}); target ≥ {NeutralTarget * 100:F0}%.**"));
        sb.AppendLine(Inv($"All backend-neutral cases, counting not-supported expectations as misses: {np} / {neutralAll} ({Percent(np, neutralAll)})."));
        sb.AppendLine();
        sb.AppendLine("## How cases are counted");
        sb.AppendLine();
        sb.AppendLine("- **backend-neutral**: neither the dataset nor the case has `only_for` / `suppress_test_for`; every GX backend passes these.");
        sb.AppendLine("- **SQL-tagged**: tagged, but GX's runner would run it on postgresql or sqlite (an `only_for` naming `sqlalchemy`, `postgresql`");
        sb.AppendLine("  or `sqlite`, or a `suppress_test_for` that spares one of them). DuckDB is a SQL engine, so we claim equivalence with");
        sb.AppendLine("  those two dialects; the table takes that dialect's `schemas` hint (postgresql preferred).");
        sb.AppendLine("- **other backends only**: cases GX runs only on pandas, spark or other dialects (mysql, mssql, snowflake, bigquery,");
        sb.AppendLine("  trino, redshift): type names and regex/LIKE dialects that do not apply to DuckDB. Listed, not run.");
        sb.AppendLine("- **not supported**: the expectation type is not in our catalog yet, or is Cramér's phi (the one distributional");
        sb.AppendLine("  expectation not implemented). KL divergence, chi-square and both KS expectations run; `observed_partition` /");
        sb.AppendLine("  `expected_partition` compare with np.allclose and `observed_cdf_x_*` as GX's checker does.");
        sb.AppendLine("- Tables: the dataset's `data` with types from the `schemas` hint when DuckDB has one, else inferred (ints → BIGINT,");
        sb.AppendLine("  any float → DOUBLE, strings or mixed → VARCHAR, bools → BOOLEAN, all-null → INTEGER); map, pair and multicolumn");
        sb.AppendLine("  categories get a 0-based `pk_index` and result_format COMPLETE with `unexpected_index_column_names: [pk_index]`");
        sb.AppendLine("  (a case's own `result_format` replaces it, as in GX).");
        sb.AppendLine("- Comparison: `success` always; `observed_value` (np.allclose with the case's `tolerance`, or GX's RTOL 1e-7 /");
        sb.AppendLine("  ATOL 5e-2 when the value is a float), `unexpected_list` / `partial_unexpected_list` order-insensitive,");
        sb.AppendLine("  `unexpected_index_list` sorted by pk_index, `details`; `exact_match_out` compares every key of `out.result`.");
        sb.AppendLine("  Numbers compare by value (1 == 1.0, relative 1e-9); timestamp strings by instant (sqlite renders a space for the `T`).");
        sb.AppendLine("  An expected traceback (`traceback_substring`, test-level `error`) must be an error result, never a pass;");
        sb.AppendLine("  an error result where GX expects a value is a miss.");
        sb.AppendLine();
        sb.AppendLine("## Per expectation type");
        sb.AppendLine();
        sb.AppendLine("| expectation | neutral passed | neutral failed | neutral n/s | tagged passed | tagged failed | tagged n/s | other backends |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var g in o.GroupBy(x => x.Case.ExpectationType).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            int C(CaseScope s, Verdict v) => g.Count(x => x.Case.Scope == s && x.Verdict == v);
            sb.AppendLine(Inv($"| `{g.Key}` | {C(CaseScope.Neutral, Verdict.Passed)} | {C(CaseScope.Neutral, Verdict.Failed)} | {C(CaseScope.Neutral, Verdict.NotSupported)} | {C(CaseScope.SqlTagged, Verdict.Passed)} | {C(CaseScope.SqlTagged, Verdict.Failed)} | {C(CaseScope.SqlTagged, Verdict.NotSupported)} | {g.Count(x => x.Case.Scope == CaseScope.OtherBackends)} |"));
        }
        sb.AppendLine();
        sb.AppendLine("## Remaining misses");
        sb.AppendLine();
        var misses = o.Where(x => x.Verdict == Verdict.Failed).ToList();
        if (misses.Count == 0) sb.AppendLine("None.");
        foreach (var g in misses.GroupBy(x => x.Case.ExpectationType).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            sb.AppendLine($"### `{g.Key}`");
            sb.AppendLine();
            foreach (var m in g.OrderBy(x => x.Case.Scope).ThenBy(x => x.Case.Id, StringComparer.Ordinal))
            {
                var why = KnownMisses.Explain(m.Case.ExpectationType, m.Case.Title);
                sb.AppendLine($"- {(m.Case.Scope == CaseScope.Neutral ? "neutral" : "tagged")} · {Escape(m.Case.DatasetName)} · {Escape(m.Case.Title)}: {Escape(m.Reason ?? "")}{(why is null ? "" : " — why: " + why)}");
            }
            sb.AppendLine();
        }
        sb.AppendLine("## Not supported");
        sb.AppendLine();
        var unsupported = o.Where(x => x.Verdict == Verdict.NotSupported).GroupBy(x => (x.Case.ExpectationType, x.Reason)).OrderBy(g => g.Key.ExpectationType, StringComparer.Ordinal).ToList();
        if (unsupported.Count == 0) sb.AppendLine("None.");
        foreach (var g in unsupported)
            sb.AppendLine(Inv($"- `{g.Key.ExpectationType}`: {g.Count()} cases ({g.Count(x => x.Case.Scope == CaseScope.Neutral)} neutral) — {g.Key.Reason}"));
        return sb.ToString().ReplaceLineEndings("\n");
    }

    private static string Percent(int part, int whole) => whole == 0 ? "n/a" : Inv($"{100.0 * part / whole:F1}%");

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Replace("`", "'", StringComparison.Ordinal);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
