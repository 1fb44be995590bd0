using System.Globalization;
using DataQuality.Core.Comparison;

namespace DataQuality.Core.Tests.Comparison;

/// <summary>
/// Cases translated from datacompy's own tests (columns_equal: test_infinity_and_beyond,
/// test_decimal_columns_equal_rel, the numeric comparator's NaN, tolerance and int-vs-float cases):
/// column a is base, column b is head, one keyed row per case, and the rows datacompy calls
/// unequal must be exactly dq's changed rows.
/// </summary>
public sealed class DatacompyCasesTests
{
    private const string Part = "silver/t/ds=2026-01-01/part-0.parquet";

    public static TheoryData<string, string, string, double?, double?, string[], string> Cases => new()
    {
        // test_infinity_and_beyond, exact and (numpy.isclose has no tolerance for infinities) with one.
        { "infinity_and_beyond", "DOUBLE", "DOUBLE", null, null, ["inf|inf|T", "-inf|-inf|T", "-inf|inf|F", "inf|-inf|F", "1|1|T", "1|0|F"], "" },
        { "infinity_and_beyond_abs_tol", "DOUBLE", "DOUBLE", 0.001, null, ["inf|inf|T", "-inf|-inf|T", "-inf|inf|F", "inf|-inf|F", "1|1|T", "1|0|F"], "" },
        { "infinity_and_beyond_rel_tol", "DOUBLE", "DOUBLE", null, 0.5, ["inf|inf|T", "-inf|-inf|T", "-inf|inf|F", "inf|-inf|F", "1|1|T", "1|0|F"], "" },
        // test_decimal_columns_equal_rel (its np.nan in an object column is a missing value: NULL here).
        { "decimal_columns_equal_abs_tol", "DECIMAL(18,9)", "DECIMAL(18,9)", 0.001, null,
            ["1|1|T", "1.3|1.3|T", "1.000003|1.000003|T", "1.000000004|1.000000003|T", "1.3|1.2|F", "null|null|T", "null|1|F", "1|null|F"], "" },
        // numeric comparator: NaN handling, approximate match (rtol 1e-3, atol 1e-3), mismatch.
        { "numeric_nan_handling", "DOUBLE", "DOUBLE", null, null, ["1|1|T", "NaN|NaN|T", "3|3|T"], "" },
        { "numeric_nan_against_number_with_tolerance", "DOUBLE", "DOUBLE", 0.001, 0.001, ["NaN|1|F", "1|NaN|F", "NaN|NaN|T"], "" },
        { "numeric_approximate_match", "DOUBLE", "DOUBLE", 0.001, 0.001, ["1|1.001|T", "2|2.002|T", "3|3.003|T"], "" },
        { "numeric_mismatch", "DOUBLE", "DOUBLE", null, null, ["1|1|T", "2|2.5|F", "3|3|T"], "" },
        // numeric comparator type casting: integers against floats of the same value are equal.
        { "numeric_type_casting", "BIGINT", "DOUBLE", null, null, ["1|1|T", "2|2|T", "3|3|T"], "type changed" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Rows_datacompy_calls_unequal_are_the_changed_rows(string name, string baseType, string headType, double? abs, double? rel, string[] rows, string schema)
    {
        var cases = rows.Select((r, i) => (Id: i + 1, Parts: r.Split('|'))).ToList();
        string Select(int side, string type) => string.Join(" UNION ALL ", cases.Select(c =>
            $"SELECT {c.Id}::BIGINT AS id, {(c.Parts[side] == "null" ? "NULL" : $"'{c.Parts[side]}'")}::{type} AS v"));
        using var f = new ComparisonFixture();
        f.Base.Write(Part, Select(0, baseType));
        f.Head.Write(Part, Select(1, headType));
        var options = ComparisonFixture.Keyed("t", "id") with
        {
            SampleSize = 100,
            AbsoluteTolerance = abs is { } a ? new Dictionary<string, double> { ["v"] = a } : new Dictionary<string, double>(),
            RelativeTolerance = rel is { } r ? new Dictionary<string, double> { ["v"] = r } : new Dictionary<string, double>(),
        };

        var e = (await f.CompareAsync(options)).Entities[0];

        var unequal = cases.Where(c => c.Parts[2] == "F").Select(c => c.Id.ToString(CultureInfo.InvariantCulture));
        e.Keyed!.Samples.Changed.Select(s => s.Key).Should().BeEquivalentTo(unequal, name);
        e.SchemaChanges.Any(c => c.Kind == SchemaChangeKind.TypeChanged).Should().Be(schema == "type changed");
    }
}
