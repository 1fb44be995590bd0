using DataQuality.Core.Diagnostics;
using DataQuality.Core.Files;

namespace DataQuality.Core.Datasets;

/// <summary>
/// Turns a <see cref="DatasetRef"/> into local files. Local paths are listed here; remote
/// schemes are handed to a registered <see cref="IRemoteDatasetFetcher"/> (S3 downloads into
/// the local cache), so everything downstream only ever sees local files.
/// </summary>
public sealed class DatasetResolver
{
    private readonly IRemoteDatasetFetcher? _remote;

    public DatasetResolver(IRemoteDatasetFetcher? remote = null) => _remote = remote;

    public static DatasetResolver LocalOnly { get; } = new();

    public async Task<ResolvedDataset> ResolveAsync(DatasetRef dataset, CancellationToken cancellationToken = default)
    {
        if (dataset.IsS3)
        {
            if (_remote is null)
                throw new InputException("DQ2004", $"No S3 storage is configured to read '{dataset.Location}'.", new SourceLocation(dataset.Location));
            var fetched = await _remote.FetchObjectsAsync(dataset, cancellationToken).ConfigureAwait(false);
            return new ResolvedDataset(dataset, fetched.Select(f => f.LocalPath).ToList()) { Locations = fetched.Select(f => f.Location).ToList() };
        }
        return new ResolvedDataset(dataset, ListLocal(dataset));
    }

    /// <summary>Lists local files for a file, directory (recursive, by format extension) or glob; sorted for determinism.</summary>
    public static IReadOnlyList<string> ListLocal(DatasetRef dataset)
    {
        var location = dataset.Location;
        string[] files;
        var status = FileStat.Of(location);
        if (status.Kind == FileKind.Regular)
            files = [Path.GetFullPath(location)];
        else if (status.Kind == FileKind.Directory)
            files = LocalFileTree.List(location, f => MatchesFormat(f, dataset.Format)).ToArray();
        else if (status.Kind != FileKind.Missing)
            throw LocalFileTree.KindError(location, status.Kind, "a data file or folder"); // a FIFO or /dev/zero would block or never end
        else if (dataset.IsGlob)
            files = LocalGlob.Expand(location).ToArray();
        else
            throw new InputException("DQ2002", $"Dataset not found: '{location}' is neither a file, a directory nor a glob.", new SourceLocation(location));

        if (files.Length == 0)
            throw new InputException("DQ2003", $"Dataset '{location}' matches no {dataset.Format} files.", new SourceLocation(location));
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }

    internal static bool MatchesFormat(string file, DatasetFormat format)
    {
        var name = Path.GetFileName(file);
        if (name.StartsWith('.') || name.StartsWith('_')) return false; // _SUCCESS, .crc and friends
        return DatasetRef.InferFormat(file) == format && (format != DatasetFormat.Parquet || name.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".parq", StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>Implemented by remote storage (S3): downloads a dataset's objects and returns local paths.</summary>
public interface IRemoteDatasetFetcher
{
    Task<IReadOnlyList<string>> FetchAsync(DatasetRef dataset, CancellationToken cancellationToken);

    /// <summary>As <see cref="FetchAsync"/>, with each local copy's remote location (for hive partitions).</summary>
    async Task<IReadOnlyList<FetchedFile>> FetchObjectsAsync(DatasetRef dataset, CancellationToken cancellationToken) =>
        (await FetchAsync(dataset, cancellationToken).ConfigureAwait(false)).Select(p => new FetchedFile(p, p)).ToList();
}

/// <summary>A downloaded object: the local copy and the location it came from (<c>s3://bucket/key</c>).</summary>
public sealed record FetchedFile(string LocalPath, string Location);
