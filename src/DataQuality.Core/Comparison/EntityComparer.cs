using DataQuality.Core.Datasets;
using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Comparison;

/// <summary>
/// Compares one entity present on both sides: fast path over identical partitions, schema,
/// row counts, then the keyed (or keyless) row comparison and the column profiles.
/// </summary>
internal sealed class EntityComparer
{
    private readonly DuckDbSession _session;
    private readonly ComparisonOptions _options;

    public EntityComparer(DuckDbSession session, ComparisonOptions options)
    {
        _session = session;
        _options = options;
    }

    public async Task<EntityComparison> CompareAsync(string name, string entity, EntitySide baseSide, EntitySide headSide, CancellationToken ct)
    {
        var format = DatasetRef.InferFormat(baseSide.Files.Concat(headSide.Files).First().File.Location);
        var baseCounts = RowCounter.PerFile(_session, baseSide.Files.Select(f => f.File.Location).ToList(), format);
        var headCounts = RowCounter.PerFile(_session, headSide.Files.Select(f => f.File.Location).ToList(), format);

        var partitions = await ComparePartitionsAsync(baseSide, headSide, baseCounts, headCounts, ct).ConfigureAwait(false);
        var rowCounts = new RowCountComparison(partitions.Sum(p => p.BaseRows), partitions.Sum(p => p.HeadRows));
        var identicalFiles = partitions.All(p => p.Status == PartitionStatus.Identical)
            && baseSide.SchemaVersions.SequenceEqual(headSide.SchemaVersions);

        var baseAll = Resolve(baseSide.Files, format);
        var headAll = Resolve(headSide.Files, format);
        var baseSchema = SchemaReader.Read(_session, baseAll!);
        var headSchema = SchemaReader.Read(_session, headAll!);
        var columns = MergeSchemas(name, entity, baseSchema, headSchema);
        var changes = SchemaChanges(columns);

        KeyedComparison? keyed = null;
        var keys = _options.KeysFor(name, entity);
        if (keys is not null) ValidateKeys(name, keys, columns);
        if (!identicalFiles)
        {
            var skipped = partitions.Where(p => p.Status == PartitionStatus.Identical).Select(p => p.Partition).ToHashSet(StringComparer.Ordinal);
            var baseCmp = Resolve(baseSide.Files.Where(f => !skipped.Contains(f.Match.Partition)).ToList(), format);
            var headCmp = Resolve(headSide.Files.Where(f => !skipped.Contains(f.Match.Partition)).ToList(), format);
            var identicalSkipped = partitions.Where(p => p.Status == PartitionStatus.Identical).Sum(p => p.BaseRows);
            var rows = new RowDiffer(_session, _options, name, entity, columns, keys ?? []);
            var compared = partitions.Where(p => p.Status != PartitionStatus.Identical).ToList();
            keyed = rows.Compare(Relation(baseCmp, baseAll!), Relation(headCmp, headAll!), compared.Sum(p => p.BaseRows), compared.Sum(p => p.HeadRows), identicalSkipped);
        }
        else
        {
            // Byte-identical files: every row is identical, keyed or not, and nothing was read.
            keyed = new KeyedComparison(keys ?? [], new KeyHealth(rowCounts.Base, 0, 0, 0), new KeyHealth(rowCounts.Head, 0, 0, 0), 0, 0, 0, 0,
                rowCounts.Base, 0, rowCounts.Base, [], new RowSamples([], [], [], []));
        }

        List<ColumnProfileComparison> profile = [];
        if (_options.Profile && !identicalFiles)
        {
            // The drift's profiler pass comes first: its distinct estimates spare the DuckDB profile its
            // approx_count_distinct, the larger part of that scan.
            var sides = _options.Drift && format == DatasetFormat.Parquet
                ? await DriftDiffer.ProfileAsync(baseAll!.Files, headAll!.Files, _options.Threads, ct).ConfigureAwait(false)
                : null;
            profile = new ProfileDiffer(_session, _options).Compare(columns, baseAll!.ToRelationSql(), headAll!.ToRelationSql(),
                sides is { } s1 ? DriftDiffer.DistinctEstimates(s1.Base) : null, sides is { } s2 ? DriftDiffer.DistinctEstimates(s2.Head) : null);
            if (sides is { } s)
            {
                var drift = DriftDiffer.Compare(s.Base, s.Head, columns);
                profile = profile.Select(p => drift.TryGetValue(p.Column, out var d) ? p with { Drift = d } : p).ToList();
            }
        }

        return new EntityComparison(name, Presence.Both, baseSide.SchemaVersions, headSide.SchemaVersions, identicalFiles, rowCounts,
            partitions, changes, columns, keyed, profile);
    }

    /// <summary>An entity on one side only: counts, schema and partitions, no row comparison.</summary>
    public EntityComparison OneSided(string name, EntitySide side, Presence presence)
    {
        var format = DatasetRef.InferFormat(side.Files[0].File.Location);
        var counts = RowCounter.PerFile(_session, side.Files.Select(f => f.File.Location).ToList(), format);
        var schema = SchemaReader.Read(_session, Resolve(side.Files, format)!);
        var isBase = presence == Presence.Removed;
        var columns = schema.Select(c => isBase
                ? new SchemaColumn(c.Name, c.Type, null, c.Nullable, null, false)
                : new SchemaColumn(c.Name, null, c.Type, null, c.Nullable, false))
            .OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        var partitions = side.ByPartition.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var rows = g.Sum(f => counts[f.File.Location]);
            return isBase
                ? new PartitionComparison(g.Key, PartitionStatus.Removed, rows, 0, g.Count(), 0)
                : new PartitionComparison(g.Key, PartitionStatus.Added, 0, rows, 0, g.Count());
        }).ToList();
        var total = partitions.Sum(p => p.BaseRows + p.HeadRows);
        return new EntityComparison(name, presence, isBase ? side.SchemaVersions : [], isBase ? [] : side.SchemaVersions, false,
            new RowCountComparison(isBase ? total : 0, isBase ? 0 : total), partitions, [], columns, null, []);
    }

    private static async Task<List<PartitionComparison>> ComparePartitionsAsync(EntitySide baseSide, EntitySide headSide,
        Dictionary<string, long> baseCounts, Dictionary<string, long> headCounts, CancellationToken ct)
    {
        var b = baseSide.ByPartition;
        var h = headSide.ByPartition;
        var result = new List<PartitionComparison>();
        foreach (var partition in b.Select(g => g.Key).Union(h.Select(g => g.Key)).Order(StringComparer.Ordinal))
        {
            var bf = b[partition].OrderBy(f => f.File.RelativePath, StringComparer.Ordinal).ToList();
            var hf = h[partition].OrderBy(f => f.File.RelativePath, StringComparer.Ordinal).ToList();
            var status = bf.Count == 0 ? PartitionStatus.Added
                : hf.Count == 0 ? PartitionStatus.Removed
                : await SameFilesAsync(bf, hf, ct).ConfigureAwait(false) ? PartitionStatus.Identical : PartitionStatus.Differs;
            result.Add(new PartitionComparison(partition, status,
                bf.Sum(f => baseCounts[f.File.Location]), hf.Sum(f => headCounts[f.File.Location]), bf.Count, hf.Count));
        }
        return result;
    }

    private static async Task<bool> SameFilesAsync(List<EntityFile> a, List<EntityFile> b, CancellationToken ct)
    {
        if (a.Count != b.Count) return false;
        for (var i = 0; i < a.Count; i++)
        {
            if (!string.Equals(a[i].File.RelativePath, b[i].File.RelativePath, StringComparison.Ordinal)) return false;
            if (a[i].File.Size != b[i].File.Size) return false;
        }
        for (var i = 0; i < a.Count; i++)
            if (!await FileIdentity.SameContentAsync(a[i].File, b[i].File, ct).ConfigureAwait(false)) return false;
        return true;
    }

    private static ResolvedDataset? Resolve(IReadOnlyList<EntityFile> files, DatasetFormat format) =>
        files.Count == 0 ? null : new ResolvedDataset(new DatasetRef(files[0].File.Location, format), files.Select(f => f.File.Location).ToList());

    /// <summary>The relation to compare; a side with nothing to compare reads zero rows with the full schema.</summary>
    private static string Relation(ResolvedDataset? compared, ResolvedDataset all) =>
        compared is null ? $"(SELECT * FROM {all.ToRelationSql()} LIMIT 0)" : compared.ToRelationSql();

    private List<SchemaColumn> MergeSchemas(string name, string entity,
        IReadOnlyList<(string Name, string Type, bool? Nullable)> b, IReadOnlyList<(string Name, string Type, bool? Nullable)> h)
    {
        var bm = b.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var hm = h.ToDictionary(c => c.Name, StringComparer.Ordinal);
        return bm.Keys.Union(hm.Keys).Order(StringComparer.Ordinal).Select(col =>
        {
            var hasB = bm.TryGetValue(col, out var bc);
            var hasH = hm.TryGetValue(col, out var hc);
            return new SchemaColumn(col, hasB ? bc.Type : null, hasH ? hc.Type : null, hasB ? bc.Nullable : null, hasH ? hc.Nullable : null,
                _options.IsExcluded(name, entity, col));
        }).ToList();
    }

    private static List<ColumnSchemaChange> SchemaChanges(IEnumerable<SchemaColumn> columns)
    {
        var changes = new List<ColumnSchemaChange>();
        foreach (var c in columns)
        {
            if (c.BaseType is null) changes.Add(new ColumnSchemaChange(c.Name, SchemaChangeKind.ColumnAdded, null, c.HeadType));
            else if (c.HeadType is null) changes.Add(new ColumnSchemaChange(c.Name, SchemaChangeKind.ColumnRemoved, c.BaseType, null));
            else
            {
                if (!string.Equals(c.BaseType, c.HeadType, StringComparison.Ordinal))
                    changes.Add(new ColumnSchemaChange(c.Name, SchemaChangeKind.TypeChanged, c.BaseType, c.HeadType));
                if (c.BaseNullable is { } bn && c.HeadNullable is { } hn && bn != hn)
                    changes.Add(new ColumnSchemaChange(c.Name, SchemaChangeKind.NullabilityChanged, bn ? "nullable" : "required", hn ? "nullable" : "required"));
            }
        }
        return changes;
    }

    private static void ValidateKeys(string name, IReadOnlyList<string> keys, IReadOnlyList<SchemaColumn> columns)
    {
        foreach (var key in keys)
        {
            var column = columns.FirstOrDefault(c => c.Name == key);
            if (column is null || column.BaseType is null || column.HeadType is null)
            {
                var where = column is null ? "either side" : column.BaseType is null ? "base" : "head";
                throw new InputException("DQ6010", $"Key column '{key}' of entity '{name}' is missing on {where}; columns are: {string.Join(", ", columns.Select(c => c.Name))}.");
            }
        }
    }
}
