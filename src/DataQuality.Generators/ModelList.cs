using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace DataQuality.Generators;

/// <summary>
/// The model list (<c>obj/…/dataquality.models.txt</c>) that the build's dq-lint step writes and the
/// generator reads: per suite or contract, the names that Core's own readers found in it. The generator
/// parses no YAML or JSON itself, so it cannot disagree with <c>dq lint</c> / <c>dq validate</c> about
/// what a file declares. (A line-by-line YAML reader used to reject valid flow-style contracts, issue 13.)
/// This source file is compiled into dq-lint as well, so the writer and the reader share one definition.
/// <para>Format: the line <see cref="Header"/>, then one line per file with tab-separated fields
/// kind, absolute path, name, dataset (empty: none), model…; a backslash, tab, CR or LF inside a
/// field is written as <c>\\ \t \r \n</c>.</para>
/// </summary>
internal static class ModelList
{
    /// <summary>Changes when the format does: a generator never reads another version's lines as names.</summary>
    public const string Header = "dq-models 1";

    public static string Format(IEnumerable<ModelListEntry> entries)
    {
        var sb = new StringBuilder(Header).Append('\n');
        foreach (var entry in entries)
        {
            sb.Append(entry.Kind == CheckFileKind.Suite ? "suite" : "contract");
            foreach (var field in Fields(entry)) sb.Append('\t').Append(Escape(field));
            sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>The entries, or null when the text is not this version's model list.</summary>
    public static IReadOnlyList<ModelListEntry>? Parse(string text)
    {
        var lines = text.Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd('\r') != Header) return null;
        var entries = new List<ModelListEntry>();
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0) continue;
            var fields = line.Split('\t');
            if (fields.Length < 4) return null;
            CheckFileKind kind;
            if (fields[0] == "suite") kind = CheckFileKind.Suite;
            else if (fields[0] == "contract") kind = CheckFileKind.Contract;
            else return null;
            var models = new string[fields.Length - 4];
            for (var m = 0; m < models.Length; m++) models[m] = Unescape(fields[4 + m]);
            var dataset = Unescape(fields[3]);
            entries.Add(new ModelListEntry(kind, Unescape(fields[1]), Unescape(fields[2]), dataset.Length == 0 ? null : dataset, models));
        }
        return entries;
    }

    private static IEnumerable<string> Fields(ModelListEntry entry)
    {
        yield return entry.Path;
        yield return entry.Name;
        yield return entry.Dataset ?? "";
        foreach (var model in entry.Models) yield return model;
    }

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\").Replace("\t", "\\t").Replace("\r", "\\r").Replace("\n", "\\n");

    private static string Unescape(string value)
    {
        if (value.IndexOf('\\') < 0) return value;
        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\' || i + 1 == value.Length)
            {
                sb.Append(value[i]);
                continue;
            }
            var next = value[++i];
            sb.Append(next switch { 't' => '\t', 'r' => '\r', 'n' => '\n', _ => next });
        }
        return sb.ToString();
    }
}

/// <summary>One suite or contract as the engine read it: its name, a suite's dataset, and one model per theory. Compared by value.</summary>
internal sealed class ModelListEntry : IEquatable<ModelListEntry>
{
    public ModelListEntry(CheckFileKind kind, string path, string name, string? dataset, IReadOnlyList<string> models)
    {
        Kind = kind;
        Path = path;
        Name = name;
        Dataset = dataset;
        Models = models;
    }

    public CheckFileKind Kind { get; }

    /// <summary>Absolute path of the suite or contract file.</summary>
    public string Path { get; }

    public string Name { get; }

    public string? Dataset { get; }

    public IReadOnlyList<string> Models { get; }

    public bool Equals(ModelListEntry? other) =>
        other is not null && Kind == other.Kind && Path == other.Path && Name == other.Name && Dataset == other.Dataset && Models.SequenceEqual(other.Models);

    public override bool Equals(object? obj) => Equals(obj as ModelListEntry);

    public override int GetHashCode()
    {
        unchecked
        {
            var hash = (int)Kind * 397 ^ StringComparer.Ordinal.GetHashCode(Path);
            foreach (var model in Models) hash = hash * 31 + StringComparer.Ordinal.GetHashCode(model);
            return hash;
        }
    }
}
