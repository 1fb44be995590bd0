namespace DataQuality.Benchmarks;

/// <summary>
/// One benchmark: generates its data (cached under the work directory), runs the contenders
/// and prints figures. Discovered by reflection, so adding one is adding a file.
/// </summary>
public interface IBenchmark
{
    /// <summary>Short name used on the command line, e.g. <c>suite</c>, <c>profile</c>, <c>s3</c>, <c>compare</c>.</summary>
    string Name { get; }

    string Description { get; }

    Task RunAsync(BenchContext context, CancellationToken cancellationToken);
}
