using DataQuality.Core.Profiling;
using DataQuality.Core.Profiling.DictionaryPath;
using DataQuality.Core.Tests.TestSupport;
using Parquet.Meta;

namespace DataQuality.Core.Tests.Profiling;

/// <summary>
/// The system's libzstd (<see cref="SystemZstd"/>) against ZstdSharp, which Parquet.Net decodes with: present
/// where it must be, the same bytes out, no corrupt page accepted that ZstdSharp refuses, nothing written past
/// the target, and the same profile either way. Corrupted Snappy pages go through the same harness: the page
/// decompressor must refuse them, never throw.
/// </summary>
public sealed class SystemZstdTests : IDisposable
{
    private readonly ChunkPathFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static SystemZstd Zstd
    {
        get
        {
            if (!OperatingSystem.IsLinux()) Assert.Skip("libzstd is part of every Debian and Ubuntu system; elsewhere ZstdSharp decodes");
            // A Linux machine without it would quietly profile ZSTD files slower: fail instead, and say why.
            SystemZstd.Shared.Should().NotBeNull($"libzstd (Debian's libzstd1) must load: {SystemZstd.Unavailable}");
            return SystemZstd.Shared!;
        }
    }

    public static TheoryData<int> Sizes() => [0, 1, 7, 4096, 65_537, 1 << 20];

    private static byte[] Payload(int size, int seed)
    {
        // Runs, repeats and noise, so the encoders emit literals and back-references.
        var random = new Random(seed);
        var bytes = new byte[size];
        for (var i = 0; i < size; i++)
            bytes[i] = (i / 64 % 3) switch { 0 => (byte)random.Next(256), 1 => (byte)(i % 13), _ => bytes[Math.Max(0, i - 300)] };
        return bytes;
    }

    private static byte[] Compress(CompressionCodec codec, byte[] plain)
    {
        if (codec == CompressionCodec.SNAPPY) return Snappier.Snappy.CompressToArray(plain);
        using var compressor = new ZstdSharp.Compressor(3);
        return compressor.Wrap(plain).ToArray();
    }

    /// <summary>Decompresses into the middle of a sentinel-filled array; fails the test if a byte outside the target changed.</summary>
    private static (bool Ok, byte[] Output) Guarded(Func<Span<byte>, bool> decompress, int size)
    {
        const int Guard = 4096;
        var buffer = new byte[size + 2 * Guard];
        buffer.AsSpan().Fill(0xA5);
        var ok = decompress(buffer.AsSpan(Guard, size));
        buffer.AsSpan(0, Guard).ContainsAnyExcept((byte)0xA5).Should().BeFalse("nothing is written before the target");
        buffer.AsSpan(Guard + size).ContainsAnyExcept((byte)0xA5).Should().BeFalse("nothing is written past the target");
        return (ok, buffer.AsSpan(Guard, size).ToArray());
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Frames_decompress_to_the_same_bytes_with_one_context_reused(int size)
    {
        using var context = Zstd.CreateContext();
        for (var seed = 0; seed < 3; seed++)
        {
            var plain = Payload(size, seed);
            var compressed = Compress(CompressionCodec.ZSTD, plain);

            var (ok, output) = Guarded(target => context.TryDecompress(compressed, target), size);

            ok.Should().BeTrue();
            output.Should().Equal(plain);
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    [InlineData(1000)]
    public void A_page_whose_declared_size_differs_is_refused_without_writing_past_the_target(int delta)
    {
        var plain = Payload(10_000, 3);
        var compressed = Compress(CompressionCodec.ZSTD, plain);
        using var context = Zstd.CreateContext();

        Guarded(target => context.TryDecompress(compressed, target), plain.Length + delta).Ok.Should().BeFalse();
        // The context still works after refusing.
        Guarded(target => context.TryDecompress(compressed, target), plain.Length).Output.Should().Equal(plain);
    }

    [Theory]
    [InlineData(CompressionCodec.SNAPPY)]
    [InlineData(CompressionCodec.ZSTD)]
    public void Corrupted_pages_are_refused_as_the_reference_decoder_refuses_them(CompressionCodec codec)
    {
        // Bit flips, overwritten runs, truncations and noise over valid pages, at the right and at wrong sizes.
        // The page decompressor must refuse (never throw: Snappier throws InvalidOperationException on a garbled
        // length, which once escaped as an internal error) and never write outside the target. For ZSTD, libzstd
        // must never accept a page ZstdSharp (what Parquet.Net decodes with, the reference) refuses: the fast path
        // would then profile a file the reference calls corrupt. Where both accept, the bytes must be equal.
        var random = new Random(20261203);
        using var system = new PageDecompressor(systemZstd: true);
        using var managed = new PageDecompressor(systemZstd: false);
        if (codec == CompressionCodec.ZSTD) system.UsesSystemZstd.Should().Be(Zstd is not null);
        managed.UsesSystemZstd.Should().BeFalse();
        var (refused, onlySystemRefused) = (0, 0);
        for (var round = 0; round < 1500; round++)
        {
            var plain = Payload(random.Next(1, 20_000), round);
            var page = Compress(codec, plain);
            switch (round % 4)
            {
                case 0: page[random.Next(page.Length)] ^= (byte)(1 << random.Next(8)); break;
                case 1:
                    var at = random.Next(page.Length);
                    page.AsSpan(at, Math.Min(8, page.Length - at)).Fill((byte)random.Next(256));
                    break;
                case 2: page = page[..random.Next(page.Length)]; break;
                default: random.NextBytes(page); break;
            }
            var size = round % 7 == 0 ? random.Next(1, 30_000) : plain.Length;

            var (systemOk, systemOut) = Guarded(target => system.TryDecompress(codec, page, 0, page.Length, target), size);
            var (managedOk, managedOut) = Guarded(target => managed.TryDecompress(codec, page, 0, page.Length, target), size);

            if (systemOk) managedOk.Should().BeTrue($"round {round}: libzstd accepted a page ZstdSharp refuses");
            if (systemOk) systemOut.Should().Equal(managedOut, $"round {round}");
            else if (managedOk) onlySystemRefused++;
            else refused++;
        }
        // libzstd may refuse more (a page it refuses goes to Parquet.Net, which decides as before).
        TestContext.Current.TestOutputHelper!.WriteLine($"of 1500 corrupted pages: {refused} refused by both, {onlySystemRefused} by libzstd only");
        refused.Should().BeGreaterThan(300, "most corruptions are detectable");
    }

    [Fact]
    public async Task Files_profile_identically_with_libzstd_and_zstdsharp()
    {
        var file = _files.Write("zstd.parquet", """
            SELECT i::BIGINT AS seq, (i * 2654435761 % 1000003)::INTEGER AS hashed, sin(i) * 1e6 AS d,
                   CASE WHEN i % 10 = 0 THEN NULL ELSE 'city-' || (i * 7 % 300) END AS city,
                   TIMESTAMP '2020-01-01' + to_microseconds(i * 1000003) AS ts
            FROM range(120000) t(i)
            """, "COMPRESSION zstd, ROW_GROUP_SIZE 40000");
        _ = Zstd;
        var plainStats = new DictionaryIndexStats();
        var dictionaryStats = new DictionaryIndexStats();

        var (system, managed) = await ChunkPathFiles.OutcomesAsync([file],
            new ProfileOptions { MaxDegreeOfParallelism = 2, PlainValueStats = plainStats, DictionaryIndexStats = dictionaryStats },
            new ProfileOptions { MaxDegreeOfParallelism = 2, SystemZstd = false });

        system.Should().Be(managed);
        system.Should().NotStartWith("DQ");
        // Four numeric columns and one string column in three row groups: every chunk went through libzstd.
        plainStats.CountedChunks.Should().Be(12, string.Join("; ", plainStats.Reasons));
        dictionaryStats.CountedChunks.Should().Be(3, string.Join("; ", dictionaryStats.Reasons));
    }
}
