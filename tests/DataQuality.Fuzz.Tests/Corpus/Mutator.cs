using System.Text;
using System.Text.RegularExpressions;

namespace DataQuality.Fuzz.Tests.Corpus;

/// <summary>
/// Malformed variants of a valid seed: a fixed set of named attacks (deep nesting, billion laughs, a second
/// document, duplicate keys, a misspelled argument, NUL/control/RTL characters, invalid UTF-8, ...) and
/// seeded random edits (truncate, delete/duplicate a line, shift indentation, replace a scalar with a
/// huge/negative/NaN/infinite/empty/list/map value). Same seed, same mutants.
/// </summary>
public static partial class Mutator
{
    public sealed record Mutant(string Name, byte[] Bytes);

    private static readonly UTF8Encoding Utf8 = new(false);

    [GeneratedRegex(@"(?<=:[ ]+)(?![|>&*!\[{'""])[^\s#\[\]{},][^#\n,}\]]*")]
    private static partial Regex YamlScalar();

    [GeneratedRegex(@"(?<=:\s*)(""(?:[^""\\]|\\.)*""|-?\d[\d.eE+-]*|true|false|null)")]
    private static partial Regex JsonScalar();

    private static readonly (string Name, string Yaml, string Json)[] HostileScalars =
    [
        ("huge-number", "1e400", "1e400"),
        ("huge-integer", "99999999999999999999999999999", "99999999999999999999999999999"),
        ("below-long-min", "-9223372036854775809", "-9223372036854775809"),
        ("negative", "-1", "-1"),
        ("nan", ".nan", "NaN"),
        ("infinity", ".inf", "Infinity"),
        ("minus-infinity", "-.inf", "-Infinity"),
        ("empty", "''", "\"\""),
        ("null", "null", "null"),
        ("nested-list", "[1, [2, [3]]]", "[1, [2, [3]]]"),
        ("map", "{a: {b: 1}}", "{\"a\": {\"b\": 1}}"),
        ("huge-string", "'" + new string('x', 100_000) + "'", "\"" + new string('x', 100_000) + "\""),
    ];

    public static IEnumerable<Mutant> Mutants(Seeds.Seed seed)
    {
        var text = seed.Text;
        var random = FuzzSeed.For(seed.Name);
        Mutant M(string name, string body) => new($"{seed.Name}/{name}", Utf8.GetBytes(body));

        // Named attacks.
        yield return M("deep-nesting-document", new string('[', 100_000));
        yield return M("deep-nesting-value", ReplaceScalar(seed, text, random, new string('[', 100_000)));
        yield return M("deep-nesting-closed", ReplaceScalar(seed, text, random, new string('[', 50_000) + new string(']', 50_000)));
        yield return M("billion-laughs", BillionLaughs() + text);
        yield return seed.IsJson ? M("trailing-garbage", text + "}{]") : M("anchor-alias", AnchorAlias(text));
        yield return M("second-document", text + "---\n" + text);
        yield return M("duplicate-key", DuplicateKey(seed, text));
        yield return M("misspelled-argument", Misspell(text));
        yield return M("nul-character", Insert(text, random, "\0"));
        yield return M("control-characters", Insert(text, random, "\u0001\u001b[31m\u007f\b"));
        yield return M("rtl-and-emoji", Insert(text, random, "\u202E😀\u200F\uFEFF"));
        yield return new Mutant($"{seed.Name}/invalid-utf8", [.. Utf8.GetBytes(text[..(text.Length / 2)]), 0xFF, 0xFE, 0xC3, 0x28, .. Utf8.GetBytes(text[(text.Length / 2)..])]);
        yield return M("byte-order-mark", "\uFEFF" + text);
        yield return M("empty-file", "");
        yield return M("comment-only", "# nothing here\n");
        yield return M("crlf", text.Replace("\n", "\r\n", StringComparison.Ordinal));
        yield return M("tabs", Regex.Replace(text, "(?m)^(  )+", match => new string('\t', match.Length / 2)));

        // Seeded random edits.
        for (var i = 1; i <= 3; i++)
            yield return M($"truncate-{i}", text[..random.Next(1, text.Length - 1)]);
        for (var i = 1; i <= 3; i++)
            yield return M($"delete-line-{i}", EditLine(text, random, (lines, at) => lines.RemoveAt(at)));
        for (var i = 1; i <= 2; i++)
            yield return M($"duplicate-line-{i}", EditLine(text, random, (lines, at) => lines.Insert(at, lines[at])));
        for (var i = 1; i <= 2; i++)
            yield return M($"shift-indentation-{i}", EditLine(text, random, (lines, at) => lines[at] = (random.Next(2) == 0 ? "   " : "") + lines[at].TrimStart(' ')));
        foreach (var (name, yaml, json) in HostileScalars)
            yield return M($"scalar-{name}", ReplaceScalar(seed, text, random, seed.IsJson ? json : yaml));
    }

    /// <summary>An anchor and an alias after the first line (docs/contracts.md promises DQ1003 for them).</summary>
    private static string AnchorAlias(string text)
    {
        var at = text.IndexOf('\n', StringComparison.Ordinal);
        return text[..at] + "\nx-anchor: &a {k: v}\nx-alias: *a" + text[at..];
    }

    /// <summary>Nine anchors, each aliasing the previous one nine times: 9^9 strings once expanded.</summary>
    private static string BillionLaughs()
    {
        var text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
        var previous = "a";
        foreach (var name in "bcdefghi")
        {
            text += $"{name}: &{name} [{string.Join(",", Enumerable.Repeat("*" + previous, 9))}]\n";
            previous = name.ToString();
        }
        return text;
    }

    private static string DuplicateKey(Seeds.Seed seed, string text)
    {
        if (seed.IsJson)
        {
            var at = text.IndexOf('{', StringComparison.Ordinal) + 1;
            return text[..at] + "\n  \"name\": \"first\"," + text[at..];
        }
        var firstLineEnd = text.IndexOf('\n', StringComparison.Ordinal) + 1;
        var key = text[..text.IndexOf(':', StringComparison.Ordinal)];
        return text[..firstLineEnd] + key + ": duplicate\n" + text[firstLineEnd..];
    }

    /// <summary>The first argument name a user is likely to mistype, one letter dropped.</summary>
    private static string Misspell(string text)
    {
        foreach (var word in new[] { "min_value", "column", "logicalType", "required" })
        {
            var at = text.IndexOf(word, StringComparison.Ordinal);
            if (at >= 0)
                return text[..at] + word[..^1] + text[(at + word.Length)..];
        }
        return text;
    }

    private static string Insert(string text, Random random, string what)
    {
        var at = random.Next(0, text.Length);
        return text[..at] + what + text[at..];
    }

    private static string EditLine(string text, Random random, Action<List<string>, int> edit)
    {
        var lines = text.Split('\n').ToList();
        edit(lines, random.Next(0, lines.Count - 1));
        return string.Join('\n', lines);
    }

    private static string ReplaceScalar(Seeds.Seed seed, string text, Random random, string value)
    {
        var matches = (seed.IsJson ? JsonScalar() : YamlScalar()).Matches(text);
        var match = matches[random.Next(matches.Count)];
        return text[..match.Index] + value + text[(match.Index + match.Length)..];
    }
}
