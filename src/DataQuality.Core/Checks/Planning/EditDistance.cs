namespace DataQuality.Core.Checks.Planning;

/// <summary>Levenshtein distance for did-you-mean suggestions (names are short; O(n·m) is fine).</summary>
public static class EditDistance
{
    public static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>The candidate closest to <paramref name="name"/> within a small distance, or null.</summary>
    public static string? Suggest(string name, IEnumerable<string> candidates) => candidates
        .Select(c => (Name: c, Distance: Levenshtein(name.ToLowerInvariant(), c.ToLowerInvariant())))
        .Where(x => x.Distance <= Math.Max(2, name.Length / 3))
        .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal)
        .Select(x => x.Name)
        .FirstOrDefault();
}
