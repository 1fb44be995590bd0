using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.History;

/// <summary>Parsing JSONL history text, shared by both stores.</summary>
internal static class HistoryLines
{
    /// <summary>
    /// Every complete line as a run. The text after the last newline is an append in progress or torn by
    /// a crash and is skipped; any other malformed line is an error naming file and line.
    /// </summary>
    public static IEnumerable<HistoryRun> Parse(string text, string path)
    {
        var lines = text.Split('\n');
        // The last element is what follows the final newline: empty for a complete file.
        for (var i = 0; i < lines.Length - 1; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            if (!line.StartsWith('{')) throw Malformed(path, i + 1);
            // An append torn by a crash (then closed by the next writer's newline) is skipped, not fatal.
            if (!line.EndsWith('}')) continue;
            yield return HistoryRun.Parse(line, new SourceLocation(path, i + 1));
        }
    }

    public static IReadOnlyList<HistoryRun> Sorted(IEnumerable<HistoryRun> runs) =>
        runs.OrderBy(r => r.TimeUtc).ThenBy(r => r.RunId, StringComparer.Ordinal).ToList();

    private static InputException Malformed(string path, int line) =>
        new(HistoryErrorCodes.MalformedRecord, $"History record at {path}({line}) is not a JSON object.", new SourceLocation(path, line));
}
