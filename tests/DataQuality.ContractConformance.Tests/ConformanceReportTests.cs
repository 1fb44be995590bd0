using System.Globalization;
using System.Text;
using DataQuality.Core.Checks;
using DataQuality.Core.Contracts.Diff;
using DataQuality.Core.Contracts.Lint;
using DataQuality.Core.Contracts.Reading;
using DataQuality.Core.Contracts.Running;
using DataQuality.Core.Datasets;

namespace DataQuality.ContractConformance.Tests;

/// <summary>
/// Re-runs every data-contract fixture group, writes the <c>## Data contracts</c> section of
/// docs/conformance.md (replacing only that section) and requires every group to be fully green.
/// </summary>
public sealed class ConformanceReportTests
{
    private static readonly string[] PerType =
    [
        "datacontract_array.yaml", "datacontract_bigint.yaml", "datacontract_binary.yaml", "datacontract_boolean.yaml", "datacontract_date.yaml",
        "datacontract_decimal.yaml", "datacontract_double.yaml", "datacontract_float.yaml", "datacontract_integer.yaml", "datacontract_map.yaml",
        "datacontract_string.yaml", "datacontract_struct.yaml", "datacontract_timestamp.yaml", "datacontract_timestamp_ntz.yaml",
        "datacontract_number_no_precision.odcs.yaml",
    ];

    private static readonly (int Version, string Server, bool Passes, string? OnlyFailure)[] Evolution =
    [
        (1, "dev-csv", true, null), (1, "dev-parquet", true, null),
        (2, "historical-csv", false, "cities__population__field_is_present"), (2, "historical-parquet", false, "cities__population__field_is_present"),
        (2, "historical-json", false, "cities__population__field_is_present"),
        (2, "current-csv", true, null), (2, "current-parquet", true, null), (2, "current-json", true, null),
        (2, "mixed-schema-csv", true, null), (2, "mixed-schema-parquet", true, null), (2, "mixed-schema-json", true, null),
        (2, "current-csv-invalid", false, null), (2, "current-parquet-invalid", false, null),
        (3, "historical-csv", false, null), (3, "historical-parquet", false, null),
    ];

    private static Task<ContractRunResult> Run(string contract, string? server = null) =>
        ContractRunner.ValidateAsync(contract, new ContractRunOptions { BaseDirectory = Fixtures.CliTests, Server = server }, DatasetResolver.LocalOnly, TestContext.Current.CancellationToken);

    private static IEnumerable<ExpectationResult> Results(ContractRunResult r) => r.Models.SelectMany(m => m.Report!.Results);

    [Fact]
    public async Task Every_fixture_group_conforms_and_the_section_is_written()
    {
        var rows = new List<(string Group, int Ok, int Total, string Note)>();

        var combined = Results(await Run(Fixtures.CliFixture("parquet", "datacontract.yaml"))).ToList();
        rows.Add(("parquet/combined.parquet (DCS, 13 types)", combined.Count == 24 && combined.All(r => r.Status == CheckStatus.Passed) ? 1 : 0, 1,
            $"{combined.Count} checks, {combined.Count(r => r.Status == CheckStatus.Passed)} passed (CLI: exactly 24, all passed)"));

        var typeOk = 0;
        foreach (var c in PerType)
            if ((await Run(Fixtures.CliFixture("parquet", c))).ExitCode() == 0) typeOk++;
        rows.Add(("parquet per-type fixtures", typeOk, PerType.Length, "each passes"));

        var diag = Results(await Run(Fixtures.CliFixture("diagnostics", "datacontract.yaml"))).ToDictionary(r => r.Expectation.Meta!["contract_key"]!.ToString());
        var expected = new (string Key, CheckStatus Status, CheckDiagnostics? Diagnostics)[]
        {
            ("orders__email__field_max_length", CheckStatus.Failed, new CheckDiagnostics("invalid_count", 1, 5, 0.2)),
            ("orders__email__field_regex", CheckStatus.Failed, new CheckDiagnostics("invalid_count", 1, 5, 0.2)),
            ("orders__amount__field_minimum", CheckStatus.Failed, new CheckDiagnostics("invalid_count", 1, 5, 0.2)),
            ("orders__order_id__field_unique", CheckStatus.Failed, new CheckDiagnostics("duplicate_count", 1, 5, 0.2)),
            ("orders__email__field_required", CheckStatus.Passed, new CheckDiagnostics("missing_count", 0, 5, 0)),
        };
        var diagOk = expected.Count(e => diag.TryGetValue(e.Key, out var r) && r.Status == e.Status && CheckDiagnostics.From(r) == e.Diagnostics);
        rows.Add(("diagnostics/ (5-row CSV)", diagOk, expected.Length, "status, count, row_count and failed_fraction of each listed check"));

        var evoOk = 0;
        foreach (var (version, server, passes, only) in Evolution)
        {
            var r = await Run(Fixtures.CliFixture("schema-evolution", $"odcs-datacontract-cities-version-{version}.yaml"), server);
            var failed = Results(r).Where(x => x.Status == CheckStatus.Failed).Select(x => x.Expectation.Meta!["contract_key"]!.ToString()).ToList();
            var notEvaluable = Results(r).Where(x => x.Status == CheckStatus.Error).All(x => x.Exception!.Code == "DQ4201");
            if ((r.ExitCode() == 0) == passes && notEvaluable && (only is null || failed.SequenceEqual([only]))) evoOk++;
        }
        rows.Add(("schema-evolution/ (server per scenario)", evoOk, Evolution.Length, "outcome per server; historical data fails only on the presence of population, its other checks not evaluable (column missing)"));

        var examples = Directory.EnumerateFiles(Fixtures.Examples, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var exOk = 0;
        var warnings = 0;
        foreach (var e in examples)
        {
            ContractLoader.Load(e);
            var lint = ContractLinter.LintFile(e);
            if (lint.All(d => d.Severity == LintSeverity.Warning)) exOk++;
            warnings += lint.Count;
        }
        rows.Add(("contracts-examples/ (4 DCS, 7 ODCS)", exOk, examples.Count, $"parse, lint without errors ({warnings} warnings in total)"));

        var diff = ContractDiff.Compare(
            ContractLoader.LoadDocument(Fixtures.CliFixture("changelog", "integration", "changelog_integration_v1.yaml")),
            ContractLoader.LoadDocument(Fixtures.CliFixture("changelog", "integration", "changelog_integration_v2.yaml")));
        var counts = (diff.Count(ChangeKind.Added), diff.Count(ChangeKind.Updated), diff.Count(ChangeKind.Removed));
        rows.Add(("changelog/ integration pair", counts == (2, 5, 1) ? 1 : 0, 1,
            $"{counts.Item1} Added, {counts.Item2} Updated, {counts.Item3} Removed (golden: 2, 5, 1); {diff.Changes.Count} detail rows"));

        WriteSection(rows);
        rows.Should().OnlyContain(r => r.Ok == r.Total, string.Join("\n", rows));
    }

    private static void WriteSection(List<(string Group, int Ok, int Total, string Note)> rows)
    {
        var sb = new StringBuilder();
        sb.AppendLine("## Data contracts").AppendLine();
        sb.AppendLine("Written by `tests/DataQuality.ContractConformance.Tests` (`ConformanceReportTests`); do not edit by hand. The");
        sb.AppendLine("datacontract-cli fixtures that need no Postgres (`tests/conformance/datacontract-cli`, upstream @ f8059d9e) and the");
        sb.AppendLine("ODCS/DCS example contracts (`tests/conformance/contracts-examples`), run through `ContractRunner` / `ContractLinter` /");
        sb.AppendLine("`ContractDiff`. Expected outcomes are the upstream tests' assertions.").AppendLine();
        sb.AppendLine("| fixture group | conforming | total | what is compared |").AppendLine("|---|---:|---:|---|");
        foreach (var (group, ok, total, note) in rows)
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {group} | {ok} | {total} | {note} |");
        sb.AppendLine().AppendLine("Not run: `quality/` (needs Postgres), `s3-csv/` (MinIO), `local-delta/` (Delta Lake is not read), `row-filter/`");
        sb.AppendLine("(`--filter` is not implemented), `quality-sql-dialects/` (other engines' SQL dialects).");

        var path = Path.Combine(Fixtures.RepoRoot, "docs", "conformance.md");
        var existing = File.Exists(path) ? File.ReadAllText(path) : "";
        var start = existing.IndexOf("## Data contracts", StringComparison.Ordinal);
        var before = start < 0 ? existing : existing[..start];
        if (start >= 0)
        {
            // Keep any section another writer placed after ours.
            var next = existing.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
            if (next >= 0) sb.AppendLine().Append(existing[(next + 1)..]);
        }
        var text = (before.Length == 0 ? "" : before.TrimEnd() + "\n\n") + sb.ToString().TrimEnd() + "\n";
        File.WriteAllText(path, text);
    }
}
