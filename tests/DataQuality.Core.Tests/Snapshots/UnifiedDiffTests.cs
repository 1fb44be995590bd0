using DataQuality.Core.Snapshots;

namespace DataQuality.Core.Tests.Snapshots;

public sealed class UnifiedDiffTests
{
    [Fact]
    public void Equal_texts_have_no_diff_regardless_of_line_endings() =>
        UnifiedDiff.Create("a\r\nb\r\n", "a\nb").Should().BeEmpty();

    [Fact]
    public void Changed_line_gets_one_hunk_with_three_lines_of_context()
    {
        var old = string.Join("\n", Enumerable.Range(1, 10).Select(i => $"line {i}"));
        var @new = old.Replace("line 5", "line five");

        var diff = UnifiedDiff.Create(old, @new, "a.verified.md", "a.received.md");

        diff.Should().Be("""
            --- a.verified.md
            +++ a.received.md
            @@ -2,7 +2,7 @@
             line 2
             line 3
             line 4
            -line 5
            +line five
             line 6
             line 7
             line 8

            """.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Distant_changes_get_separate_hunks_and_insertions_count_correctly()
    {
        var old = string.Join("\n", Enumerable.Range(1, 20).Select(i => $"{i}"));
        var @new = old.Replace("\n2\n", "\n2\nnew\n").Replace("\n18\n", "\n");

        var diff = UnifiedDiff.Create(old, @new);

        diff.Split('\n').Where(l => l.StartsWith("@@")).Should().Equal("@@ -1,5 +1,6 @@", "@@ -15,6 +16,5 @@");
        diff.Should().Contain("\n+new\n").And.Contain("\n-18\n");
    }

    [Fact]
    public void New_file_diff_adds_every_line()
    {
        UnifiedDiff.Create("", "a\nb\n", "/dev/null", "x.received.md").Should().Be("--- /dev/null\n+++ x.received.md\n@@ -0,0 +1,2 @@\n+a\n+b\n");
    }
}
