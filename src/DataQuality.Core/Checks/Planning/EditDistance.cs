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

    /// <summary>
    /// Whether <paramref name="name"/> is almost certainly a misspelling of <paramref name="known"/>, not another
    /// word: the same but for letter case, or one edit or one swap of neighbours apart (4 letters or more), or two
    /// apart in 8 letters or more. Looser than <see cref="Suggest"/>, which also offers "id" for "pii": a
    /// did-you-mean is a hint, this decides whether an unknown key is an error.
    /// </summary>
    public static bool IsMisspelling(string name, string known)
    {
        var distance = Swaps(name.ToLowerInvariant(), known.ToLowerInvariant());
        return distance == 0 || (distance == 1 && name.Length >= 4) || (distance == 2 && name.Length >= 8);
    }

    /// <summary>Optimal string alignment distance: Levenshtein where swapping two neighbours is one edit.</summary>
    private static int Swaps(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}
