using System;
using System.Collections.Generic;

namespace DataQuality.Generators
{
    /// <summary>
    /// Just enough YAML for names: top-level <c>key: scalar</c> pairs, the <c>name</c> of each
    /// item of a top-level list (ODCS <c>schema:</c>), and the keys of a top-level mapping (DCS
    /// <c>models:</c>). Full parsing and every error with its position belong to the engine and
    /// the build's lint step; this only has to agree with them on well-formed files.
    /// </summary>
    internal static class ShallowYaml
    {
        public static string? TopLevelScalar(string text, string key)
        {
            foreach (var line in Lines(text))
            {
                if (Indent(line) != 0 || line.StartsWith("#", StringComparison.Ordinal)) continue;
                if (TrySplit(line, out var k, out var v) && k == key && v.Length > 0) return Unquote(v);
            }
            return null;
        }

        /// <summary>The <c>name:</c> of each item of the top-level list under <paramref name="key"/>.</summary>
        public static List<string> ListItemNames(string text, string key)
        {
            var names = new List<string>();
            var inside = false;
            var itemIndent = -1;
            var itemHasName = false;
            foreach (var raw in Lines(text))
            {
                var line = StripComment(raw);
                if (line.Trim().Length == 0) continue;
                var indent = Indent(line);
                var body = line.Trim();
                if (indent == 0 && !body.StartsWith("- ", StringComparison.Ordinal))
                {
                    inside = TrySplit(body, out var k, out var v) && k == key && v.Length == 0;
                    itemIndent = -1;
                    continue;
                }
                if (!inside) continue;
                if (body.StartsWith("- ", StringComparison.Ordinal) || body == "-")
                {
                    if (itemIndent < 0) itemIndent = indent;
                    if (indent != itemIndent) continue;
                    itemHasName = false;
                    var rest = body.Length > 2 ? body.Substring(2).Trim() : "";
                    if (TrySplit(rest, out var k, out var v) && k == "name" && v.Length > 0)
                    {
                        names.Add(Unquote(v));
                        itemHasName = true;
                    }
                }
                else if (itemIndent >= 0 && indent == itemIndent + 2 && !itemHasName && TrySplit(body, out var k, out var v) && k == "name" && v.Length > 0)
                {
                    names.Add(Unquote(v));
                    itemHasName = true;
                }
            }
            return names;
        }

        /// <summary>The keys of the top-level mapping under <paramref name="key"/>.</summary>
        public static List<string> MappingKeys(string text, string key)
        {
            var keys = new List<string>();
            var inside = false;
            var childIndent = -1;
            foreach (var raw in Lines(text))
            {
                var line = StripComment(raw);
                if (line.Trim().Length == 0) continue;
                var indent = Indent(line);
                var body = line.Trim();
                if (indent == 0)
                {
                    inside = TrySplit(body, out var k, out var v) && k == key && v.Length == 0;
                    childIndent = -1;
                    continue;
                }
                if (!inside) continue;
                if (childIndent < 0) childIndent = indent;
                if (indent == childIndent && TrySplit(body, out var child, out _)) keys.Add(Unquote(child));
            }
            return keys;
        }

        private static IEnumerable<string> Lines(string text) => text.Replace("\r\n", "\n").Split('\n');

        private static int Indent(string line)
        {
            var i = 0;
            while (i < line.Length && line[i] == ' ') i++;
            return i;
        }

        private static string StripComment(string line)
        {
            var hash = line.IndexOf(" #", StringComparison.Ordinal);
            if (line.TrimStart().StartsWith("#", StringComparison.Ordinal)) return "";
            return hash >= 0 && line.IndexOf('"') < 0 && line.IndexOf('\'') < 0 ? line.Substring(0, hash) : line;
        }

        private static bool TrySplit(string body, out string key, out string value)
        {
            key = value = "";
            var colon = body.IndexOf(": ", StringComparison.Ordinal);
            if (colon < 0 && body.EndsWith(":", StringComparison.Ordinal)) colon = body.Length - 1;
            if (colon <= 0) return false;
            key = Unquote(body.Substring(0, colon).Trim());
            value = body.Substring(colon + 1).Trim();
            if (value.Length > 0 && (value[0] == '"' || value[0] == '\''))
            {
                var close = value.IndexOf(value[0], 1);
                if (close > 0) value = value.Substring(0, close + 1);
            }
            else
            {
                var hash = value.IndexOf(" #", StringComparison.Ordinal);
                if (hash >= 0) value = value.Substring(0, hash).Trim();
                if (value.StartsWith("#", StringComparison.Ordinal)) value = "";
            }
            return true;
        }

        private static string Unquote(string s)
        {
            s = s.Trim();
            if (s.Length >= 2 && (s[0] == '"' && s[s.Length - 1] == '"' || s[0] == '\'' && s[s.Length - 1] == '\''))
                return s.Substring(1, s.Length - 2);
            return s;
        }
    }
}
