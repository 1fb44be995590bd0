using System.Text;
using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Files;

/// <summary>
/// The rule for every file a command writes (<c>--output</c>, <c>--out</c>): never one of the
/// command's inputs (symbolic and hard links followed), never a folder, and a write that fails is
/// DQ2009 naming the file rather than an internal error. Checked before the work starts where the
/// inputs are known, so a long run does not end in a refusal; checked again when writing.
/// </summary>
public static class OutputFile
{
    /// <summary>Throws DQ2009 when <paramref name="path"/> cannot be written, DQ2008 when it is one of <paramref name="inputs"/>.</summary>
    public static void EnsureWritable(string path, IEnumerable<string> inputs)
    {
        // The full path as .NET will open it: "missing/../f" is "f" to a FileStream, though not to the kernel.
        path = Path.GetFullPath(path);
        var status = FileStat.Of(path);
        switch (status.Kind)
        {
            case FileKind.Missing:
                EnsureParentIsFolder(path);
                return; // a file that does not exist yet is no input
            case FileKind.Directory:
                throw NotWritable(path, "it is a folder; name a file inside it");
            case FileKind.SymlinkLoop or FileKind.Inaccessible:
                throw LocalFileTree.KindError(path, status.Kind, "a file");
        }
        foreach (var input in inputs)
            if (FileStat.Of(Path.GetFullPath(input)) is { Kind: FileKind.Regular } other && other.Id == status.Id)
                throw new InputException(FileErrorCodes.OutputIsInput,
                    $"Refusing to write '{path}': it is an input of this command{(SamePath(path, input) ? "" : $" ('{input}')")} and would be overwritten.",
                    new SourceLocation(path));
        if (status.Kind == FileKind.Regular)
        {
            // Opened for writing without truncating: a read-only file fails here, before any work.
            try
            {
                using var probe = File.OpenHandle(path, FileMode.Open, FileAccess.Write);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw NotWritable(path, ex.Message, ex);
            }
        }
    }

    /// <summary>Checks (see <see cref="EnsureWritable"/>) and writes <paramref name="text"/>, creating the folder.</summary>
    public static async Task WriteAllTextAsync(string path, string text, IEnumerable<string> inputs, Encoding? encoding = null, CancellationToken cancellationToken = default)
    {
        EnsureWritable(path, inputs);
        var bytes = (encoding ?? new UTF8Encoding(false)).GetBytes(text);
        await WriteAsync(path, stream => stream.WriteAsync(bytes, cancellationToken).AsTask()).ConfigureAwait(false);
    }

    /// <summary>Checks, then runs <paramref name="write"/> on the opened file; I/O failures become DQ2009.</summary>
    public static async Task WriteAsync(string path, Func<Stream, Task> write, IEnumerable<string>? inputs = null)
    {
        EnsureWritable(path, inputs ?? []);
        try
        {
            var parent = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(parent)) Directory.CreateDirectory(parent);
            await using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            await write(stream).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw NotWritable(path, ex.Message, ex);
        }
    }

    /// <summary>A folder a command writes into (<c>dq demo --out</c>): DQ2009 when a file or something else is in the way.</summary>
    public static void EnsureFolder(string path)
    {
        path = Path.GetFullPath(path);
        var status = FileStat.Of(path);
        if (status.Kind == FileKind.Missing) { EnsureParentIsFolder(path); return; }
        if (status.Kind != FileKind.Directory)
            throw NotWritable(path, status.Kind == FileKind.Regular ? "a file of that name is in the way; remove it or choose another folder" : $"it is not a folder ({status.Kind})");
    }

    private static void EnsureParentIsFolder(string path)
    {
        for (var parent = Path.GetDirectoryName(Path.GetFullPath(path)); !string.IsNullOrEmpty(parent); parent = Path.GetDirectoryName(parent))
        {
            var status = FileStat.Of(parent);
            if (status.Kind == FileKind.Missing) continue; // created when writing
            if (status.Kind != FileKind.Directory)
                throw NotWritable(path, $"'{parent}' is not a folder");
            return;
        }
    }

    private static InputException NotWritable(string path, string why, Exception? inner = null) =>
        new(FileErrorCodes.OutputNotWritable, $"Cannot write '{path}': {why.TrimEnd('.')}.", new SourceLocation(path), inner);

    private static bool SamePath(string a, string b) => string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);
}
