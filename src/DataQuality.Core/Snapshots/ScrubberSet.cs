namespace DataQuality.Core.Snapshots;

/// <summary>
/// An ordered list of scrubbers applied to snapshot text. The defaults cover what makes
/// pipeline snapshots churn: ISO-8601 timestamps, GUIDs, <c>run_id=...</c> style run ids, and
/// absolute paths of the temp and home directories. Literal path scrubbers run first so a
/// path is replaced whole before the regexes see it.
/// </summary>
public sealed class ScrubberSet
{
    private readonly List<Scrubber> _scrubbers;

    public ScrubberSet(IEnumerable<Scrubber>? scrubbers = null) => _scrubbers = (scrubbers ?? []).ToList();

    public IReadOnlyList<Scrubber> Scrubbers => _scrubbers;

    public const string TimestampPattern = @"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?\b";
    public const string GuidPattern = @"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b";
    public const string RunIdPattern = @"\b(run[_-]?id)(\s*[=:]\s*)[A-Za-z0-9._:-]+";

    /// <summary>Timestamps, GUIDs, run ids, the temp directory and the home directory.</summary>
    public static ScrubberSet CreateDefault()
    {
        var set = new ScrubberSet();
        set.Add(Scrubber.Literal("temp", Path.GetTempPath().TrimEnd('/', '\\'), "{temp}"));
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (home.Length > 1) set.Add(Scrubber.Literal("home", home, "{home}"));
        set.Add(Scrubber.Regex("timestamp", TimestampPattern, "{timestamp}"));
        set.Add(Scrubber.Regex("guid", GuidPattern, "{guid}"));
        set.Add(Scrubber.Regex("run-id", RunIdPattern, "$1$2{run-id}"));
        return set;
    }

    public ScrubberSet Add(Scrubber scrubber)
    {
        _scrubbers.Add(scrubber);
        return this;
    }

    /// <summary>Literal scrubbers go before the others, so the longest, most specific replacements win.</summary>
    public ScrubberSet AddFirst(Scrubber scrubber)
    {
        _scrubbers.Insert(0, scrubber);
        return this;
    }

    public ScrubberSet Remove(string name)
    {
        _scrubbers.RemoveAll(s => s.Name == name);
        return this;
    }

    public string Scrub(string text) => _scrubbers.Aggregate(text, (t, s) => s.Scrub(t));
}
