using DataQuality.Core.Comparison;

namespace DataQuality.Core.Snapshots;

/// <summary>How a comparison report becomes snapshot text (or, with <see cref="Report"/>, human-facing text).</summary>
public sealed record SnapshotRenderOptions
{
    /// <summary>Most sample rows shown per status (the report may hold more).</summary>
    public int MaxSamples { get; init; } = 5;

    /// <summary>Profile rows for columns whose profile did not change are left out; set to show every column.</summary>
    public bool IncludeUnchangedProfiles { get; init; }

    /// <summary>
    /// Scrubbers for the paths the report prints (the base and head roots, files outside the
    /// layout, manifest paths), and only those: column names, entity names and values are data and
    /// are never rewritten. Default: <see cref="ScrubberSet.CreateDefault"/>.
    /// </summary>
    public ScrubberSet? Scrubbers { get; init; }

    /// <summary>Replace the base and head roots by <c>{base}</c> and <c>{head}</c> (before the other scrubbers).</summary>
    public bool ScrubRoots { get; init; } = true;

    /// <summary>Scrub printed paths at all: true for snapshot files, false for output a person reads (real paths).</summary>
    public bool Scrub { get; init; } = true;

    /// <summary>Snapshot files: printed paths scrubbed so the text is the same in any checkout.</summary>
    public static SnapshotRenderOptions Default { get; } = new();

    /// <summary>Reports a person reads (<c>dq compare</c> on standard output or <c>--output</c>): real paths, nothing scrubbed.</summary>
    public static SnapshotRenderOptions Report { get; } = new() { Scrub = false };

    /// <summary>The function the renderers pass every printed path through.</summary>
    internal Func<string, string> PathScrubber(ComparisonReport report)
    {
        if (!Scrub) return path => path;
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
        return scrubbers.Scrub;
    }
}
