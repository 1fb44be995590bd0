using DataQuality.Core.Datasets;
using DataQuality.Core.Datasets.ParquetPages;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Profiling.Sketches;
using Parquet;

namespace DataQuality.Core.Profiling;

/// <summary>
/// Profiles Parquet files directly with Parquet.Net's low-level reader. Row groups are the unit of
/// work: up to <see cref="ProfileOptions.MaxDegreeOfParallelism"/> run at once, each worker with its own
/// reader (readers are not thread-safe). Row-group profiles are folded in (file, row group) order into
/// file profiles and those into the dataset profile, so the result never depends on scheduling.
/// <para>Hive partition columns (<c>ds=.../</c> directories of each file's logical path) follow the file
/// columns, typed as DuckDB types them (<see cref="PartitionColumns"/>); their value is constant per file,
/// so each file adds it once, weighted by the file's rows.</para>
/// </summary>
public static class ParquetProfiler
{
    /// <summary>Profiles local files; hive partitions come from these paths.</summary>
    public static Task<DatasetProfile> ProfileAsync(
        IReadOnlyList<string> files,
        ProfileOptions? options = null,
        IProgress<ProfileProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        ProfileAsync(ProfileInput.From(files), options, progress, cancellationToken);

    public static async Task<DatasetProfile> ProfileAsync(
        IReadOnlyList<ProfileInput> inputs,
        ProfileOptions? options = null,
        IProgress<ProfileProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options ??= ProfileOptions.Default;
        if (inputs.Count == 0) throw new InputException(ProfileErrors.NoFiles, "No Parquet files to profile.");

        var partitions = options.HivePartitioning ? PartitionColumns.Detect(inputs) : [];
        var plans = new ParquetFilePlan[inputs.Count];
        var notices = new ProfileNotices();
        for (var i = 0; i < inputs.Count; i++)
        {
            try
            {
                plans[i] = await ParquetFilePlan.OpenAsync(inputs[i].LocalPath, options.ReadLimits, readPages: !options.MetadataOnly, cancellationToken).ConfigureAwait(false);
            }
            catch (InputException ex) when (ParquetFileCheck.ReaderLimitation(ex))
            {
                // Parquet.Net cannot read this footer or schema; validate lets DuckDB decide such a file, and so does profile.
                plans[i] = DuckDbFilePlan.Open(inputs[i].LocalPath, ex);
                notices.FellBack(plans[i].Path, null, plans[i].DuckDbReason!);
            }
        }

        var layout = SelectColumns(plans, partitions, options.Columns);
        var columns = layout.Where(s => s.File is not null).Select(s => s.File!).ToList();
        var work = new List<(int File, int RowGroup)>();
        for (var f = 0; f < plans.Length; f++)
            for (var g = 0; g < plans[f].RowGroupRows.Length; g++)
                work.Add((f, g));

        var results = new ColumnProfile[work.Count][];
        // Files are folded into the dataset as soon as all their row groups are done, in file order, and their
        // row-group profiles released: memory follows the row groups in flight, not the size of the dataset.
        var firstWork = new int[plans.Length + 1];
        for (var f = 0; f < plans.Length; f++) firstWork[f + 1] = firstWork[f] + plans[f].RowGroupRows.Length;
        var remaining = plans.Select(p => p.RowGroupRows.Length).ToArray();
        var dataset = new DatasetProfile();
        var nextFile = 0;
        var foldLock = new object();

        void FoldFinishedFiles()
        {
            lock (foldLock)
            {
                while (nextFile < plans.Length && Volatile.Read(ref remaining[nextFile]) == 0)
                {
                    dataset.Merge(FileProfile(nextFile));
                    for (var i = firstWork[nextFile]; i < firstWork[nextFile + 1]; i++) results[i] = null!;
                    nextFile++;
                }
            }
        }

        DatasetProfile FileProfile(int f)
        {
            var fileColumns = columns.Select(c => DatasetProfile.AbsentColumn(c.NewProfile(), 0)).ToList();
            for (var i = firstWork[f]; i < firstWork[f + 1]; i++)
                for (var c = 0; c < columns.Count; c++)
                    fileColumns[c].Merge(results[i][c]);
            var fileColumn = 0;
            return new DatasetProfile
            {
                Files = [new ProfiledFile(plans[f].Path, plans[f].RowCount, plans[f].RowGroupRows.Length, plans[f].SizeBytes)],
                RowCount = plans[f].RowCount,
                Columns = layout.Select(slot => slot.File is not null ? fileColumns[fileColumn++] : PartitionProfile(slot, f, plans[f].RowCount, options)).ToList(),
            };
        }
        var totalRows = plans.Sum(p => p.RowCount);
        var next = -1;
        var done = 0;
        long rowsDone = 0;
        var degree = Math.Max(1, Math.Min(options.MaxDegreeOfParallelism, Math.Max(1, work.Count)));

        // One failure stops the other workers instead of letting them scan the rest of the dataset.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = stop.Token;

        // Distinct sketches per worker and column for the whole scan: a worker keeps adding to warm registers
        // across all its row groups, whatever the file (most hashes then skip the update; a fresh sketch per
        // row group or per file made every small file pay for cold registers). Register-wise max merges them
        // into the dataset's sketches at the end: the same registers as per-row-group sketches, whatever the
        // scheduling. Only the dataset profile is returned, so no per-file registers are needed.
        var distinct = new System.Collections.Concurrent.ConcurrentBag<HyperLogLog?[]>();

        async Task WorkerAsync()
        {
            ParquetReader? reader = null;
            var readerFile = -1;
            using var buffers = new DecodeBuffers { SystemZstd = options.SystemZstd };
            var sinks = new HyperLogLog?[columns.Count];
            distinct.Add(sinks);
            try
            {
                while (true)
                {
                    var index = Interlocked.Increment(ref next);
                    if (index >= work.Count) return;
                    token.ThrowIfCancellationRequested();
                    var (file, rowGroup) = work[index];
                    if (plans[file].DuckDbReason is not null)
                        results[index] = ProfileRowGroupThroughDuckDb(plans[file], rowGroup, columns, options, buffers, column => sinks[column] ??= new HyperLogLog(), token);
                    else
                    {
                        if (readerFile != file)
                        {
                            if (reader is not null) await reader.DisposeAsync().ConfigureAwait(false);
                            reader = await ParquetReader.CreateAsync(plans[file].Path, ParquetReaderFactory.Options, token).ConfigureAwait(false);
                            readerFile = file;
                        }
                        results[index] = await ProfileRowGroupAsync(reader!, plans[file], rowGroup, columns, options, buffers, notices,
                            column => sinks[column] ??= new HyperLogLog(), token).ConfigureAwait(false);
                    }
                    if (Interlocked.Decrement(ref remaining[file]) == 0) FoldFinishedFiles();
                    var rows = Interlocked.Add(ref rowsDone, plans[file].RowGroupRows[rowGroup]);
                    progress?.Report(new ProfileProgress(Interlocked.Increment(ref done), work.Count, rows, totalRows));
                }
            }
            catch
            {
                await stop.CancelAsync().ConfigureAwait(false);
                throw;
            }
            finally
            {
                if (reader is not null) await reader.DisposeAsync().ConfigureAwait(false);
            }
        }

        var workers = Enumerable.Range(0, degree).Select(_ => Task.Run(WorkerAsync, token)).ToArray();
        try
        {
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Surface the real failure, not the cancellations it caused in the other workers.
            var cause = workers.Select(w => w.Exception?.InnerException).FirstOrDefault(e => e is not null and not OperationCanceledException);
            if (cause is null) throw;
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(cause).Throw();
        }

        FoldFinishedFiles(); // files without row groups at the end
        if (nextFile != plans.Length) throw new InvalidOperationException($"Profiler folded {nextFile} of {plans.Length} files.");
        foreach (var sinks in distinct)
            for (var c = 0; c < columns.Count; c++)
                if (sinks[c] is { } sketch && dataset.Column(columns[c].Path) is { } target) target.DistinctSketch.Merge(sketch);
        dataset.Notices = notices.Ordered(plans.Select(p => p.Path).ToList(), layout.Select(s => s.Path).ToList());
        return dataset;
    }

    /// <summary>A partition column over one file: its value once, weighted by the file's rows (O(1) in the rows).</summary>
    private static ColumnProfile PartitionProfile(ColumnSlot slot, int file, long rows, ProfileOptions options)
    {
        var partition = slot.Partition!;
        var profile = partition.NewProfile(slot.Path);
        profile.RowCount = rows;
        profile.ValueCount = rows;
        var accumulator = new ColumnAccumulator(profile, options.KllK, options.TopKCapacity);
        if (partition.Kind == ColumnKind.String)
        {
            if (partition.Text(file) is { } text) accumulator.AddConstantString(text, rows);
            else profile.NullCount = rows;
        }
        else if (partition.Value(file) is not { } value) profile.NullCount = rows;
        else if (value.Infinity != 0) accumulator.AddConstantInfinity(value.Infinity, rows);
        else if (partition.Kind == ColumnKind.Integer) accumulator.AddConstantInteger(value.Integer, rows, ValueFormat.Integer);
        else if (partition.Kind == ColumnKind.Date) accumulator.AddConstantInteger(value.Micros, rows, m => ValueFormat.DateFromMicros(m));
        else accumulator.AddConstantInteger(value.Micros, rows, m => ValueFormat.TimestampFromMicros(m));
        return profile;
    }

    /// <summary>Profiles one file; merging such profiles in file order equals profiling the files together.</summary>
    public static Task<DatasetProfile> ProfileFileAsync(string file, ProfileOptions? options = null, CancellationToken cancellationToken = default) =>
        ProfileAsync([file], options, null, cancellationToken);

    private static async Task<ColumnProfile[]> ProfileRowGroupAsync(ParquetReader reader, ParquetFilePlan plan, int rowGroup,
        IReadOnlyList<ColumnSpec> columns, ProfileOptions options, DecodeBuffers buffers, ProfileNotices notices, Func<int, HyperLogLog> distinct, CancellationToken ct)
    {
        var rg = reader.OpenRowGroupReader(rowGroup);
        var chunkProfiler = new ColumnChunkProfiler(options, plan.Path, rowGroup, plan.FirstRowOf(rowGroup), buffers, notices);
        var result = new ColumnProfile[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            var spec = columns[c];
            var index = IndexOf(plan, spec.Path);
            if (index < 0)
            {
                var absent = DatasetProfile.AbsentColumn(spec.NewProfile(), rg.RowCount);
                result[c] = absent;
                continue;
            }
            result[c] = await chunkProfiler.ProfileAsync(rg, plan.Fields[index], plan.Specs[index], ct, distinct(c)).ConfigureAwait(false);
        }
        return result;
    }

    /// <summary>A row group of a file Parquet.Net cannot open (<see cref="DuckDbFilePlan"/>): every column through DuckDB.</summary>
    private static ColumnProfile[] ProfileRowGroupThroughDuckDb(ParquetFilePlan plan, int rowGroup, IReadOnlyList<ColumnSpec> columns,
        ProfileOptions options, DecodeBuffers buffers, Func<int, HyperLogLog> distinct, CancellationToken ct)
    {
        var rows = plan.RowGroupRows[rowGroup];
        var result = new ColumnProfile[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            var index = IndexOf(plan, columns[c].Path);
            if (index < 0)
            {
                result[c] = DatasetProfile.AbsentColumn(columns[c].NewProfile(), rows);
                continue;
            }
            var spec = plan.Specs[index];
            var profile = spec.NewProfile();
            profile.RowCount = rows;
            profile.ValueCount = rows;
            result[c] = profile;
            if (spec.Kind == ColumnKind.Unsupported) continue;
            if (options.MetadataOnly)
            {
                profile.Unsupported = "not profiled: --metadata-only reads footers only, and the built-in Parquet reader cannot read this file's footer";
                continue;
            }
            var accumulator = new ColumnAccumulator(profile, options.KllK, options.TopKCapacity, distinct(c));
            try
            {
                profile.NullCount = rows - DuckDbChunkReader.Feed(plan.Path, plan.FirstRowOf(rowGroup), rows, [spec.Path], spec, accumulator, buffers, ct);
            }
            catch (System.Data.Common.DbException ex)
            {
                throw ProfileErrors.For(ProfileErrors.CorruptData, plan.Path,
                    $"'{ParquetFilePlan.Name(plan.Path)}' row group {rowGroup} column '{spec.Path}' could not be read by DuckDB ({ReaderErrorText.Of(ex)}).", ex);
            }
        }
        return result;
    }

    private static int IndexOf(ParquetFilePlan plan, string path)
    {
        for (var i = 0; i < plan.Specs.Count; i++)
            if (string.Equals(plan.Specs[i].Path, path, StringComparison.Ordinal)) return i;
        return -1;
    }

    /// <summary>A profiled column: a Parquet leaf, or a hive partition key.</summary>
    private sealed record ColumnSlot(string Path, ColumnSpec? File, PartitionColumn? Partition);

    /// <summary>
    /// Union of leaves across files in first-seen order, then the partition keys (sorted), filtered by the
    /// requested names. A partition key naming a file column (case-insensitively) replaces that column in
    /// place, as DuckDB's hive_partitioning does.
    /// </summary>
    private static List<ColumnSlot> SelectColumns(IReadOnlyList<ParquetFilePlan> plans, IReadOnlyList<PartitionColumn> partitions, IReadOnlyCollection<string>? requested)
    {
        var all = new List<ColumnSlot>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var plan in plans)
            foreach (var spec in plan.Specs)
                if (seen.Add(spec.Path)) all.Add(new ColumnSlot(spec.Path, spec, null));
        foreach (var partition in partitions)
        {
            bool Named(ColumnSlot s) => s.File is not null && (s.Path.Equals(partition.Key, StringComparison.OrdinalIgnoreCase)
                || s.Path.StartsWith(partition.Key + ".", StringComparison.OrdinalIgnoreCase));
            var at = all.FindIndex(Named);
            if (at < 0)
            {
                all.Add(new ColumnSlot(partition.Key, null, partition));
                continue;
            }
            // DuckDB keeps the file's spelling of the name.
            var name = all[at].Path[..partition.Key.Length];
            all.RemoveAll(Named);
            all.Insert(at, new ColumnSlot(name, null, partition));
        }
        if (requested is null || requested.Count == 0) return all;

        var selected = new List<ColumnSlot>();
        foreach (var name in requested)
        {
            var matches = all.Where(s => s.Path == name || s.Path.StartsWith(name + ".", StringComparison.Ordinal)).ToList();
            if (matches.Count == 0)
                throw new InputException(ProfileErrors.UnknownColumn,
                    $"Column '{name}' is not in the dataset; columns are: {string.Join(", ", all.Select(s => s.Path).Take(30))}{(all.Count > 30 ? ", ..." : "")}",
                    new SourceLocation(plans[0].Path));
            foreach (var m in matches)
                if (!selected.Contains(m)) selected.Add(m);
        }
        return selected;
    }
}
