using System.IO.Compression;
using Parquet.Meta;

namespace DataQuality.Core.Profiling.DictionaryPath;

/// <summary>
/// Decompresses page bodies into caller-owned buffers: ZSTD with the system's libzstd where one loads
/// (<see cref="SystemZstd"/>), otherwise with the codecs Parquet.Net itself depends on (ZstdSharp, and
/// Snappier for Snappy); GZIP with the BCL. One instance per worker: the ZSTD context is reused page
/// after page. A codec it does not know, or bytes that do not decompress to exactly the declared size,
/// make it return false and the chunk goes to the reference decoder.
/// </summary>
internal sealed class PageDecompressor(bool systemZstd = true) : IDisposable
{
    // libzstd is looked up at the first ZSTD page, so Snappy and uncompressed files never load it.
    private SystemZstd.Context? _systemContext;
    private ZstdSharp.Decompressor? _zstd;

    /// <summary>Whether ZSTD pages go to the system's libzstd.</summary>
    public bool UsesSystemZstd => systemZstd && SystemZstd.Shared is not null;

    public static bool Supports(CompressionCodec codec) =>
        codec is CompressionCodec.UNCOMPRESSED or CompressionCodec.SNAPPY or CompressionCodec.ZSTD or CompressionCodec.GZIP;

    public bool TryDecompress(CompressionCodec codec, byte[] source, int offset, int length, Span<byte> target)
    {
        var input = source.AsSpan(offset, length);
        try
        {
            switch (codec)
            {
                case CompressionCodec.UNCOMPRESSED:
                    if (length != target.Length) return false;
                    input.CopyTo(target);
                    return true;
                case CompressionCodec.ZSTD when _systemContext is not null || UsesSystemZstd:
                    _systemContext ??= SystemZstd.Shared!.CreateContext();
                    return _systemContext.TryDecompress(input, target);
                case CompressionCodec.SNAPPY:
                    return Snappier.Snappy.TryDecompress(input, target, out var written) && written == target.Length;
                case CompressionCodec.ZSTD:
                    _zstd ??= new ZstdSharp.Decompressor();
                    return _zstd.TryUnwrap(input, target, out var unwrapped) && unwrapped == target.Length;
                case CompressionCodec.GZIP:
                    return TryGunzip(source, offset, length, target);
                default:
                    return false;
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or ZstdSharp.ZstdException or ArgumentException or IndexOutOfRangeException
                                       or InvalidOperationException)
        {
            // Garbage in the page: the reference decoder reports it. Snappier throws InvalidOperationException
            // for a page whose length header is garbled (SystemZstdTests found it).
            return false;
        }
    }

    private static bool TryGunzip(byte[] source, int offset, int length, Span<byte> target)
    {
        using var stream = new GZipStream(new MemoryStream(source, offset, length, writable: false), CompressionMode.Decompress);
        var read = 0;
        while (read < target.Length)
        {
            var n = stream.Read(target[read..]);
            if (n == 0) return false;
            read += n;
        }
        // More bytes than the header declared is as wrong as fewer.
        Span<byte> probe = stackalloc byte[1];
        return stream.Read(probe) == 0;
    }

    public void Dispose()
    {
        _zstd?.Dispose();
        _systemContext?.Dispose();
    }
}
