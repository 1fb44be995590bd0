using DataQuality.Core.Diagnostics;
using Parquet;

namespace DataQuality.Core.Profiling;

/// <summary>
/// Profiles Parquet files directly with Parquet.Net's low-level reader. Row groups are the unit of
/// work: up to <see cref="ProfileOptions.MaxDegreeOfParallelism"/> run at once, each worker with its own
/// reader (readers are not thread-safe). Row-group profiles are folded in (file, row group) order into
/// file profiles and those into the dataset profile, so the result never depends on scheduling.
/// </summary>
public static class ParquetProfiler
{
    public static async Task<DatasetProfile> ProfileAsync(
        IReadOnlyList<string> files,
        ProfileOptions? options = null,
        IProgress<ProfileProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options ??= ProfileOptions.Default;
        if (files.Count == 0) throw new InputException(ProfileErrors.NoFiles, "No Parquet files to profile.");

        var plans = new ParquetFilePlan[files.Count];
        for (var i = 0; i < files.Count; i++)
            plans[i] = await ParquetFilePlan.OpenAsync(files[i], cancellationToken).ConfigureAwait(false);

        var columns = SelectColumns(plans, options.Columns);
        var work = new List<(int File, int RowGroup)>();
        for (var f = 0; f < plans.Length; f++)
            for (var g = 0; g < plans[f].RowGroupRows.Length; g++)
                work.Add((f, g));

        var results = new ColumnProfile[work.Count][];
        var totalRows = plans.Sum(p => p.RowCount);
        var next = -1;
        var done = 0;
        long rowsDone = 0;
        var degree = Math.Max(1, Math.Min(options.MaxDegreeOfParallelism, Math.Max(1, work.Count)));

        // One failure stops the other workers instead of letting them scan the rest of the dataset.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = stop.Token;

        async Task WorkerAsync()
        {
            ParquetReader? reader = null;
            var readerFile = -1;
            var buffers = new DecodeBuffers();
            try
            {
                while (true)
                {
                    var index = Interlocked.Increment(ref next);
                    if (index >= work.Count) return;
                    token.ThrowIfCancellationRequested();
                    var (file, rowGroup) = work[index];
                    if (readerFile != file)
                    {
                        if (reader is not null) await reader.DisposeAsync().ConfigureAwait(false);
                        reader = await ParquetReader.CreateAsync(plans[file].Path, ParquetReaderFactory.Options, token).ConfigureAwait(false);
                        readerFile = file;
                    }
                    results[index] = await ProfileRowGroupAsync(reader!, plans[file], rowGroup, columns, options, buffers, token).ConfigureAwait(false);
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

        var dataset = new DatasetProfile();
        var cursor = 0;
        for (var f = 0; f < plans.Length; f++)
        {
            var fileProfile = new DatasetProfile
            {
                Files = [new ProfiledFile(plans[f].Path, plans[f].RowCount, plans[f].RowGroupRows.Length, plans[f].SizeBytes)],
                RowCount = plans[f].RowCount,
                Columns = columns.Select(c => DatasetProfile.AbsentColumn(c.NewProfile(), 0)).ToList(),
            };
            for (var g = 0; g < plans[f].RowGroupRows.Length; g++, cursor++)
                for (var c = 0; c < columns.Count; c++)
                    fileProfile.Columns[c].Merge(results[cursor][c]);
            dataset.Merge(fileProfile);
        }
        return dataset;
    }

    /// <summary>Profiles one file; merging such profiles in file order equals profiling the files together.</summary>
    public static Task<DatasetProfile> ProfileFileAsync(string file, ProfileOptions? options = null, CancellationToken cancellationToken = default) =>
        ProfileAsync([file], options, null, cancellationToken);

    private static async Task<ColumnProfile[]> ProfileRowGroupAsync(ParquetReader reader, ParquetFilePlan plan, int rowGroup,
        IReadOnlyList<ColumnSpec> columns, ProfileOptions options, DecodeBuffers buffers, CancellationToken ct)
    {
        var rg = reader.OpenRowGroupReader(rowGroup);
        var chunkProfiler = new ColumnChunkProfiler(options, plan.Path, rowGroup, buffers);
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
            result[c] = await chunkProfiler.ProfileAsync(rg, plan.Fields[index], plan.Specs[index], ct).ConfigureAwait(false);
        }
        return result;
    }

    private static int IndexOf(ParquetFilePlan plan, string path)
    {
        for (var i = 0; i < plan.Specs.Count; i++)
            if (string.Equals(plan.Specs[i].Path, path, StringComparison.Ordinal)) return i;
        return -1;
    }

    /// <summary>Union of leaves across files, in first-seen order, filtered by the requested names.</summary>
    private static List<ColumnSpec> SelectColumns(IReadOnlyList<ParquetFilePlan> plans, IReadOnlyCollection<string>? requested)
    {
        var all = new List<ColumnSpec>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var plan in plans)
            foreach (var spec in plan.Specs)
                if (seen.Add(spec.Path)) all.Add(spec);
        if (requested is null || requested.Count == 0) return all;

        var selected = new List<ColumnSpec>();
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
