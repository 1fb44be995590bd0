using DataQuality.Core.Snapshots;

namespace DataQuality.Xunit.Tests;

/// <summary>The received/verified cycle through the public API, in a temp "source folder" with real files.</summary>
public sealed class DataSnapshotTests
{
    private static SnapshotSettings In(TempFolder folder) => new() { Directory = folder.Path, LaunchDiffTool = false, AutoAccept = false };

    [Fact]
    public async Task Missing_verified_file_fails_writes_received_and_accepting_makes_it_pass()
    {
        using var folder = new TempFolder();
        var settings = In(folder);
        var received = folder.Combine($"{nameof(DataSnapshotTests)}.{nameof(Missing_verified_file_fails_writes_received_and_accepting_makes_it_pass)}.received.txt");

        var act = () => DataSnapshot.VerifyAsync("rows: 10\nstatus: ok", settings);

        var failure = (await act.Should().ThrowAsync<SnapshotMismatchException>()).Which;
        failure.ReceivedPath.Should().Be(received);
        failure.Message.Should().Contain("No verified snapshot").And.Contain("+rows: 10").And.Contain("dq accept");
        File.ReadAllText(received).Should().Be("rows: 10\nstatus: ok\n");

        SnapshotStore.Accept([received]);
        await DataSnapshot.VerifyAsync("rows: 10\r\nstatus: ok\r\n", settings);
        File.Exists(received).Should().BeFalse();
    }

    [Fact]
    public async Task A_difference_fails_with_a_unified_diff_in_the_message()
    {
        using var folder = new TempFolder();
        var settings = In(folder);
        var verified = folder.Combine($"{nameof(DataSnapshotTests)}.{nameof(A_difference_fails_with_a_unified_diff_in_the_message)}.verified.txt");
        File.WriteAllText(verified, "a\nb\nc\n");

        var act = () => DataSnapshot.VerifyAsync("a\nB\nc", settings);

        var failure = (await act.Should().ThrowAsync<SnapshotMismatchException>()).Which;
        failure.Message.Should().Contain("@@ -1,3 +1,3 @@\n a\n-b\n+B\n c");
        File.ReadAllText(failure.ReceivedPath).Should().Be("a\nB\nc\n");
        File.ReadAllText(verified).Should().Be("a\nb\nc\n", "the verified file only changes on accept");
    }

    [Fact]
    public async Task Auto_accept_writes_the_verified_file_and_passes()
    {
        using var folder = new TempFolder();
        var settings = In(folder) with { AutoAccept = true, Suffix = "eu" };

        await DataSnapshot.VerifyAsync("accepted", settings);

        File.ReadAllText(folder.Combine($"{nameof(DataSnapshotTests)}.{nameof(Auto_accept_writes_the_verified_file_and_passes)}_eu.verified.txt")).Should().Be("accepted\n");
        Directory.EnumerateFiles(folder.Path, "*.received.*").Should().BeEmpty();
    }

    [Fact]
    public async Task Objects_are_snapshotted_as_json_with_zeros_and_scrubbed_values()
    {
        using var folder = new TempFolder();
        var settings = In(folder) with { AutoAccept = true };

        await DataSnapshot.VerifyAsync(new { Entity = "orders", Rows = 0L, Loaded = "2026-02-11T10:00:00Z", Missing = (string?)null }, settings);

        File.ReadAllText(folder.Combine($"{nameof(DataSnapshotTests)}.{nameof(Objects_are_snapshotted_as_json_with_zeros_and_scrubbed_values)}.verified.json"))
            .Should().Be("{\n  \"Entity\": \"orders\",\n  \"Rows\": 0,\n  \"Loaded\": \"{timestamp}\",\n  \"Missing\": null\n}\n");
    }

    [Fact]
    public void Ci_is_detected_from_the_usual_variables()
    {
        CiEnvironment.IsCi(new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true" }).Should().BeTrue();
        CiEnvironment.IsCi(new Dictionary<string, string> { ["TF_BUILD"] = "True" }).Should().BeTrue();
        CiEnvironment.IsCi(new Dictionary<string, string> { ["CI"] = "false" }).Should().BeFalse();
        CiEnvironment.IsCi(new Dictionary<string, string> { ["PATH"] = "/bin" }).Should().BeFalse();
        CiEnvironment.AutoAccept(new Dictionary<string, string> { ["DQ_AUTO_ACCEPT"] = "1" }).Should().BeTrue();
        CiEnvironment.AutoAccept(new Dictionary<string, string> { ["DQ_AUTO_ACCEPT"] = "0" }).Should().BeFalse();
    }
}
