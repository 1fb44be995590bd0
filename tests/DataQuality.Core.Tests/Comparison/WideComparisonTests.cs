using System.Globalization;
using DataQuality.Core.Comparison;

namespace DataQuality.Core.Tests.Comparison;

/// <summary>
/// The column detail of a wide table: RowDiffer writes several aggregates per compared column into one
/// query and reads them back by position, without FILTER clauses (docs/benchmarks.md, "dq compare with
/// wide tables"). Every column's figures are checked, so a shifted position or a rewrite that counts
/// differently (a NaN = NaN pair leaking into the largest difference, say) fails.
/// </summary>
public sealed class WideComparisonTests
{
    private const string Part = "silver/wide/ds=2026-01-01/part-0.parquet";
    private const int Width = 300;
    private const int Rows = 40;

    /// <summary>c % 3: 0 BIGINT, 1 DOUBLE, 2 VARCHAR.</summary>
    private static string Value(int c) => (c % 3) switch
    {
        0 => $"(i * {c + 1})::BIGINT",
        1 => $"(i + {c} / 1000.0)::DOUBLE",
        _ => $"'v' || i || '_{c}'",
    };

    /// <summary>Base overrides: c201 is NULL in base at id 7; c4 has NaN and infinity, equal on both sides.</summary>
    private static readonly Dictionary<int, string> BaseOverrides = new()
    {
        [201] = $"CASE WHEN i = 7 THEN NULL ELSE {Value(201)} END",
        [4] = $"CASE i WHEN 1 THEN 'NaN'::DOUBLE WHEN 2 THEN 'inf'::DOUBLE ELSE {Value(4)} END",
    };

    private static readonly Dictionary<int, string> HeadOverrides = new()
    {
        [0] = $"CASE WHEN i <= 1 THEN {Value(0)} + 1 ELSE {Value(0)} END",
        [42] = $"CASE WHEN i <= 2 THEN {Value(42)} + 5 ELSE {Value(42)} END",
        [150] = $"CASE WHEN i <= 3 THEN {Value(150)} - 2 ELSE {Value(150)} END",
        [299] = $"CASE WHEN i <= 4 THEN {Value(299)} || 'x' ELSE {Value(299)} END",
        [100] = $"CASE WHEN i IN (5, 6) THEN NULL ELSE {Value(100)} END",
        [201] = Value(201),
        [4] = $"CASE i WHEN 1 THEN 'NaN'::DOUBLE WHEN 2 THEN 'inf'::DOUBLE WHEN 3 THEN {Value(4)} + 2.5 ELSE {Value(4)} END",
        [13] = $"CASE WHEN i IN (8, 9) THEN {Value(13)} + 0.05 ELSE {Value(13)} END",
        [16] = $"CASE WHEN i = 10 THEN 'NaN'::DOUBLE ELSE {Value(16)} END",
        [298] = $"CASE i WHEN 11 THEN {Value(298)} - 7 WHEN 12 THEN {Value(298)} + 3 ELSE {Value(298)} END",
    };

    /// <summary>Column: unequal, null only in base, null only in head, within tolerance, largest difference.</summary>
    private static readonly Dictionary<string, (long Unequal, long NullBase, long NullHead, long Within, double? Max)> Expected = new()
    {
        ["c0"] = (1, 0, 0, 0, 1),
        ["c42"] = (2, 0, 0, 0, 5),
        ["c150"] = (3, 0, 0, 0, 2),
        ["c299"] = (4, 0, 0, 0, null),
        ["c100"] = (2, 0, 2, 0, 0),
        ["c201"] = (1, 1, 0, 0, 0),
        ["c4"] = (1, 0, 0, 0, 2.5),
        ["c13"] = (0, 0, 0, 2, 0.05),
        ["c16"] = (1, 0, 0, 0, double.NaN),
        ["c298"] = (2, 0, 0, 0, 7),
    };

    private static string Select(Dictionary<int, string> overrides) =>
        $"SELECT i::BIGINT AS id, {string.Join(", ", Enumerable.Range(0, Width).Select(c => $"{overrides.GetValueOrDefault(c, Value(c))} AS c{c}"))} FROM range(1, {Rows + 1}) t(i)";

    [Fact]
    public async Task Every_column_of_a_wide_table_gets_its_own_counts_and_largest_difference()
    {
        using var f = new ComparisonFixture();
        f.Base.Write(Part, Select(BaseOverrides));
        f.Head.Write(Part, Select(HeadOverrides));
        var options = ComparisonFixture.Keyed("wide", "id") with { AbsoluteTolerance = new Dictionary<string, double> { ["c13"] = 0.1 } };

        var k = (await f.CompareAsync(options)).Entities[0].Keyed!;

        (k.Changed, k.IdenticalWithinTolerance, k.Identical, k.Added, k.Removed).Should().Be((10L, 2L, 30L, 0L, 0L));
        k.Columns.Where(c => c.Column != "ds").Should().HaveCount(Width);
        foreach (var c in k.Columns.Where(c => c.Column != "ds"))
        {
            var numeric = int.Parse(c.Column.AsSpan(1), CultureInfo.InvariantCulture) % 3 != 2;
            var (unequal, nullBase, nullHead, within, max) = Expected.GetValueOrDefault(c.Column, (0, 0, 0, 0, numeric ? 0 : null));
            (c.Unequal, c.NullOnlyInBase, c.NullOnlyInHead, c.WithinTolerance).Should().Be((unequal, nullBase, nullHead, within), c.Column);
            if (max is { } m && !double.IsNaN(m))
                c.MaxAbsoluteDifference.Should().BeApproximately(m, 1e-9, c.Column);
            else if (max is null)
                c.MaxAbsoluteDifference.Should().BeNull(c.Column);
            else
                c.MaxAbsoluteDifference.Should().Be(double.NaN, c.Column);
        }
        k.Columns.Take(4).Select(c => c.Column).Should().Equal("c299", "c150", "c100", "c298");
    }
}
