using DataQuality.Core.Diagnostics;
using DataQuality.Core.History;
using DataQuality.Core.Tests.TestSupport;

namespace DataQuality.Core.Tests.History;

public sealed class LocalHistoryStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HistoryRun Run(string dataset, int i, DateTime? time = null)
    {
        var t = time ?? DateTime.UtcNow;
        return new HistoryRun(HistoryRun.NewRunId(t), t, HistoryRecorder.SuiteKind, "s", dataset,
            [new HistoryCheck("row_count", "dq_metric_within_history", null, System.Text.Json.Nodes.JsonValue.Create(i), null, null, "passed")]);
    }

    [Fact]
    public async Task Concurrent_appends_from_separate_writers_lose_no_line()
    {
        using var dir = new TempDirectory();
        const int writers = 8, perWriter = 40;
        // Each writer has its own store instance, as separate dq processes would.
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            using var store = new LocalHistoryStore(dir.Path);
            for (var i = 0; i < perWriter; i++) await store.AppendAsync(Run("orders", w * 1000 + i), Ct);
        }, Ct)));

        using var reader = new LocalHistoryStore(dir.Path);
        var runs = await reader.ReadAsync("orders", Ct);
        runs.Should().HaveCount(writers * perWriter);
        runs.Select(r => r.RunId).Should().OnlyHaveUniqueItems();
        runs.Select(r => (int)r.Checks[0].Number!.Value).Should().BeEquivalentTo(
            Enumerable.Range(0, writers).SelectMany(w => Enumerable.Range(0, perWriter).Select(i => w * 1000 + i)));
        File.ReadAllLines(reader.FileFor("orders")).Should().HaveCount(writers * perWriter).And.OnlyContain(l => l.StartsWith('{') && l.EndsWith('}'));
    }

    [Fact]
    public async Task A_line_torn_by_a_crash_is_skipped_and_the_next_append_starts_on_its_own_line()
    {
        using var dir = new TempDirectory();
        using var store = new LocalHistoryStore(dir.Path);
        await store.AppendAsync(Run("orders", 1), Ct);
        var line = Run("orders", 2).ToJsonLine();
        await File.AppendAllTextAsync(store.FileFor("orders"), line[..(line.Length / 2)], Ct);

        (await store.ReadAsync("orders", Ct)).Should().HaveCount(1, "a half-written last line is an append in progress");
        await store.AppendAsync(Run("orders", 3), Ct);

        var runs = await store.ReadAsync("orders", Ct);
        runs.Select(r => r.Checks[0].Number).Should().Equal(1, 3);
        File.ReadAllLines(store.FileFor("orders")).Should().HaveCount(3);
    }

    [Fact]
    public async Task A_malformed_line_is_a_typed_error_naming_file_and_line()
    {
        using var dir = new TempDirectory();
        using var store = new LocalHistoryStore(dir.Path);
        await store.AppendAsync(Run("orders", 1), Ct);
        await File.AppendAllTextAsync(store.FileFor("orders"), "not json\n", Ct);

        var act = () => store.ReadAsync("orders", Ct);
        var ex = (await act.Should().ThrowAsync<InputException>()).Which;
        ex.Code.Should().Be("DQ8002");
        ex.Location!.Line.Should().Be(2);
        ex.Location.Path.Should().Be(store.FileFor("orders"));

        await File.WriteAllTextAsync(store.FileFor("orders"), "{\"version\":7,\"checks\":[]}\n", Ct);
        (await act.Should().ThrowAsync<InputException>()).Which.Message.Should().Contain("unsupported version 7");
    }

    [Fact]
    public async Task Runs_read_back_oldest_first_and_last_k_picks_the_newest_values()
    {
        using var dir = new TempDirectory();
        using var store = new LocalHistoryStore(dir.Path);
        var t0 = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        // Appended out of order (a late writer): reading sorts by run time.
        foreach (var i in new[] { 3, 1, 4, 2, 5 }) await store.AppendAsync(Run("orders", i, t0.AddHours(i)), Ct);

        var history = await MetricHistory.LoadAsync(store, "orders", Ct);
        history.Runs.Select(r => r.TimeUtc.Hour).Should().Equal(1, 2, 3, 4, 5);
        history.Last("row_count", 3).Select(p => p.Value).Should().Equal(3, 4, 5);
        history.Last("other", 3).Should().BeEmpty();
    }

    [Fact]
    public void A_file_as_history_location_is_rejected()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.Combine("f"), "");
        var act = () => new LocalHistoryStore(dir.Combine("f"));
        act.Should().Throw<InputException>().Which.Code.Should().Be("DQ8001");
    }
}
