using DataQuality.Core.Datasets;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Progress;

namespace DataQuality.Core.Comparison;

/// <summary>
/// Compares a base output tree (main) with a head tree (feature) entity by entity, as found
/// through the layout pattern. Trees are listed through <see cref="ITreeLister"/>s (local by
/// default; an S3 lister can be added), and data is read by DuckDB from the listed files.
/// </summary>
public sealed class TreeComparer
{
    private readonly IReadOnlyList<ITreeLister> _listers;
    private readonly DuckDbOptions _duckDb;

    public TreeComparer(IEnumerable<ITreeLister>? listers = null, DuckDbOptions? duckDb = null)
    {
        _listers = (listers ?? [LocalTreeLister.Instance]).ToList();
        _duckDb = duckDb ?? DuckDbOptions.FromEnvironment();
    }

    /// <summary>Told after each entity is compared (entities done of all entities in either tree).</summary>
    public IProgress<WorkProgress>? Progress { get; init; }

    public async Task<ComparisonReport> CompareAsync(string baseRoot, string headRoot, ComparisonOptions options, CancellationToken cancellationToken = default)
    {
        var (baseIsFile, headIsFile) = (IsLocalFile(baseRoot), IsLocalFile(headRoot));
        if (baseIsFile != headIsFile)
            throw new InputException("DQ6005", $"--base and --head must both be output trees (folders) or both be data files; '{(baseIsFile ? baseRoot : headRoot)}' is a file and '{(baseIsFile ? headRoot : baseRoot)}' is not.", new SourceLocation(baseIsFile ? headRoot : baseRoot));
        var (baseEntities, baseManifests, baseUnmatched) = baseIsFile
            ? OneFile(baseRoot, Path.GetFileNameWithoutExtension(baseRoot))
            : Classify(await ListAsync(baseRoot, cancellationToken).ConfigureAwait(false), options.Layout);
        var (headEntities, headManifests, headUnmatched) = headIsFile
            ? OneFile(headRoot, Path.GetFileNameWithoutExtension(baseRoot))
            : Classify(await ListAsync(headRoot, cancellationToken).ConfigureAwait(false), options.Layout);
        if (options.Keys.TryGetValue(ComparisonOptions.OnlyEntity, out var onlyKeys))
        {
            if (!baseIsFile)
                throw new InputException("DQ6005", $"--key '{string.Join(",", onlyKeys)}' names no entity; that is for comparing two files. Name the entity: --key entity={string.Join(",", onlyKeys)}.");
            var keys = options.Keys.Where(k => k.Key != ComparisonOptions.OnlyEntity).ToDictionary(k => k.Key, k => k.Value, StringComparer.Ordinal);
            keys[baseEntities.Keys.Single()] = onlyKeys;
            options = options with { Keys = keys };
        }
        if (baseEntities.Count == 0 && headEntities.Count == 0)
            throw new InputException("DQ6003", $"No file under '{baseRoot}' or '{headRoot}' matches the layout '{options.Layout.Pattern}'.", new SourceLocation(baseRoot));
        foreach (var name in options.Keys.Keys)
            if (!baseEntities.Keys.Concat(headEntities.Keys).Any(e => e == name || e.EndsWith("/" + name, StringComparison.Ordinal)))
                throw new InputException("DQ6012", $"--key names entity '{name}', which is in neither tree; entities are: {string.Join(", ", baseEntities.Keys.Union(headEntities.Keys).Order(StringComparer.Ordinal))}.");

        // --threads bounds both DuckDB and the drift's profiler pass; without it both follow DQ_THREADS.
        var duckDb = options.Threads is { } threads ? _duckDb with { Threads = threads } : _duckDb;
        options = options with { Threads = duckDb.Threads };
        using var session = DuckDbSession.Open(duckDb);
        var comparer = new EntityComparer(session, options);
        var entities = new List<EntityComparison>();
        var names = baseEntities.Keys.Union(headEntities.Keys).Order(StringComparer.Ordinal).ToList();
        Progress?.Report(new("comparing entities", 0, names.Count, "entities"));
        foreach (var name in names)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var inBase = baseEntities.TryGetValue(name, out var b);
            var inHead = headEntities.TryGetValue(name, out var h);
            try
            {
                entities.Add(inBase && inHead
                    ? await comparer.CompareAsync(name, b![0].Match.Entity, new EntitySide(b), new EntitySide(h!), cancellationToken).ConfigureAwait(false)
                    : comparer.OneSided(name, new EntitySide(inBase ? b! : h!), inBase ? Presence.Removed : Presence.Added));
            }
            catch (DuckDB.NET.Data.DuckDBException ex)
            {
                throw new InputException("DQ6030", $"Entity '{name}' could not be read: {ReaderErrorText.Of(ex)}", new SourceLocation(name), ex);
            }
            Progress?.Report(new("comparing entities", entities.Count, names.Count, "entities"));
        }

        var manifests = CompareManifests(baseManifests, headManifests);
        var unmatched = baseUnmatched.Select(f => "base:" + f).Concat(headUnmatched.Select(f => "head:" + f)).ToList();
        return new ComparisonReport(baseRoot, headRoot, options.Layout.Pattern, entities, manifests, unmatched, options.Thresholds,
            VerdictEvaluator.Evaluate(entities, options.Thresholds));
    }

    private async Task<IReadOnlyList<TreeFile>> ListAsync(string root, CancellationToken ct)
    {
        Storage.StorageUri.RejectUnsupportedScheme(root);
        var lister = _listers.FirstOrDefault(l => l.CanList(root))
            ?? throw new InputException("DQ6004", $"No storage is configured to list '{root}'.", new SourceLocation(root));
        return await lister.ListAsync(root, ct).ConfigureAwait(false);
    }

    private static bool IsLocalFile(string root) => !root.Contains("://", StringComparison.Ordinal) && File.Exists(root);

    /// <summary>
    /// Two data files compared directly (<c>dq compare --base old.parquet --head new.parquet</c>), as datacompy
    /// compares two frames: one entity, named after the base file, with no layout and no partitions.
    /// </summary>
    private static (SortedDictionary<string, List<EntityFile>>, Dictionary<string, TreeFile>, List<string>) OneFile(string path, string entity)
    {
        var full = Path.GetFullPath(path);
        var file = new TreeFile(Path.GetFileName(full), full, Files.LocalFileTree.Target(full).Length);
        var entities = new SortedDictionary<string, List<EntityFile>>(StringComparer.Ordinal)
        {
            [entity] = [new EntityFile(file, new LayoutMatch(entity, null, entity, null, ""))],
        };
        return (entities, [], []);
    }

    private static (SortedDictionary<string, List<EntityFile>>, Dictionary<string, TreeFile>, List<string>) Classify(IReadOnlyList<TreeFile> files, TreeLayout layout)
    {
        var entities = new SortedDictionary<string, List<EntityFile>>(StringComparer.Ordinal);
        var manifests = new Dictionary<string, TreeFile>(StringComparer.Ordinal);
        var unmatched = new List<string>();
        foreach (var file in files)
        {
            if (Path.GetFileName(file.RelativePath) == ManifestReader.FileName) { manifests[file.RelativePath] = file; continue; }
            var match = layout.Match(file.RelativePath);
            if (match is null) { unmatched.Add(file.RelativePath); continue; }
            if (!entities.TryGetValue(match.EntityName, out var list)) entities[match.EntityName] = list = [];
            list.Add(new EntityFile(file, match));
        }
        return (entities, manifests, unmatched);
    }

    private static List<ManifestComparison> CompareManifests(Dictionary<string, TreeFile> b, Dictionary<string, TreeFile> h)
    {
        var result = new List<ManifestComparison>();
        foreach (var path in b.Keys.Union(h.Keys).Order(StringComparer.Ordinal))
        {
            var bm = b.TryGetValue(path, out var bf) ? ManifestReader.Read(bf.Location, "base:" + path) : null;
            var hm = h.TryGetValue(path, out var hf) ? ManifestReader.Read(hf.Location, "head:" + path) : null;
            var names = (bm?.ModelVersions.Keys ?? []).Union(hm?.ModelVersions.Keys ?? []).Order(StringComparer.Ordinal);
            var changes = names
                .Select(n => new ValueChange(n, bm?.ModelVersions.GetValueOrDefault(n), hm?.ModelVersions.GetValueOrDefault(n)))
                .Where(c => bm is not null && hm is not null && c.Base != c.Head)
                .ToList();
            result.Add(new ManifestComparison(path, bm is null ? Presence.Added : hm is null ? Presence.Removed : Presence.Both,
                hm?.Layer ?? bm?.Layer, hm?.Entity ?? bm?.Entity, bm?.RecordCount, hm?.RecordCount, changes));
        }
        return result;
    }
}
