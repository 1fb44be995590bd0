using DataQuality.Tests.Shared;

namespace DataQuality.Cli.Tests;

/// <summary>
/// One engine, one truth on the conformance corpus: every datacontract-cli fixture contract whose server is a local
/// Parquet, CSV (or JSON) file gives the same (name, status, observed value) triples through <c>dq validate --format json</c>,
/// the generated theory rows and <c>MatchContract</c>, passing and failing checks alike.
/// </summary>
/// <remarks>
/// Left out, by name, because no front end can run them here (none is a divergence between front ends):
/// <list type="bullet">
/// <item>quality/datacontract.yaml and quality-sql-dialects/*: their servers are postgres, snowflake, kafka, …
/// (dq reads local files and s3); quality-sql-dialects/local.yaml points at ./orders.json, which the corpus does not ship.</item>
/// <item>s3-csv/datacontract.yaml: an s3 server, and the MatchContract side would have to be handed an s3 client.</item>
/// <item>local-delta/datacontract.yaml: a Delta table (format delta), not a Parquet or CSV file.</item>
/// <item>parquet/datacontract_invalid.yaml: its server names data/orders.parquet, which the corpus does not ship
/// (datacontract-cli uses it to test the missing-file error): dq validate stops with DQ2002 (exit 2), so there are no results to compare.</item>
/// <item>changelog/*: pairs of contract versions for <c>dq changelog</c>, without data.</item>
/// <item>contracts-examples (ODCS/DCS examples): their servers are remote (snowflake, s3 buckets, …); no local data.</item>
/// <item>gx/*: GX expectation test cases (inline data per case), not contracts or suite files; run by Core.Tests.</item>
/// </list>
/// </remarks>
public sealed class ConformanceParityTests
{
    /// <summary>(folder under datacontract-cli/tests/fixtures, contract file, server): apart, so the test name shows all three untruncated.</summary>
    public static TheoryData<string, string, string> Contracts() => new()
    {
        { "parquet", "datacontract.yaml", "production" },
        { "parquet", "datacontract_array.yaml", "production" },
        { "parquet", "datacontract_bigint.yaml", "production" },
        { "parquet", "datacontract_binary.yaml", "production" },
        { "parquet", "datacontract_boolean.yaml", "production" },
        { "parquet", "datacontract_date.yaml", "production" },
        { "parquet", "datacontract_decimal.yaml", "production" },
        { "parquet", "datacontract_double.yaml", "production" },
        { "parquet", "datacontract_float.yaml", "production" },
        { "parquet", "datacontract_integer.yaml", "production" },
        { "parquet", "datacontract_invalid_logical_types_example.yaml", "local" },
        { "parquet", "datacontract_map.yaml", "production" },
        { "parquet", "datacontract_number_no_precision.odcs.yaml", "production" },
        { "parquet", "datacontract_string.yaml", "production" },
        { "parquet", "datacontract_struct.yaml", "production" },
        { "parquet", "datacontract_timestamp.yaml", "test" },
        { "parquet", "datacontract_timestamp_ntz.yaml", "test" },
        { "csv/data", "datacontract.yaml", "production" },
        { "diagnostics", "datacontract.yaml", "local" },
        { "junit", "datacontract.yaml", "local" },
        { "quality-local-fallback", "datacontract.yaml", "local" },
        { "row-filter", "datacontract.yaml", "local" },
        { "schema-evolution", "odcs-datacontract-cities-version-1.yaml", "dev-csv" },
        { "schema-evolution", "odcs-datacontract-cities-version-1.yaml", "dev-parquet" },
        { "schema-evolution", "odcs-datacontract-cities-version-2.yaml", "historical-csv" },
        { "schema-evolution", "odcs-datacontract-cities-version-2.yaml", "current-csv" },
        { "schema-evolution", "odcs-datacontract-cities-version-2.yaml", "mixed-schema-csv" },
        { "schema-evolution", "odcs-datacontract-cities-version-2.yaml", "current-csv-invalid" },
        { "schema-evolution", "odcs-datacontract-cities-version-2.yaml", "historical-parquet" },
        { "schema-evolution", "odcs-datacontract-cities-version-2.yaml", "current-parquet" },
        { "schema-evolution", "odcs-datacontract-cities-version-2.yaml", "mixed-schema-parquet" },
        { "schema-evolution", "odcs-datacontract-cities-version-2.yaml", "current-parquet-invalid" },
        { "schema-evolution", "odcs-datacontract-cities-version-2.yaml", "historical-json" },
        { "schema-evolution", "odcs-datacontract-cities-version-2.yaml", "current-json" },
        { "schema-evolution", "odcs-datacontract-cities-version-2.yaml", "mixed-schema-json" },
        { "schema-evolution", "odcs-datacontract-cities-version-3.yaml", "historical-csv" },
        { "schema-evolution", "odcs-datacontract-cities-version-3.yaml", "current-csv" },
        { "schema-evolution", "odcs-datacontract-cities-version-3.yaml", "mixed-schema-csv" },
        { "schema-evolution", "odcs-datacontract-cities-version-3.yaml", "current-csv-invalid" },
        { "schema-evolution", "odcs-datacontract-cities-version-3.yaml", "historical-parquet" },
        { "schema-evolution", "odcs-datacontract-cities-version-3.yaml", "current-parquet" },
        { "schema-evolution", "odcs-datacontract-cities-version-3.yaml", "mixed-schema-parquet" },
        { "schema-evolution", "odcs-datacontract-cities-version-3.yaml", "current-parquet-invalid" },
    };

    [Theory]
    [MemberData(nameof(Contracts))]
    public async Task Rows_MatchContract_and_dq_validate_json_agree(string folder, string contract, string server)
    {
        var fixture = $"{folder}/{contract}";
        var root = Path.Combine(Path.GetTempPath(), "dq-cli-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var file = CopyCorpus(root, fixture);
            var (fromCli, fromRows, fromMatch) = await ParityComparison.Contract(file, server, new Dictionary<string, string>());

            var what = $"{fixture} on {server}";
            fromCli.Should().NotBeEmpty(what);
            fromRows.Should().Equal(fromCli, $"the generated rows of {what} must say what dq validate says");
            fromMatch.Should().Equal(fromCli, $"MatchContract on {what} must say what dq validate says");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>
    /// Copies datacontract-cli's fixtures into a temp repository (a .git folder: local server paths are confined to
    /// the contract's repository) and the contract beside the folder its server paths start from. The fixtures'
    /// paths are relative to datacontract-cli's tests/ (where its tests run), except csv/data's, which is relative
    /// to the project root; neither dq validate nor the generated rows take a base directory, so the contract's
    /// copy sits there instead. The contract's text is not changed.
    /// </summary>
    private static string CopyCorpus(string root, string fixture)
    {
        var tests = Path.Combine(ConformanceData.Directory, "datacontract-cli", "tests");
        Directory.CreateDirectory(Path.Combine(root, ".git"));
        CopyDirectory(Path.Combine(tests, "fixtures"), Path.Combine(root, "tests", "fixtures"));
        var startsFrom = fixture.StartsWith("csv/", StringComparison.Ordinal) ? root : Path.Combine(root, "tests");
        var copy = Path.Combine(startsFrom, fixture.Replace('/', '_'));
        File.Copy(Path.Combine(tests, "fixtures", fixture), copy);
        return copy;
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        Directory.CreateDirectory(to);
        foreach (var f in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(f, Path.Combine(to, Path.GetRelativePath(from, f)));
    }
}
