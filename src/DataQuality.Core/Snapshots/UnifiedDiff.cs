using System.Text;

namespace DataQuality.Core.Snapshots;

/// <summary>
/// Line-based unified diff (the <c>diff -u</c> / git format) between a verified and a received
/// snapshot, so a failing test or CI log shows exactly what changed without a diff tool.
/// Uses a longest-common-subsequence table, fine for snapshot-sized texts; beyond
/// <see cref="MaxCells"/> it falls back to a whole-file replacement hunk.
/// </summary>
public static class UnifiedDiff
{
    public const long MaxCells = 25_000_000;

    /// <summary>Empty when the texts are equal (after line-ending normalisation).</summary>
    public static string Create(string oldText, string newText, string oldName = "verified", string newName = "received", int context = 3)
    {
        var a = SplitLines(oldText);
        var b = SplitLines(newText);
        if (a.SequenceEqual(b)) return "";
        var ops = Edits(a, b);

        var sb = new StringBuilder();
        sb.Append("--- ").Append(oldName).Append('\n');
        sb.Append("+++ ").Append(newName).Append('\n');
        var i = 0;
        while (i < ops.Count)
        {
            if (ops[i].Kind == ' ') { i++; continue; }
            var start = Math.Max(0, i - context);
            var end = i;
            // Extend the hunk while the next change is within 2*context unchanged lines.
            while (true)
            {
                while (end < ops.Count && ops[end].Kind != ' ') end++;
                var next = end;
                while (next < ops.Count && ops[next].Kind == ' ') next++;
                if (next < ops.Count && next - end <= 2 * context) { end = next; continue; }
                end = Math.Min(ops.Count, end + context);
                break;
            }
            var hunk = ops.GetRange(start, end - start);
            var oldStart = hunk.FirstOrDefault(o => o.Kind != '+').OldLine;
            var newStart = hunk.FirstOrDefault(o => o.Kind != '-').NewLine;
            var oldCount = hunk.Count(o => o.Kind != '+');
            var newCount = hunk.Count(o => o.Kind != '-');
            sb.Append($"@@ -{Range(oldStart, oldCount, hunk, true)} +{Range(newStart, newCount, hunk, false)} @@\n");
            foreach (var op in hunk) sb.Append(op.Kind).Append(op.Text).Append('\n');
            i = end;
        }
        return sb.ToString();
    }

    private static string Range(int start, int count, List<Op> hunk, bool old)
    {
        if (count == 0)
        {
            // An empty range names the line before the insertion point, as diff -u does.
            var first = hunk[0];
            return $"{(old ? first.OldLine : first.NewLine) - 1},0";
        }
        return count == 1 ? $"{start}" : $"{start},{count}";
    }

    private readonly record struct Op(char Kind, string Text, int OldLine, int NewLine);

    private static List<Op> Edits(string[] a, string[] b)
    {
        // Trim the common prefix and suffix first: snapshot changes are usually local.
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix]) prefix++;
        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)]) suffix++;
        var n = a.Length - prefix - suffix;
        var m = b.Length - prefix - suffix;

        var ops = new List<Op>();
        for (var k = 0; k < prefix; k++) ops.Add(new Op(' ', a[k], k + 1, k + 1));
        if ((long)n * m > MaxCells)
        {
            for (var k = 0; k < n; k++) ops.Add(new Op('-', a[prefix + k], prefix + k + 1, prefix + 1));
            for (var k = 0; k < m; k++) ops.Add(new Op('+', b[prefix + k], prefix + n + 1, prefix + k + 1));
        }
        else
        {
            var lcs = new int[n + 1, m + 1];
            for (var x = n - 1; x >= 0; x--)
                for (var y = m - 1; y >= 0; y--)
                    lcs[x, y] = a[prefix + x] == b[prefix + y] ? lcs[x + 1, y + 1] + 1 : Math.Max(lcs[x + 1, y], lcs[x, y + 1]);
            int i = 0, j = 0;
            while (i < n || j < m)
            {
                if (i < n && j < m && a[prefix + i] == b[prefix + j]) { ops.Add(new Op(' ', a[prefix + i], prefix + i + 1, prefix + j + 1)); i++; j++; }
                else if (i < n && (j == m || lcs[i + 1, j] >= lcs[i, j + 1])) { ops.Add(new Op('-', a[prefix + i], prefix + i + 1, prefix + j + 1)); i++; }
                else { ops.Add(new Op('+', b[prefix + j], prefix + i + 1, prefix + j + 1)); j++; }
            }
        }
        for (var k = 0; k < suffix; k++) ops.Add(new Op(' ', a[a.Length - suffix + k], a.Length - suffix + k + 1, b.Length - suffix + k + 1));
        return ops;
    }

    private static string[] SplitLines(string text)
    {
        var normalized = text.Replace("\r\n", "\n").Replace('\r', '\n');
        if (normalized.EndsWith('\n')) normalized = normalized[..^1];
        return normalized.Length == 0 ? [] : normalized.Split('\n');
    }
}
