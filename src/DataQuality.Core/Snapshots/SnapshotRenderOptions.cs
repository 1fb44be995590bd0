using DataQuality.Core.Comparison;

namespace DataQuality.Core.Snapshots;

/// <summary>How a comparison report becomes snapshot text.</summary>
public sealed record SnapshotRenderOptions
{
    /// <summary>Most sample rows shown per status (the report may hold more).</summary>
    public int MaxSamples { get; init; } = 5;

    /// <summary>Profile rows for columns whose profile did not change are left out; set to show every column.</summary>
    public bool IncludeUnchangedProfiles { get; init; }

    /// <summary>Applied to the finished text. Default: <see cref="ScrubberSet.CreateDefault"/>.</summary>
    public ScrubberSet? Scrubbers { get; init; }

    /// <summary>Replace the base and head roots by <c>{base}</c> and <c>{head}</c> (before the other scrubbers).</summary>
    public bool ScrubRoots { get; init; } = true;

    public static SnapshotRenderOptions Default { get; } = new();

    internal string Finish(string text, ComparisonReport report)
    {
        var scrubbers = new ScrubberSet((Scrubbers ?? ScrubberSet.CreateDefault()).Scrubbers);
        if (ScrubRoots)
        {
            // Longer root first, so a head nested in base is not half-replaced.
            foreach (var (root, label) in new[] { (report.BaseRoot, "{base}"), (report.HeadRoot, "{head}") }.OrderBy(r => r.Item1.Length))
            {
                scrubbers.AddFirst(Scrubber.Literal(label, root.TrimEnd('/', '\\'), label));
                var full = Path.GetFullPath(root).TrimEnd('/', '\\');
                if (full != root.TrimEnd('/', '\\')) scrubbers.AddFirst(Scrubber.Literal(label, full, label));
            }
        }
        return SnapshotText.Normalize(scrubbers.Scrub(text));
    }
}
