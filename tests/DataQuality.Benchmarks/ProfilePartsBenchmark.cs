using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using DataQuality.Core.Profiling;
using DataQuality.Core.Profiling.Sketches;
using Parquet;
using Parquet.Schema;

namespace DataQuality.Benchmarks;

/// <summary>
/// Where the profiler's time goes beyond decoding: per column of the profile benchmark's file, one
/// thread, the ns per value of the Parquet.Net decode and of the accumulator on the decoded values, then
/// the accumulator's stages (hash + HLL, frequent items, numeric passes) timed on their own.
/// </summary>
public sealed class ProfilePartsBenchmark : IBenchmark
{
    private const int RowGroups = 4;
    private const int Repeats = 5;

    public string Name => "profile-parts";

    public string Description => "Profiler cost per value and stage (decode, accumulate, hash+HLL, top-k, numeric), one thread, profile benchmark file";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var rows = context.Rows(10_000_000);
        var path = ProfileBenchmark.Generate(context, rows, $"profile-{rows}.parquet");
        await using var reader = await ParquetReader.CreateAsync(path, cancellationToken: cancellationToken);
        var groups = Math.Min(RowGroups, reader.RowGroupCount);
        context.Line($"{groups} row groups, {Repeats} repeats, ns per value (median); accumulate = ColumnAccumulator on decoded values");
        context.Line($"{"column",-8} {"decode",8} {"accum",8}   {string.Join(" ", StageNames.Select(n => n.PadLeft(7)))}");
        WarmScatter(context);
        foreach (var field in reader.Schema.GetDataFields())
        {
            var spec = ColumnSpec.From(field);
            var decode = new List<double>();
            var accumulate = new List<double>();
            var hll = new List<double>();
            var topk = new List<double>();
            var numeric = new List<double>();
            long valuesSeen = 0;
            for (var r = 0; r < Repeats; r++)
            {
                long values = 0;
                valuesSeen = 0;
                double decodeTicks = 0, accTicks = 0, hllTicks = 0, topkTicks = 0, numTicks = 0;
                for (var g = 0; g < groups; g++)
                {
                    var rg = reader.OpenRowGroupReader(g);
                    var n = (int)rg.GetMetadata(field)!.MetaData!.NumValues;
                    var t = await DecodeAndTimeAsync(rg, field, spec, n, cancellationToken);
                    values += n;
                    valuesSeen = values;
                    decodeTicks += t.Decode;
                    accTicks += t.Accumulate;
                    hllTicks += t.Hll;
                    topkTicks += t.TopK;
                    numTicks += t.Numeric;
                }
                double Ns(double ticks) => ticks * 1e9 / Stopwatch.Frequency / values;
                decode.Add(Ns(decodeTicks));
                accumulate.Add(Ns(accTicks));
                hll.Add(Ns(hllTicks));
                topk.Add(Ns(topkTicks));
                numeric.Add(Ns(numTicks));
            }
            var stageNs = string.Join(" ", StageTicks.Select(t => (t * 1e9 / Stopwatch.Frequency / (Repeats * (double)valuesSeen)).ToString("F2", CultureInfo.InvariantCulture).PadLeft(7)));
            Array.Clear(StageTicks);
            context.Line(string.Create(CultureInfo.InvariantCulture,
                $"{spec.Path,-8} {Median(decode),8:F2} {Median(accumulate),8:F2}   {stageNs}"));
        }
    }

    /// <summary>Register updates on blocks already in L1, into cold (fresh) and warm (5M hashes in) registers.</summary>
    private static void WarmScatter(BenchContext context)
    {
        var random = new Random(7);
        var blocks = Enumerable.Range(0, 64).Select(_ => Enumerable.Range(0, BlockKernels.BlockSize).Select(_ => (ulong)random.NextInt64() ^ ((ulong)random.Next() << 63)).ToArray()).ToArray();
        foreach (var warm in new[] { false, true })
        {
            var vector = new HyperLogLog();
            var scalar = new HyperLogLog();
            if (warm)
                for (var i = 0; i < 5_000_000; i++)
                {
                    var h = ValueHash.Int64(-1 - i);
                    vector.AddHash(h);
                    scalar.AddHash(h);
                }
            long vectorTicks = 0, scalarTicks = 0, n = 0;
            for (var round = 0; round < 20; round++)
            {
                if (!warm)
                {
                    // Cold means fresh registers: the first 131k values of a chunk, where most updates happen.
                    vector = new HyperLogLog();
                    scalar = new HyperLogLog();
                }
                foreach (var block in blocks)
                {
                    var t0 = Stopwatch.GetTimestamp();
                    BlockKernels.AddHashes(vector, block);
                    var t1 = Stopwatch.GetTimestamp();
                    foreach (var h in block) scalar.AddHash(h);
                    scalarTicks += Stopwatch.GetTimestamp() - t1;
                    vectorTicks += t1 - t0;
                    n += block.Length;
                }
            }
            context.Line(string.Create(CultureInfo.InvariantCulture,
                $"register updates from cached blocks, {(warm ? "warm" : "cold")} registers: BlockKernels.AddHashes {vectorTicks * 1e9 / Stopwatch.Frequency / n:F2} ns/value, HyperLogLog.AddHash per value {scalarTicks * 1e9 / Stopwatch.Frequency / n:F2} ns/value"));
        }
    }

    private static double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);

    private readonly record struct Timings(double Decode, double Accumulate, double Hll, double TopK, double Numeric);

    private static async Task<Timings> DecodeAndTimeAsync(ParquetRowGroupReader rg, DataField field, ColumnSpec spec, int n, CancellationToken ct)
    {
        var clr = field.ClrType;
        if (clr == typeof(long)) return await TimeAsync<long>(rg, field, spec, n, ct, (acc, v) => acc.AddIntegers(v, ValueFormat.Integer), v => Stages(v), _ => { }, _ => { });
        if (clr == typeof(int)) return await TimeAsync<int>(rg, field, spec, n, ct, (acc, v) => acc.AddIntegers<int, WidenToInt64<int>>(v, ValueFormat.Integer), v => Stages(Longs(v, x => x)), _ => { }, _ => { });
        if (clr == typeof(double)) return await TimeAsync<double>(rg, field, spec, n, ct, (acc, v) => acc.AddDoubles(v), v => Stages(v), _ => { }, _ => { });
        if (clr == typeof(DateTime))
            return await TimeAsync<DateTime>(rg, field, spec, n, ct, (acc, v) => acc.AddIntegers<DateTime, DateTimeMicros>(v, m => ValueFormat.TimestampFromMicros(m)), v => Stages(Longs(v, Micros)), _ => { }, _ => { });
        if (clr == typeof(ReadOnlyMemory<char>)) return await TimeAsync<ReadOnlyMemory<char>>(rg, field, spec, n, ct, (acc, v) => acc.AddStrings(v), _ => { }, _ => { }, _ => { });
        throw new NotSupportedException(clr.Name);
    }

    private static long Micros(DateTime d) => (d.Ticks - ValueFormat.Epoch.Ticks) / 10;

    private static long[] Longs<T>(ReadOnlySpan<T> values, Func<T, long> convert)
    {
        var result = new long[values.Length];
        for (var i = 0; i < values.Length; i++) result[i] = convert(values[i]);
        return result;
    }

    /// <summary>hash, scatter, top-k feed, fused stats, deviations, KLL sampling: each stage over all blocks on its own.</summary>
    internal static readonly long[] StageTicks = new long[7];

    internal static readonly string[] StageNames = ["hash", "scatter", "feed", "stats", "m2", "kll", "scalar-scatter"];

    /// <summary>The one-hash-at-a-time register update, as a reference for the vector-packed scatter.</summary>
    private static void ScalarScatter(ulong[] hashes, ref long t)
    {
        var hll = new HyperLogLog();
        foreach (var h in hashes) hll.AddHash(h);
        Lap(6, ref t);
    }

    private static void Stages(ReadOnlySpan<long> values) => Stages(values, static (block, hashes) => BlockKernels.HashInt64(block, hashes));

    private static void Stages(ReadOnlySpan<double> values) => Stages(values, static (block, hashes) => BlockKernels.HashDouble(block, hashes));

    private delegate void HashBlock<T>(ReadOnlySpan<T> block, Span<ulong> hashes);

    /// <summary>Each stage of the block pipeline over the whole chunk on its own, so each gets its own lap.</summary>
    private static void Stages<T>(ReadOnlySpan<T> values, HashBlock<T> hash) where T : unmanaged, INumber<T>, IMinMaxValue<T>
    {
        var hashes = new ulong[values.Length];
        var t = Stopwatch.GetTimestamp();
        for (var o = 0; o < values.Length; o += BlockKernels.BlockSize)
        {
            var n = Math.Min(BlockKernels.BlockSize, values.Length - o);
            hash(values.Slice(o, n), hashes.AsSpan(o, n));
        }
        Lap(0, ref t);
        var hll = new HyperLogLog();
        for (var o = 0; o < values.Length; o += BlockKernels.BlockSize)
            BlockKernels.AddHashes(hll, hashes.AsSpan(o, Math.Min(BlockKernels.BlockSize, values.Length - o)));
        Lap(1, ref t);
        var counter = new FrequentItemsCounter<T>(FrequentItemsSketch.DefaultCapacity);
        var feed = new FrequentFeed(values.Length);
        for (var o = 0; o < values.Length; o += BlockKernels.BlockSize)
        {
            var n = Math.Min(BlockKernels.BlockSize, values.Length - o);
            feed.FeedBlock(counter, hashes.AsSpan(o, n), values.Slice(o, n), o);
        }
        Lap(2, ref t);
        T min = T.MaxValue, max = T.MinValue;
        long zeros = 0, negatives = 0;
        var means = new double[values.Length / BlockKernels.BlockSize + 1];
        for (int o = 0, b = 0; o < values.Length; o += BlockKernels.BlockSize, b++)
        {
            var n = Math.Min(BlockKernels.BlockSize, values.Length - o);
            BlockKernels.Stats(values.Slice(o, n), ref min, ref max, ref zeros, ref negatives, out var sum);
            means[b] = sum / n;
        }
        Lap(3, ref t);
        for (int o = 0, b = 0; o < values.Length; o += BlockKernels.BlockSize, b++)
            BlockKernels.M2(values.Slice(o, Math.Min(BlockKernels.BlockSize, values.Length - o)), means[b]);
        Lap(4, ref t);
        var sampler = new KllSketch.StratifiedSampler(new KllSketch(), values.Length);
        for (var o = 0; o < values.Length; o += BlockKernels.BlockSize)
            sampler.Feed(values.Slice(o, Math.Min(BlockKernels.BlockSize, values.Length - o)), o);
        sampler.Finish();
        Lap(5, ref t);
        ScalarScatter(hashes, ref t);
    }

    private static void Lap(int stage, ref long t)
    {
        var now = Stopwatch.GetTimestamp();
        StageTicks[stage] += now - t;
        t = now;
    }

    private delegate void Stage<T>(ReadOnlySpan<T> values);

    private delegate void Accumulate<T>(ColumnAccumulator accumulator, Span<T> values);

    private static async Task<Timings> TimeAsync<T>(ParquetRowGroupReader rg, DataField field, ColumnSpec spec, int n, CancellationToken ct,
        Accumulate<T> accumulate, Stage<T> hll, Stage<T> topk, Stage<T> numeric) where T : struct
    {
        var values = ArrayPool<T>.Shared.Rent(n);
        var defs = field.MaxDefinitionLevel > 0 ? ArrayPool<int>.Shared.Rent(n) : null;
        try
        {
            var start = Stopwatch.GetTimestamp();
            await rg.ReadRawAsync<T>(field, values.AsMemory(0, n), defs?.AsMemory(0, n), null, ct);
            var decode = Stopwatch.GetTimestamp() - start;
            var nonNull = defs is null ? n : NumericKernels.SummariseLevels(defs.AsSpan(0, n), field.MaxDefinitionLevel).Count;
            var copy = values.AsSpan(0, nonNull).ToArray();

            start = Stopwatch.GetTimestamp();
            accumulate(new ColumnAccumulator(spec.NewProfile(), KllSketch.DefaultK, FrequentItemsSketch.DefaultCapacity), copy);
            var acc = Stopwatch.GetTimestamp() - start;

            values.AsSpan(0, nonNull).CopyTo(copy);
            start = Stopwatch.GetTimestamp();
            hll(copy);
            var h = Stopwatch.GetTimestamp() - start;
            start = Stopwatch.GetTimestamp();
            topk(copy);
            var k = Stopwatch.GetTimestamp() - start;
            start = Stopwatch.GetTimestamp();
            numeric(copy);
            var num = Stopwatch.GetTimestamp() - start;
            return new Timings(decode, acc, h, k, num);
        }
        finally
        {
            ArrayPool<T>.Shared.Return(values, System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>());
            if (defs is not null) ArrayPool<int>.Shared.Return(defs);
        }
    }
}
