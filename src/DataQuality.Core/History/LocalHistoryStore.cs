using System.Diagnostics;
using System.Text;
using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.History;

/// <summary>
/// History in a local folder: <c>&lt;dir&gt;/&lt;dataset-slug&gt;.jsonl</c>, one line per run. A writer
/// holds the file exclusively (<see cref="FileShare.None"/>, an flock on Unix, honoured across
/// processes) while it appends one whole line, so concurrent runs never interleave or lose lines. A
/// line torn by a crash is closed with a newline by the next writer and skipped by readers.
/// </summary>
public sealed class LocalHistoryStore : IMetricHistoryStore
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    public LocalHistoryStore(string directory)
    {
        Directory = Path.GetFullPath(directory);
        if (File.Exists(Directory))
            throw new InputException(HistoryErrorCodes.Unusable, $"History location '{Directory}' is a file; give a folder (or an s3:// prefix).", new SourceLocation(Directory));
    }

    public string Directory { get; }

    public string Location => Directory;

    public string FileFor(string dataset) => Path.Combine(Directory, DatasetSlug.For(dataset) + ".jsonl");

    public async Task AppendAsync(HistoryRun run, CancellationToken cancellationToken)
    {
        var path = FileFor(run.Dataset);
        var line = Encoding.UTF8.GetBytes(run.ToJsonLine() + "\n");
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException(HistoryErrorCodes.Unusable, $"Cannot create history folder '{Directory}': {ex.Message}", new SourceLocation(Directory), ex);
        }

        var clock = Stopwatch.StartNew();
        while (true)
        {
            FileStream stream;
            try
            {
                stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new InputException(HistoryErrorCodes.Unusable, $"Cannot write history file '{path}': {ex.Message}", new SourceLocation(path), ex);
            }
            catch (IOException ex) when (clock.Elapsed < LockTimeout)
            {
                _ = ex; // another writer holds the lock: wait a little, with jitter so writers do not retry in step
                await Task.Delay(Random.Shared.Next(2, 20), cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (IOException ex)
            {
                throw new InputException(HistoryErrorCodes.LockTimeout, $"History file '{path}' stayed locked for {LockTimeout.TotalSeconds:0} s: {ex.Message}", new SourceLocation(path), ex);
            }

            await using (stream.ConfigureAwait(false))
            {
                if (stream.Length > 0)
                {
                    stream.Seek(-1, SeekOrigin.End);
                    if (stream.ReadByte() != '\n') stream.WriteByte((byte)'\n');
                }
                stream.Seek(0, SeekOrigin.End);
                await stream.WriteAsync(line, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }
            return;
        }
    }

    public Task<IReadOnlyList<HistoryRun>> ReadAsync(string? dataset, CancellationToken cancellationToken)
    {
        var runs = new List<HistoryRun>();
        if (!System.IO.Directory.Exists(Directory)) return Task.FromResult<IReadOnlyList<HistoryRun>>(runs);
        var files = dataset is null
            ? System.IO.Directory.GetFiles(Directory, "*.jsonl").Order(StringComparer.Ordinal).ToList()
            : File.Exists(FileFor(dataset)) ? [FileFor(dataset)] : [];
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            runs.AddRange(HistoryLines.Parse(ReadShared(file), file).Where(r => dataset is null || r.Dataset == dataset));
        }
        return Task.FromResult<IReadOnlyList<HistoryRun>>(HistoryLines.Sorted(runs));
    }

    // Readers take no lock: a line being appended is incomplete (no newline yet) and is skipped.
    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public void Dispose()
    {
    }
}
