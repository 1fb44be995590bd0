using DataQuality.Core.Checks;
using DataQuality.Core.Datasets;
using DataQuality.Core.Expectations;

namespace DataQuality.Xunit;

/// <summary>
/// A dataset for hand-written tests: <c>Dataset.Load("out/silver/orders")</c> (file, directory,
/// glob, hive tree or s3://). Assertions on it run through the same engine and single-scan
/// planner as generated rows.
/// </summary>
public sealed class Dataset
{
    private readonly DatasetResolver? _resolver;

    private Dataset(DatasetRef reference, DatasetResolver? resolver = null)
    {
        Ref = reference;
        _resolver = resolver;
    }

    public DatasetRef Ref { get; }

    /// <summary>How the dataset's location is resolved (local files, or S3 through the given client).</summary>
    internal DatasetResolver Resolver => _resolver ?? DataQualityResolver.Shared;

    public string Location => Ref.Location;

    /// <summary>Columns that key failing rows in messages (GX <c>unexpected_index_column_names</c>).</summary>
    public IReadOnlyList<string> PrimaryKey { get; private init; } = [];

    /// <summary>Relative paths resolve against the current directory (the test binaries' folder under <c>dotnet test</c>).</summary>
    public static Dataset Load(string location, DatasetFormat? format = null) => Load(location, null, format);

    /// <summary>With an explicit resolver, e.g. an S3 fetcher for another endpoint; default <see cref="DataQualityResolver.Shared"/> (s3:// from the environment).</summary>
    public static Dataset Load(string location, DatasetResolver? resolver, DatasetFormat? format = null) =>
        new(DatasetRef.Parse(DataPaths.IsUri(location) ? location : Path.GetFullPath(location), format), resolver);

    public Dataset WithPrimaryKey(params string[] columns) => new(Ref, _resolver) { PrimaryKey = columns };

    public DatasetColumn Column(string name) => new(this, name);

    /// <summary>Runs a suite against this dataset (one scan). Public so tests can inspect results beyond pass/fail.</summary>
    public ValidationReport Validate(ExpectationSuite suite, CancellationToken cancellationToken = default)
    {
        var format = ResultFormat.Default with { UnexpectedIndexColumnNames = suite.PrimaryKey.Count > 0 ? suite.PrimaryKey : PrimaryKey };
        // FluentAssertions assertions are synchronous; resolving a local dataset does not block on I/O beyond listing files.
        return new DatasetValidator(_resolver ?? DataQualityResolver.Shared).ValidateAsync(suite, Ref, format, cancellationToken).GetAwaiter().GetResult();
    }

    /// <summary>The DuckDB relation (read_parquet/read_csv/...) over the dataset's files, for checks that embed it in SQL.</summary>
    public string ResolveRelationSql(CancellationToken cancellationToken = default) =>
        (_resolver ?? DataQualityResolver.Shared).ResolveAsync(Ref, cancellationToken).GetAwaiter().GetResult().ToRelationSql();

    public override string ToString() => Location;
}

/// <summary>One column of a <see cref="Dataset"/>, for <c>orders.Column("amount").Should().BeBetween(0, 10_000)</c>.</summary>
public sealed record DatasetColumn(Dataset Dataset, string Name)
{
    public override string ToString() => $"{Dataset.Location} · {Name}";
}
