using DataQuality.Fuzz.Tests.TestSupport;
using DataQuality.Tests.Shared;

namespace DataQuality.Fuzz.Tests.Corpus;

/// <summary>
/// Every file of tests/conformance/parquet-testing (data/ and bad_data/, encrypted ones included) through
/// <c>dq validate</c> with a row-count suite and <c>dq profile</c>; <c>dq compare</c> for a seeded sample of ten.
/// A bad_data file must be exit 2 (a typed error), except ARROW-GH-43605, which issue 12 item 9 records as
/// valid per the parquet-testing README.
/// </summary>
public static class ParquetCorpus
{
    private const string ValidBadDataFile = "ARROW-GH-43605.parquet";

    private const string RowCountSuite = """
        suite: rows
        expectations:
          - expect_table_row_count_to_be_between: { min_value: 0 }

        """;

    public static IReadOnlyList<string> Files { get; } = FindFiles();

    public static IEnumerable<FuzzCase> Cases()
    {
        foreach (var relative in Files)
        {
            var source = Path.Combine(ConformanceData.Require("parquet-testing"), relative);
            var data = "data/" + Path.GetFileName(relative);
            var isBad = relative.StartsWith("bad_data/", StringComparison.Ordinal);
            int[]? expected = isBad && Path.GetFileName(relative) != ValidBadDataFile ? [2] : null;
            void Setup(FuzzWorkspace w)
            {
                w.Copy(source, data);
                w.Write("rows.yaml", RowCountSuite);
            }
            yield return new FuzzCase($"parquet/{relative}/validate", Setup, ["validate", "--suite", "rows.yaml", "--data", data], expected);
            yield return new FuzzCase($"parquet/{relative}/profile", Setup, ["profile", data, "--output", "out/profile.txt"], expected);
        }

        // compare: a seeded sample of readable files, half against themselves, half against another file.
        var readable = Files.Where(f => f.StartsWith("data/", StringComparison.Ordinal) && f.EndsWith(".parquet", StringComparison.Ordinal)).ToArray();
        var random = FuzzSeed.For("parquet/compare");
        var sample = readable.OrderBy(_ => random.Next()).Take(10).ToArray();
        for (var i = 0; i < sample.Length; i++)
        {
            var baseFile = Path.Combine(ConformanceData.Require("parquet-testing"), sample[i]);
            var headFile = Path.Combine(ConformanceData.Require("parquet-testing"), i % 2 == 0 ? sample[i] : sample[(i + 1) % sample.Length]);
            void Setup(FuzzWorkspace w)
            {
                w.Copy(baseFile, "base/silver/t/ds=1/f.parquet");
                w.Copy(headFile, "head/silver/t/ds=1/f.parquet");
            }
            var name = i % 2 == 0 ? sample[i] : $"{sample[i]}-vs-{Path.GetFileName(sample[(i + 1) % sample.Length])}";
            yield return new FuzzCase($"parquet/compare/{name}", Setup, ["compare", "--base", "base", "--head", "head", "--output", "out/compare.md"]);
        }
    }

    private static List<string> FindFiles()
    {
        var root = ConformanceData.Require("parquet-testing");
        return Directory.EnumerateFiles(root, "*.parquet*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
