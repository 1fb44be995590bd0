using DataQuality.Core.Profiling;
using DataQuality.Core.Profiling.Sketches;
using DataQuality.Core.Tests.TestSupport;
using Parquet;
using System.Globalization;
using DataQuality.Core.Datasets;

namespace DataQuality.Core.Tests.Profiling;

/// <summary>
/// The block-wise accumulator must compute exactly what the value-by-value definitions say: vector
/// hashes equal the scalar hash, fused statistics equal naive loops, the block feeds make the same
/// choices as their per-value forms, and dictionary-counted strings profile like PLAIN ones.
/// </summary>
public sealed class BlockPipelineTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(63)]
    [InlineData(2048)]
    public void Vector_hashes_equal_the_scalar_hash(int length)
    {
        var random = new Random(length);
        var longs = Enumerable.Range(0, length).Select(_ => random.NextInt64(long.MinValue, long.MaxValue)).ToArray();
        var hashes = new ulong[length];
        BlockKernels.HashInt64(longs, hashes);
        hashes.Should().Equal(longs.Select(ValueHash.Int64));

        double[] specials = [0.0, -0.0, double.NaN, -double.NaN, BitConverter.Int64BitsToDouble(0x7FF0000000000001), double.PositiveInfinity, double.NegativeInfinity, double.Epsilon];
        var doubles = Enumerable.Range(0, length).Select(i => i % 3 == 0 ? specials[i / 3 % specials.Length] : random.NextDouble() * 2e6 - 1e6).ToArray();
        BlockKernels.HashDouble(doubles, hashes).Should().Be(doubles.All(double.IsFinite));
        hashes.Should().Equal(doubles.Select(ValueHash.Double));
        var finiteOnly = doubles.Where(double.IsFinite).ToArray();
        BlockKernels.HashDouble(finiteOnly, hashes.AsSpan(0, finiteOnly.Length)).Should().BeTrue();
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(15, false)]
    [InlineData(2048, false)]
    [InlineData(5000, false)]
    [InlineData(2048, true)]
    [InlineData(50_000, true)]
    public void Vector_register_updates_equal_one_hash_at_a_time(int length, bool warm)
    {
        var random = new Random(length);
        var expected = new HyperLogLog();
        var actual = new HyperLogLog();
        if (warm)
        {
            // Enough hashes that the smallest register reaches the filtered path's threshold.
            for (var i = 0; i < 1_000_000; i++)
            {
                var h = ValueHash.Int64(-1 - i);
                expected.AddHash(h);
                actual.AddHash(h);
            }
            actual.Registers.Min().Should().BeGreaterThanOrEqualTo(3, "the test must exercise the filtered path");
        }
        var hashes = Enumerable.Range(0, length).Select(_ => ((ulong)random.NextInt64() << 1) | (uint)random.Next(2)).ToArray();
        hashes[0] = ulong.MaxValue; // rank 1 at the last register
        if (length > 1) hashes[1] = 0; // capped rank at register 0
        if (length > 2) hashes[2] = 1UL << 10; // a long run of zeros below the index bits: a high rank
        foreach (var h in hashes) expected.AddHash(h);
        for (var offset = 0; offset < length; offset += BlockKernels.BlockSize)
            BlockKernels.AddHashes(actual, hashes.AsSpan(offset, Math.Min(BlockKernels.BlockSize, length - offset)));
        actual.Registers.Should().Equal(expected.Registers);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(9_000)]
    public void Radix_sort_orders_doubles_like_a_comparison_sort(int length)
    {
        var random = new Random(length);
        double[] specials = [0.0, -0.0, double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue, 1e-300, -1e-300, 1.0, -1.0];
        var values = Enumerable.Range(0, length).Select(i => i % 5 == 0 ? specials[i / 5 % specials.Length] : (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-20, 20))).ToArray();
        var expected = values.Order().ToArray();
        DoubleRadixSort.Sort(values);
        values.Should().Equal(expected, (a, b) => a == b, "the same values in ascending order (0.0 and -0.0 compare equal)");
    }

    [Theory]
    [InlineData("ascending")]
    [InlineData("ascending, then one value below all")]
    [InlineData("ascending, with 0.0 before -0.0")]
    [InlineData("all equal")]
    [InlineData("descending")]
    public void Input_already_in_order_is_recognised_and_anything_else_is_sorted_bit_for_bit(string shape)
    {
        // The sort skips input already in key order; the result must be the very bits a full sort leaves
        // (-0.0 before 0.0), since KLL promotes items by position and the profile prints them.
        var values = Enumerable.Range(-2000, 4000).Select(i => i * 0.5).ToArray();
        switch (shape)
        {
            case "ascending, then one value below all": values[^1] = -1e9; break;
            case "ascending, with 0.0 before -0.0": values[2000] = 0.0; values[2001] = -0.0; values[2002] = 0.0; break;
            case "all equal": values.AsSpan().Fill(42.0); break;
            case "descending": values.AsSpan().Reverse(); break;
        }
        static long Key(double d) { var b = BitConverter.DoubleToInt64Bits(d); return b < 0 ? ~b : b | long.MinValue; }
        var expected = values.OrderBy(d => (ulong)Key(d)).Select(BitConverter.DoubleToInt64Bits).ToArray();

        DoubleRadixSort.Sort(values);

        values.Select(BitConverter.DoubleToInt64Bits).Should().Equal(expected);
    }

    [Theory]
    [InlineData(3, 100_000)]      // never overflows the top-k table: registers come from its keys at the end
    [InlineData(256, 100_000)]    // exactly fills it
    [InlineData(300, 100_000)]    // overflows somewhere inside a block
    [InlineData(2_000, 5_000)]    // overflows early, then every block updates registers
    [InlineData(50_000, 1_000_000)]
    public void Deferred_register_updates_equal_updating_every_value(int cardinality, int length)
    {
        var random = new Random(cardinality);
        var longs = Enumerable.Range(0, length).Select(_ => (long)random.Next(cardinality) * 7919).ToArray();
        var expected = new HyperLogLog();
        foreach (var v in longs) expected.AddHash(ValueHash.Int64(v));
        var integers = new ColumnProfile { Path = "i", Kind = ColumnKind.Integer };
        new ColumnAccumulator(integers, KllSketch.DefaultK, FrequentItemsSketch.DefaultCapacity).AddIntegers(longs, ValueFormat.Integer);
        integers.DistinctSketch.Registers.Should().Equal(expected.Registers);

        var doubles = longs.Select(v => v / 3.0).ToArray();
        var expectedDoubles = new HyperLogLog();
        foreach (var v in doubles) expectedDoubles.AddHash(ValueHash.Double(v));
        var floating = new ColumnProfile { Path = "d", Kind = ColumnKind.Floating };
        new ColumnAccumulator(floating, KllSketch.DefaultK, FrequentItemsSketch.DefaultCapacity).AddDoubles(doubles);
        floating.DistinctSketch.Registers.Should().Equal(expectedDoubles.Registers);
    }

    [Fact]
    public void The_same_text_under_two_dictionary_entries_counts_as_one_value()
    {
        // A writer that falls back from dictionary to PLAIN pages mid-chunk repeats a text under new buffers.
        var first = "paid".ToCharArray();
        var again = "paid".ToCharArray();
        var other = "shipped".ToCharArray();
        var values = Enumerable.Range(0, 9_000).Select(i => (i % 3) switch
        {
            0 => new ReadOnlyMemory<char>(first),
            1 => new ReadOnlyMemory<char>(again),
            _ => new ReadOnlyMemory<char>(other),
        }).ToArray();
        var profile = new ColumnProfile { Path = "status", Kind = ColumnKind.String };
        new ColumnAccumulator(profile, KllSketch.DefaultK, FrequentItemsSketch.DefaultCapacity).AddStrings(values);
        profile.TopKSketch.Items.Select(i => (i.Value, i.Count)).Should().BeEquivalentTo([("paid", 6_000L), ("shipped", 3_000L)]);
        profile.TopKSketch.MaxError.Should().Be(0);
        profile.DistinctSketch.Estimate().Should().BeApproximately(2, 0.01);
    }

    [Fact]
    public void Negative_zero_and_every_NaN_hash_as_one_value()
    {
        var hashes = new ulong[16];
        double[] values = [0.0, -0.0, double.NaN, -double.NaN, BitConverter.Int64BitsToDouble(0x7FF0000000000001), 0.0, 0.0, 0.0, 0.0, -0.0, 0.0, 0.0, 0.0, 0.0, 0.0, double.NaN];
        BlockKernels.HashDouble(values, hashes);
        hashes[1].Should().Be(hashes[0]);
        hashes[3].Should().Be(hashes[2]);
        hashes[4].Should().Be(hashes[2]);
        hashes[9].Should().Be(hashes[0]);
        hashes[15].Should().Be(hashes[2]);
    }

    [Fact]
    public void Vector_timestamp_conversion_truncates_like_integer_division()
    {
        var random = new Random(11);
        var epoch = ValueFormat.Epoch.Ticks;
        var ticks = new List<long> { DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks, epoch, epoch - 1, epoch + 1, epoch - 9, epoch - 10, epoch - 11, epoch + 9, epoch + 10, epoch + 19 };
        for (var i = 0; i < 5000; i++) ticks.Add(random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks));
        for (var i = 0; i < 2000; i++) ticks.Add(epoch + random.NextInt64(-1_000_000, 1_000_000)); // near the epoch, both signs
        var kinds = new[] { DateTimeKind.Unspecified, DateTimeKind.Utc, DateTimeKind.Local };
        var values = ticks.Select((t, i) => new DateTime(t, kinds[i % 3])).ToArray();
        var actual = new long[values.Length];
        BlockKernels.DateTimesToMicros(values, actual);
        actual.Should().Equal(values.Select(DateTimeMicros.Convert));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    [InlineData(2048)]
    public void Fused_statistics_equal_naive_loops(int length)
    {
        var random = new Random(length + 100);
        var longs = Enumerable.Range(0, length).Select(i => i % 5 == 0 ? 0 : random.NextInt64(-1_000_000, 1_000_000)).ToArray();
        long min = long.MaxValue, max = long.MinValue, zeros = 0, negatives = 0;
        BlockKernels.Stats<long>(longs, ref min, ref max, ref zeros, ref negatives, out var sum);
        (min, max, zeros, negatives).Should().Be((longs.Min(), longs.Max(), longs.LongCount(v => v == 0), longs.LongCount(v => v < 0)));
        sum.Should().BeApproximately(longs.Sum(v => (double)v), 1e-6);
        var mean = sum / length;
        BlockKernels.M2<long>(longs, mean).Should().BeApproximately(longs.Sum(v => (v - mean) * (v - mean)), 1e-3 * Math.Max(1, longs.Sum(v => (v - mean) * (v - mean))) * 1e-9);

        var doubles = longs.Select(v => v / 7.0).ToArray();
        double dmin = double.PositiveInfinity, dmax = double.NegativeInfinity;
        zeros = negatives = 0;
        BlockKernels.Stats<double>(doubles, ref dmin, ref dmax, ref zeros, ref negatives, out var dsum);
        (dmin, dmax, zeros, negatives).Should().Be((doubles.Min(), doubles.Max(), doubles.LongCount(v => v == 0), doubles.LongCount(v => v < 0)));
        dsum.Should().BeApproximately(doubles.Sum(), 1e-6);
        var dmean = dsum / length;
        var expectedM2 = doubles.Sum(v => (v - dmean) * (v - dmean));
        BlockKernels.M2<double>(doubles, dmean).Should().BeApproximately(expectedM2, 1e-9 * Math.Max(1, expectedM2));
    }

    [Fact]
    public void The_hash_pass_sees_every_NaN_and_infinity_wherever_it_sits()
    {
        var values = Enumerable.Range(0, 37).Select(i => (double)i).ToArray();
        var hashes = new ulong[values.Length];
        BlockKernels.HashDouble(values, hashes).Should().BeTrue();
        foreach (var bad in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
            for (var at = 0; at < values.Length; at++)
            {
                var copy = (double[])values.Clone();
                copy[at] = bad;
                BlockKernels.HashDouble(copy, hashes).Should().BeFalse($"{bad} at {at}");
            }
    }

    [Theory]
    [InlineData(100, 1_000_000)]   // shorter than the window
    [InlineData(200_000, 1_000_000)] // near-unique: sampled after the window
    [InlineData(200_000, 5)]         // low cardinality: every value counted
    [InlineData(1_000_003, 50_000)]  // odd length, churn
    public void Block_feed_makes_the_same_choices_as_the_value_by_value_feed(int length, int cardinality)
    {
        var random = new Random(cardinality);
        var values = Enumerable.Range(0, length).Select(_ => (long)random.Next(cardinality)).ToArray();
        var hashes = values.Select(ValueHash.Int64).ToArray();

        var byValue = new FrequentItemsCounter<long>(FrequentItemsSketch.DefaultCapacity);
        var feed = new FrequentFeed(length);
        for (var i = 0; i < length; i++)
            if (feed.Take(i, byValue.Decrements, byValue.Capacity) is var w and > 0) byValue.Add(hashes[i], values[i], w);

        var byBlock = new FrequentItemsCounter<long>(FrequentItemsSketch.DefaultCapacity);
        var blockFeed = new FrequentFeed(length);
        for (var offset = 0; offset < length; offset += BlockKernels.BlockSize)
        {
            var n = Math.Min(BlockKernels.BlockSize, length - offset);
            blockFeed.FeedBlock(byBlock, hashes.AsSpan(offset, n), values.AsSpan(offset, n), offset);
        }

        var expected = byValue.ToSketch(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var actual = byBlock.ToSketch(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture));
        actual.Total.Should().Be(expected.Total);
        actual.MaxError.Should().Be(expected.MaxError);
        actual.Items.Should().Equal(expected.Items);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5_000)]
    [InlineData(1_000_000)]
    [InlineData(3_333_333)]
    public void Stratified_sampler_fed_in_blocks_equals_one_batch(int length)
    {
        var random = new Random(length);
        var values = Enumerable.Range(0, length).Select(_ => random.NextDouble()).ToArray();
        var whole = new KllSketch();
        whole.AddBatch(values, values.Min(), values.Max());

        var pieces = new KllSketch();
        pieces.Track(values.Min(), values.Max());
        var sampler = new KllSketch.StratifiedSampler(pieces, length);
        for (var offset = 0; offset < length; offset += BlockKernels.BlockSize)
            sampler.Feed(values.AsSpan(offset, Math.Min(BlockKernels.BlockSize, length - offset)), offset);
        sampler.Finish();

        pieces.Count.Should().Be(whole.Count);
        pieces.RngState.Should().Be(whole.RngState);
        pieces.Levels.Select(l => l.ToArray()).Should().BeEquivalentTo(whole.Levels.Select(l => l.ToArray()), o => o.WithStrictOrdering());
    }

    /// <summary>
    /// The same strings written dictionary-encoded and PLAIN: the dictionary chunk is counted per entry,
    /// the PLAIN one value by value, and the profiles must agree on everything.
    /// </summary>
    [Theory]
    [InlineData(5)]     // few enough entries for the vector block count
    [InlineData(12)]    // a status-like column
    [InlineData(200)]   // more entries than the linear scan handles
    [InlineData(3_000)] // more entries than the top-k keeps: the heavy hitter must survive
    public async Task Dictionary_and_plain_strings_profile_alike(int distinct)
    {
        using var temp = new TempDirectory();
        var dictionaryFile = temp.Combine("dictionary.parquet");
        var plainFile = temp.Combine("plain.parquet");
        using var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });
        var select = string.Create(CultureInfo.InvariantCulture, $"""
            SELECT CASE WHEN i % 17 = 0 THEN NULL
                        WHEN hash(i) % 10 < 3 THEN 'heavy@example.com'
                        WHEN j % 7 = 0 THEN j::VARCHAR
                        ELSE 'w' || printf('%x', j) || '-' || repeat('z', j % 11) END AS word
            FROM (SELECT i, (hash(i * 31) % {distinct})::INT AS j FROM range(60000) t(i))
            """);
        db.Execute($"COPY ({select}) TO {SqlText.Literal(dictionaryFile)} (FORMAT parquet)");
        db.Execute($"COPY ({select}) TO {SqlText.Literal(plainFile)} (FORMAT parquet, STRING_DICTIONARY_PAGE_SIZE_LIMIT 1)");
        (await Encodings(dictionaryFile)).Should().Contain(e => e.Contains("DICTIONARY"), "the first file must exercise the dictionary path");
        (await Encodings(plainFile)).Should().NotContain(e => e.Contains("DICTIONARY"), "the second file must exercise the per-value path");

        var ct = TestContext.Current.CancellationToken;
        var fromDictionary = (await ParquetProfiler.ProfileFileAsync(dictionaryFile, cancellationToken: ct)).Column("word")!;
        var fromPlain = (await ParquetProfiler.ProfileFileAsync(plainFile, cancellationToken: ct)).Column("word")!;

        fromDictionary.NullCount.Should().Be(fromPlain.NullCount);
        fromDictionary.DistinctSketch.Registers.Should().Equal(fromPlain.DistinctSketch.Registers);
        (fromDictionary.Min, fromDictionary.Max).Should().Be((fromPlain.Min, fromPlain.Max));
        fromDictionary.Strings!.TotalLength.Should().Be(fromPlain.Strings!.TotalLength);
        (fromDictionary.Strings.MinLength, fromDictionary.Strings.MaxLength).Should().Be((fromPlain.Strings.MinLength, fromPlain.Strings.MaxLength));
        fromDictionary.Strings.Parses.Should().BeEquivalentTo(fromPlain.Strings.Parses);
        var exactHeavy = ProfilingData.Long(db, $"SELECT count(*) FILTER (WHERE word = 'heavy@example.com')::BIGINT FROM {SqlText.Literal(plainFile)}");
        var heavy = fromDictionary.TopKSketch.Top(1).Single();
        heavy.Value.Should().Be("heavy@example.com");
        heavy.Count.Should().BeInRange(exactHeavy - fromDictionary.TopKSketch.MaxError, exactHeavy);
        fromPlain.TopKSketch.Top(1).Single().Value.Should().Be("heavy@example.com");
        if (distinct < FrequentItemsSketch.DefaultCapacity)
            fromDictionary.TopKSketch.Items.Should().BeEquivalentTo(fromPlain.TopKSketch.Items, "below capacity both are exact");
    }

    private static async Task<List<string>> Encodings(string file)
    {
        await using var reader = await ParquetReader.CreateAsync(file, cancellationToken: TestContext.Current.CancellationToken);
        var field = reader.Schema.GetDataFields().Single();
        return [.. reader.OpenRowGroupReader(0).GetMetadata(field)!.MetaData!.Encodings.Select(e => e.ToString())];
    }
}
