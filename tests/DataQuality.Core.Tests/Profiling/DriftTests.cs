using DataQuality.Core.Datasets;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Profiling;
using DataQuality.Core.Tests.TestSupport;

namespace DataQuality.Core.Tests.Profiling;

public sealed class DriftTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>x ~ Normal(shift, 1) via Box–Muller on DuckDB's seeded random(); label from a skewed 3-value mix.</summary>
    private async Task<DatasetProfile> ProfileAsync(string name, double shift, double seed, string labels)
    {
        var path = _temp.Combine(name);
        using (var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 }))
        {
            db.Execute($"SELECT setseed({seed.ToString(System.Globalization.CultureInfo.InvariantCulture)})");
            db.Execute($"""
                COPY (SELECT sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()) + {shift.ToString(System.Globalization.CultureInfo.InvariantCulture)} AS x,
                             {labels} AS label
                      FROM range(50000)) TO {SqlText.Literal(path)} (FORMAT parquet)
                """);
        }
        return await ParquetProfiler.ProfileFileAsync(path, cancellationToken: TestContext.Current.CancellationToken);
    }

    private const string Even = "['a','b','c'][1 + (random() * 3)::INT % 3]";
    private const string Skewed = "CASE WHEN random() < 0.8 THEN 'a' WHEN random() < 0.5 THEN 'b' ELSE 'c' END";

    [Fact]
    public async Task Same_distribution_shows_no_drift_and_a_shift_shows_the_expected_ks()
    {
        var reference = await ProfileAsync("ref.parquet", 0, 0.1, Even);
        var same = await ProfileAsync("same.parquet", 0, 0.7, Even);
        var shifted = await ProfileAsync("shifted.parquet", 0.5, 0.3, Skewed);

        Drift.KolmogorovSmirnov(reference.Column("x")!, same.Column("x")!).Should().BeLessThan(0.03);
        Drift.PopulationStabilityIndex(reference.Column("x")!, same.Column("x")!).Should().BeLessThan(0.01);

        // For N(0,1) vs N(0.5,1) the KS distance is 2Φ(0.25) − 1 ≈ 0.197.
        Drift.KolmogorovSmirnov(reference.Column("x")!, shifted.Column("x")!).Should().BeApproximately(0.197, 0.03);
        Drift.PopulationStabilityIndex(reference.Column("x")!, shifted.Column("x")!).Should().BeGreaterThan(0.2);

        Drift.PopulationStabilityIndex(reference.Column("label")!, same.Column("label")!).Should().BeLessThan(0.01);
        Drift.PopulationStabilityIndex(reference.Column("label")!, shifted.Column("label")!).Should().BeGreaterThan(0.25);
    }

    [Fact]
    public async Task Ks_of_a_text_column_is_a_typed_error()
    {
        var reference = await ProfileAsync("ref.parquet", 0, 0.1, Even);
        var act = () => Drift.KolmogorovSmirnov(reference.Column("label")!, reference.Column("label")!);
        act.Should().Throw<InputException>().Which.Code.Should().Be(ProfileErrors.IncomparableColumns);
    }
}
