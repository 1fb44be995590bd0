using System.Text;
using DataQuality.Core.Datasets;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Datasets.ParquetPages;
using Parquet;
using Parquet.Schema;

namespace DataQuality.Core.Profiling;

/// <summary>What the footer of one file says: row groups, leaves, sizes. Opening it is the only cost.</summary>
/// <param name="DuckDbReason">
/// Set when Parquet.Net cannot read the footer or schema and DuckDB can (<see cref="DuckDbFilePlan"/>): why.
/// Such a file has no <see cref="Fields"/> and is profiled through DuckDB, column by column.
/// </param>
internal sealed record ParquetFilePlan(string Path, long SizeBytes, long[] RowGroupRows, IReadOnlyList<DataField> Fields, IReadOnlyList<ColumnSpec> Specs, string? DuckDbReason = null)
{
    public long RowCount => RowGroupRows.Sum();

    /// <summary>The file row number of the row group's first row (row groups hold consecutive rows).</summary>
    public long FirstRowOf(int rowGroup)
    {
        long first = 0;
        for (var g = 0; g < rowGroup; g++) first += RowGroupRows[g];
        return first;
    }

    /// <summary>
    /// Opens the footer and checks it (<see cref="ParquetPageCheck"/>). With <paramref name="readPages"/>, also
    /// reads every page header once: cheap, and the only way to know the pages hold what the footer says.
    /// </summary>
    public static async Task<ParquetFilePlan> OpenAsync(string path, ParquetReadLimits limits, bool readPages, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
            throw ProfileErrors.For(ProfileErrors.FileNotFound, path, $"Parquet file '{path}' does not exist.");
        var size = Files.LocalFileTree.Target(path).Length;
        CheckMagic(path, size);
        try
        {
            await using var reader = await ParquetReader.CreateAsync(path, ParquetReaderFactory.Options, cancellationToken).ConfigureAwait(false);
            if (reader.Metadata?.EncryptionAlgorithm is not null)
                throw ProfileErrors.For(ProfileErrors.Encrypted, path, $"'{Name(path)}' uses Parquet modular encryption (plaintext footer); encrypted columns are not supported.");
            var rows = new long[reader.RowGroupCount];
            for (var i = 0; i < rows.Length; i++)
            {
                var rg = reader.OpenRowGroupReader(i);
                if (rg.RowCount < 0)
                    throw ProfileErrors.For(ProfileErrors.CorruptData, path, $"'{Name(path)}' row group {i} declares {rg.RowCount} rows; the footer is corrupt.");
                if (rg.RowGroup.Columns.Any(c => c.CryptoMetadata is not null))
                    throw ProfileErrors.For(ProfileErrors.Encrypted, path, $"'{Name(path)}' has encrypted column chunks (Parquet modular encryption); not supported.");
                rows[i] = rg.RowCount;
            }
            var fields = reader.Schema.GetDataFields();
            ParquetPageCheck.Verify(path, size, reader, fields, limits, readPages, cancellationToken);
            return new ParquetFilePlan(path, size, rows, fields, fields.Select(ColumnSpec.From).ToList());
        }
        catch (DataQualityException)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex) when (ex is NotSupportedException or NotImplementedException)
        {
            throw ProfileErrors.For(ProfileErrors.UnsupportedFeature, path, $"'{Name(path)}' uses a schema feature the Parquet reader (Parquet.Net 6.1.0) does not support: {ReaderErrorText.Of(ex)}", ex);
        }
        catch (Exception ex)
        {
            throw ProfileErrors.For(ProfileErrors.NotParquet, path, $"'{Name(path)}' has an unreadable Parquet footer or schema ({ReaderErrorText.Of(ex)}).", ex);
        }
    }

    /// <summary>PAR1 at both ends is plain Parquet; PARE at the end is an encrypted footer.</summary>
    private static void CheckMagic(string path, long size)
    {
        if (size < 12)
            throw ProfileErrors.For(ProfileErrors.NotParquet, path, $"'{Name(path)}' is not a Parquet file ({size} bytes, too small for header and footer).");
        Span<byte> head = stackalloc byte[4];
        Span<byte> tail = stackalloc byte[4];
        using (var stream = File.OpenRead(path))
        {
            stream.ReadExactly(head);
            stream.Seek(-4, SeekOrigin.End);
            stream.ReadExactly(tail);
        }
        var tailText = Encoding.ASCII.GetString(tail);
        if (tailText == "PARE")
            throw ProfileErrors.For(ProfileErrors.Encrypted, path, $"'{Name(path)}' is an encrypted Parquet file (encrypted footer, magic PARE); encryption is not supported.");
        if (tailText != "PAR1" || Encoding.ASCII.GetString(head) != "PAR1")
            throw ProfileErrors.For(ProfileErrors.NotParquet, path, $"'{Name(path)}' is not a Parquet file (no PAR1 magic at start and end).");
    }

    internal static string Name(string path) => System.IO.Path.GetFileName(path);
}

internal static class ParquetReaderFactory
{
    /// <summary>Dates as DateTime (one temporal path), byte arrays left as bytes unless annotated as strings.</summary>
    public static ParquetOptions Options { get; } = new() { TreatByteArrayAsString = false };
}
