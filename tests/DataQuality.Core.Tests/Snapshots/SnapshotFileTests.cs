using DataQuality.Core.Diagnostics;
using DataQuality.Core.Snapshots;
using DataQuality.Core.Tests.TestSupport;

namespace DataQuality.Core.Tests.Snapshots;

public sealed class SnapshotFileTests
{
    [Fact]
    public void Names_follow_verify_conventions_beside_the_source_file()
    {
        var file = SnapshotFile.For("/repo/tests/OrdersTests.cs", "OrdersTests", "Compare_main_and_feature");

        file.VerifiedPath.Should().Be("/repo/tests/OrdersTests.Compare_main_and_feature.verified.md");
        file.ReceivedPath.Should().Be("/repo/tests/OrdersTests.Compare_main_and_feature.received.md");
        SnapshotFile.FromPath(file.ReceivedPath).Should().Be(file);
        file.TestName.Should().Be(("OrdersTests", "Compare_main_and_feature"));
        SnapshotFile.For("/r/T.cs", "T", "M", "json", "eu").MethodCandidates.Should().Equal("M_eu", "M");
        SnapshotFile.FromPath("/r/notes.md").Should().BeNull();
    }

    [Fact]
    public async Task Missing_verified_writes_received_and_fails_then_accept_makes_it_pass()
    {
        using var dir = new TempDirectory();
        var file = SnapshotFile.For(dir.Combine("ATests.cs"), "ATests", "M");

        var first = await SnapshotVerifier.VerifyAsync("hello\r\nworld", file, autoAccept: false, TestContext.Current.CancellationToken);

        first.Outcome.Should().Be(SnapshotOutcome.MissingVerified);
        first.Passed.Should().BeFalse();
        File.ReadAllText(file.ReceivedPath).Should().Be("hello\nworld\n");
        first.Message.Should().Contain("dq accept").And.Contain("+hello");

        SnapshotStore.Accept([file.ReceivedPath]).Should().Equal(file.VerifiedPath);
        File.Exists(file.ReceivedPath).Should().BeFalse();

        var second = await SnapshotVerifier.VerifyAsync("hello\nworld\n", file, autoAccept: false, TestContext.Current.CancellationToken);
        second.Outcome.Should().Be(SnapshotOutcome.Matched);
    }

    [Fact]
    public async Task Mismatch_writes_received_with_diff_and_a_later_match_removes_it()
    {
        using var dir = new TempDirectory();
        var file = SnapshotFile.For(dir.Combine("ATests.cs"), "ATests", "M");
        File.WriteAllText(file.VerifiedPath, "rows: 10\n");

        var mismatch = await SnapshotVerifier.VerifyAsync("rows: 11", file, autoAccept: false, TestContext.Current.CancellationToken);

        mismatch.Outcome.Should().Be(SnapshotOutcome.Mismatched);
        mismatch.Diff.Should().Contain("-rows: 10\n+rows: 11");
        File.Exists(file.ReceivedPath).Should().BeTrue();

        var match = await SnapshotVerifier.VerifyAsync("rows: 10", file, autoAccept: false, TestContext.Current.CancellationToken);
        match.Outcome.Should().Be(SnapshotOutcome.Matched);
        File.Exists(file.ReceivedPath).Should().BeFalse("a stale received file is cleaned up once the snapshot matches");
    }

    [Fact]
    public async Task Auto_accept_writes_verified_directly()
    {
        using var dir = new TempDirectory();
        var file = SnapshotFile.For(dir.Combine("ATests.cs"), "ATests", "M", "json");
        File.WriteAllText(file.VerifiedPath, "{}\n");

        var result = await SnapshotVerifier.VerifyAsync("{\"a\": 1}", file, autoAccept: true, TestContext.Current.CancellationToken);

        result.Outcome.Should().Be(SnapshotOutcome.Accepted);
        result.Passed.Should().BeTrue();
        File.ReadAllText(file.VerifiedPath).Should().Be("{\"a\": 1}\n");
        File.Exists(file.ReceivedPath).Should().BeFalse();
    }

    [Fact]
    public void Store_lists_received_leftovers_and_verified_files_no_test_uses()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.Combine("tests", "obj"));
        File.WriteAllText(dir.Combine("tests", "OrdersTests.cs"), "public sealed class OrdersTests { [Fact] public async Task Compare() { } }");
        File.WriteAllText(dir.Combine("tests", "OrdersTests.Compare.verified.md"), "x");
        File.WriteAllText(dir.Combine("tests", "OrdersTests.Removed.verified.md"), "x");
        File.WriteAllText(dir.Combine("tests", "GoneTests.Compare.verified.md"), "x");
        File.WriteAllText(dir.Combine("tests", "OrdersTests.Compare.received.md"), "y");
        File.WriteAllText(dir.Combine("tests", "obj", "X.Y.received.md"), "ignored");

        SnapshotStore.FindReceived(dir.Path).Select(Path.GetFileName).Should().Equal("OrdersTests.Compare.received.md");
        SnapshotStore.FindUnused(dir.Path).Select(Path.GetFileName).Should().Equal("GoneTests.Compare.verified.md", "OrdersTests.Removed.verified.md");

        SnapshotStore.Accept([dir.Combine("tests")]).Select(Path.GetFileName).Should().Equal("OrdersTests.Compare.verified.md");
        File.ReadAllText(dir.Combine("tests", "OrdersTests.Compare.verified.md")).Should().Be("y");
        SnapshotStore.FindReceived(dir.Path).Should().BeEmpty();
    }

    [Fact]
    public void Accepting_something_that_is_not_a_received_snapshot_is_an_input_error()
    {
        using var dir = new TempDirectory();
        var notSnapshot = () => SnapshotStore.Accept([dir.Combine("readme.md")]);
        var noReceived = () => SnapshotStore.Accept([dir.Combine("A.B.received.md")]);

        notSnapshot.Should().Throw<InputException>().Which.Code.Should().Be("DQ6101");
        noReceived.Should().Throw<InputException>().Which.Code.Should().Be("DQ6102");
    }
}
