using DataQuality.Core.Snapshots;

namespace DataQuality.Core.Tests.Snapshots;

public sealed class ScrubberTests
{
    [Fact]
    public void Default_scrubbers_replace_timestamps_guids_run_ids_and_temp_paths()
    {
        var temp = Path.Combine(Path.GetTempPath(), "dq", "x.parquet");
        var text = $"run_id=20260211-abc123 at 2026-02-11T10:15:30.123Z id 3f2504e0-4f89-11d3-9a0c-0305e82c3301 file {temp}";

        var scrubbed = ScrubberSet.CreateDefault().Scrub(text);

        scrubbed.Should().Be("run_id={run-id} at {timestamp} id {guid} file {temp}/dq/x.parquet");
    }

    [Fact]
    public void Scrubbers_are_configurable_by_name()
    {
        var set = ScrubberSet.CreateDefault().Remove("timestamp").Add(Scrubber.Regex("build", @"build #\d+", "build #{n}"));

        set.Scrub("2026-02-11 10:15:30 build #42").Should().Be("2026-02-11 10:15:30 build #{n}");
        set.Scrubbers.Select(s => s.Name).Should().NotContain("timestamp").And.Contain("build");
    }

    [Fact]
    public void Literal_scrubber_also_matches_forward_slash_spelling()
    {
        Scrubber.Literal("root", @"C:\work\base", "{base}").Scrub("C:/work/base/orders and C:\\work\\base").Should().Be("{base}/orders and {base}");
    }

    [Theory]
    [InlineData("main", "main/silver/orders", "{base}/silver/orders")]
    [InlineData("main", "main", "{base}")]
    [InlineData("main", "domain mainline x/main main_2", "domain mainline x/main main_2")]
    [InlineData("b", "base: `b` and bob, b2, sub/b", "base: `{base}` and bob, b2, sub/b")]
    [InlineData("/tmp", "/tmp/x and /tmpfoo/y and /a/tmp", "{base}/x and /tmpfoo/y and /a/tmp")]
    public void Literal_scrubber_replaces_whole_path_tokens_only(string value, string text, string expected)
    {
        Scrubber.Literal("base", value, "{base}").Scrub(text).Should().Be(expected);
    }
}
