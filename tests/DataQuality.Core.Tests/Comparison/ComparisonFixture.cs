using DataQuality.Core.Comparison;
using DataQuality.Core.Tests.TestSupport;

namespace DataQuality.Core.Tests.Comparison;

/// <summary>A base and a head tree in a temp directory, plus a one-call compare.</summary>
public sealed class ComparisonFixture : IDisposable
{
    private readonly TempDirectory _dir = new();

    public ComparisonFixture()
    {
        Base = new ParquetTree(_dir.Combine("base"));
        Head = new ParquetTree(_dir.Combine("head"));
    }

    public ParquetTree Base { get; }

    public ParquetTree Head { get; }

    /// <summary>Ten orders; <c>cat</c> has two values so it gets top values.</summary>
    public const string Orders =
        "SELECT i::BIGINT AS id, 'n' || i AS name, (i * 1.5)::DOUBLE AS amount, CASE WHEN i % 3 = 0 THEN 'a' ELSE 'b' END AS cat FROM range(1, 11) t(i)";

    /// <summary>Orders with: id 2 renamed, id 3 amount +0.001, id 4 amount +5, id 5 name null, id 10 removed, id 11 added.</summary>
    public const string ChangedOrders = """
        SELECT id,
               CASE WHEN id = 2 THEN 'renamed' WHEN id = 5 THEN NULL ELSE name END AS name,
               CASE WHEN id = 3 THEN amount + 0.001 WHEN id = 4 THEN amount + 5 ELSE amount END AS amount,
               cat
        FROM (SELECT i::BIGINT AS id, 'n' || i AS name, (i * 1.5)::DOUBLE AS amount, CASE WHEN i % 3 = 0 THEN 'a' ELSE 'b' END AS cat FROM range(1, 12) t(i))
        WHERE id <> 10
        """;

    public Task<ComparisonReport> CompareAsync(ComparisonOptions? options = null) =>
        new TreeComparer(duckDb: new Core.Datasets.DuckDbOptions { Threads = 1 })
            .CompareAsync(Base.Root, Head.Root, options ?? new ComparisonOptions(), TestContext.Current.CancellationToken);

    public static ComparisonOptions Keyed(string entity, params string[] keys) =>
        new() { Keys = new Dictionary<string, IReadOnlyList<string>> { [entity] = keys } };

    public void Dispose()
    {
        Base.Dispose();
        Head.Dispose();
        _dir.Dispose();
    }
}
