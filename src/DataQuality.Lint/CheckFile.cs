namespace DataQuality.Lint;

/// <summary>One suite or contract on dq-lint's command line; <paramref name="Dataset"/> is the item's <c>Dataset</c> metadata (wins over the file's).</summary>
public sealed record CheckFile(bool IsSuite, string Path, string? Dataset = null);
